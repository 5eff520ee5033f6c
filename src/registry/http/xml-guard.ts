import sax from 'sax';

/**
 * Checks that a request is well-formed XML without a DOCTYPE, before any SOAP processing:
 * a DOCTYPE is where entity expansion ("billion laughs") and external entities live, and a SOAP
 * message never needs one. Returns null when the XML is acceptable, else what is wrong.
 */
export function findXmlProblem(xml: string): string | null {
  if (xml.trim() === '') return 'The request body is empty; expected a SOAP envelope';
  const parser = sax.parser(true, { xmlns: false });
  let problem: string | null = null;
  parser.ondoctype = () => {
    problem ??= 'XML with a DOCTYPE (DTD, entity declarations) is not accepted';
  };
  parser.onerror = (error) => {
    problem ??= `Malformed XML: ${error.message.split('\n')[0] ?? 'parse error'} (line ${parser.line + 1}, column ${parser.column + 1})`;
  };
  try {
    parser.write(xml).close();
  } catch {
    // sax reports through onerror; a thrown error after that adds nothing.
  }
  return problem;
}
