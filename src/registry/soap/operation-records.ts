import sax from 'sax';

/** One child element of the SOAP operation element, as a standalone XML document. */
export interface OperationChild {
  localName: string;
  xml: string;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * Cuts the children of the operation element (`Envelope/Body/<Operation>/<child>`) out of a request,
 * each as its own document with the namespace declarations it inherited, so that each record can be
 * validated against the XSD exactly as the client sent it. Called on XML already found well-formed.
 */
export function operationChildren(xml: string): OperationChild[] {
  const parser = sax.parser(true, { xmlns: false, position: true });
  const stack: { name: string; xmlns: Record<string, string> }[] = [];
  const children: OperationChild[] = [];
  let open: { start: number; name: string; xmlns: Record<string, string> } | null = null;
  parser.onopentag = (tag) => {
    const declared: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) declared[key] = String(value);
    }
    const inherited = Object.assign({}, stack.at(-1)?.xmlns, declared);
    stack.push({ name: tag.name, xmlns: inherited });
    const isChildOfOperation = stack.length === 4 && localName(stack[1]?.name ?? '') === 'Body';
    if (isChildOfOperation) open = { start: parser.startTagPosition - 1, name: tag.name, xmlns: inherited };
  };
  parser.onclosetag = () => {
    if (open !== null && stack.length === 4) {
      const text = xml.slice(open.start, parser.position);
      children.push({ localName: localName(open.name), xml: withNamespaces(text, open.name, open.xmlns) });
      open = null;
    }
    stack.pop();
  };
  parser.write(xml).close();
  return children;
}

/** Adds the inherited declarations the element does not make itself. */
function withNamespaces(element: string, name: string, xmlns: Record<string, string>): string {
  const startTag = element.slice(0, element.indexOf('>'));
  const missing = Object.entries(xmlns)
    .filter(([key]) => !new RegExp(`\\s${key}\\s*=`).test(startTag))
    .map(([key, value]) => ` ${key}="${value.replace(/"/g, '&quot;')}"`)
    .join('');
  return `<${name}${missing}${element.slice(name.length + 1)}`;
}
