import libxmljs from 'libxmljs';

/** A libxml2 document, as libxmljs parses it. */
export type XmlDocument = ReturnType<typeof libxmljs.parseXml>;

/** Why libxml2 could not parse an operation element. */
export interface ParseFailure {
  message: string;
  line: number | null;
}

/**
 * The Body's operation element, parsed once (libxml2) for everything that reads it after the
 * envelope: the XSD check validates this document, and operations that read a parameter as sent
 * (sent-integer.ts) read it here.
 */
export interface ParsedOperation {
  /** The element alone, preceded by as many line breaks as precede it in the request. */
  xml: string;
  /** The parsed element, or why libxml2 refused it (then `document` is null). */
  document: XmlDocument | null;
  parseFailure: ParseFailure | null;
}

/** Parses an operation element; libxml2's defaults: no entity substitution, no network. */
export function parseOperation(xml: string): ParsedOperation {
  try {
    return { xml, document: libxmljs.parseXml(xml), parseFailure: null };
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    return {
      xml,
      document: null,
      parseFailure: {
        message: error instanceof Error ? error.message : String(error),
        line: typeof line === 'number' ? line : null,
      },
    };
  }
}

/**
 * The text content (character data and CDATA, nested elements' included) of each child of the
 * operation element with this local name, in document order.
 */
export function childTexts(element: ParsedOperation, name: string): string[] {
  const root = element.document?.root() ?? null;
  if (root === null) return [];
  return root
    .childNodes()
    .filter((node) => node.type() === 'element' && node.name() === name)
    .map((node) => node.text());
}
