import sax from 'sax';

/**
 * Bounds on a request's shape, far above anything the WSDLs describe (the deepest request is 6
 * levels; the largest, a batch of 1000 numbers, about 1,000 elements), and far below what would
 * make node-soap's or libxml2's parsers slow, recursive or huge.
 */
export const XML_LIMITS = {
  maxDepth: 32,
  maxElements: 20_000,
  maxAttributesPerElement: 32,
  maxAttributeChars: 4096,
} as const;

/** Thrown from a sax handler to stop reading at the first problem. */
class Stop extends Error {}

/**
 * Checks that a request is well-formed XML without a DOCTYPE and within XML_LIMITS, before any SOAP
 * processing: a DOCTYPE is where entity expansion ("billion laughs") and external entities live,
 * and a SOAP message never needs one. Returns null when the XML is acceptable, else what is wrong
 * and where (line and column).
 */
export function findXmlProblem(xml: string): string | null {
  if (xml.trim() === '') return 'The request body is empty; expected a SOAP envelope';
  const parser = sax.parser(true, { xmlns: false });
  let problem: string | null = null;
  let depth = 0;
  let elements = 0;
  const at = () => `(line ${parser.line + 1}, column ${parser.column + 1})`;
  const stop = (text: string): never => {
    problem ??= text;
    throw new Stop(text);
  };
  parser.ondoctype = () => stop('XML with a DOCTYPE (DTD, entity declarations) is not accepted');
  parser.onerror = (error) => stop(`Malformed XML: ${error.message.split('\n')[0] ?? 'parse error'} ${at()}`);
  parser.onattribute = (attribute) => {
    if (attribute.value.length > XML_LIMITS.maxAttributeChars) {
      stop(
        `The attribute ${attribute.name.slice(0, 100)} is ${attribute.value.length} characters long; at most ${XML_LIMITS.maxAttributeChars} are accepted ${at()}`,
      );
    }
  };
  parser.onopentag = (tag) => {
    depth += 1;
    elements += 1;
    const name = tag.name.slice(0, 100);
    if (depth > XML_LIMITS.maxDepth)
      stop(`Elements are nested deeper than ${XML_LIMITS.maxDepth} levels at <${name}> ${at()}`);
    if (elements > XML_LIMITS.maxElements)
      stop(`The request has more than ${XML_LIMITS.maxElements} elements; <${name}> ${at()} is one too many`);
    if (Object.keys(tag.attributes).length > XML_LIMITS.maxAttributesPerElement)
      stop(`<${name}> has more than ${XML_LIMITS.maxAttributesPerElement} attributes ${at()}`);
  };
  parser.onclosetag = () => {
    depth -= 1;
  };
  try {
    parser.write(xml).close();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return problem;
}
