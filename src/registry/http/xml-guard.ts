import libxmljs from 'libxmljs';
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

/** Characters outside XML 1.0's Char production, and lone surrogates (which no encoding can carry). */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is this expression's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

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
  const badCharacter = NOT_XML_CHARACTER.exec(xml);
  if (badCharacter !== null) {
    const line = xml.slice(0, badCharacter.index).split('\n').length;
    const code = badCharacter[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
    return `Malformed XML: U+${code} is not a character XML allows (line ${line})`;
  }
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
  return problem ?? libxml2Problem(xml);
}

/**
 * sax is lenient where XML is not (it keeps one of two equal attributes, accepts `<` in an attribute
 * value), so libxml2, which validates the operation later, also has the last word on
 * well-formedness: both must read the same document. Its defaults substitute no entities and load
 * nothing, and the checks above have already bounded what it reads.
 */
function libxml2Problem(xml: string): string | null {
  try {
    libxmljs.parseXml(xml);
    return null;
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    const message = error instanceof Error ? error.message.trim() : String(error);
    const where = typeof line === 'number' && !/Line: \d+/.test(message) ? ` (line ${line})` : '';
    return `Malformed XML: ${message}${where}`;
  }
}
