import libxmljs, { type XMLElement } from 'libxmljs';

/** An xs:dateTime, with or without fraction and offset: the one thing in an answer that must vary. */
const DATE_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?/g;

/**
 * XML as a canonical, line-per-node text, so that two envelopes compare equal exactly when they
 * carry the same elements, attributes and text: each name as `{namespace URI}local` (the prefix
 * chosen is gone), attributes sorted, namespace declarations and whitespace-only text between
 * elements dropped, comments ignored. A small canonicalizer over libxmljs's tree rather than
 * exclusive C14N, because C14N keeps prefixes, which two SOAP stacks choose differently.
 * With `timestamps: 'mask'` every xs:dateTime in a text or attribute reads `«dateTime»`.
 */
export function canonicalXml(xml: string, options: { timestamps?: 'keep' | 'mask' } = {}): string {
  const mask = (text: string) =>
    options.timestamps === 'mask' ? text.replace(DATE_TIME, '«dateTime»') : text;
  const root = libxmljs.parseXml(xml).root();
  if (root === null) throw new Error('canonicalXml: the document has no root element');
  const lines: string[] = [];
  const visit = (element: XMLElement, depth: number) => {
    const indent = '  '.repeat(depth);
    const attributes = element
      .attrs()
      .map((a) => `${qualified(a.namespace()?.href(), a.name())}=${JSON.stringify(mask(a.value()))}`)
      .sort();
    lines.push(
      `${indent}${qualified(element.namespace()?.href(), element.name())}${attributes.map((a) => ` ${a}`).join('')}`,
    );
    for (const child of element.childNodes()) {
      const type = child.type();
      if (type === 'element') visit(child, depth + 1);
      else if (type === 'text' || type === 'cdata') {
        const text = child.text();
        if (text.trim() !== '') lines.push(`${indent}  ${JSON.stringify(mask(text))}`);
      }
    }
  };
  visit(root, 0);
  return lines.join('\n') + '\n';
}

const qualified = (namespace: string | undefined, local: string) =>
  namespace === undefined || namespace === '' ? local : `{${namespace}}${local}`;

/** The document re-indented for a golden file a person reads; text and attributes as they were. */
export function prettyXml(xml: string): string {
  return libxmljs.parseXml(xml).toString({ format: true });
}
