import sax from 'sax';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL_SOAP11 = 'http://schemas.xmlsoap.org/wsdl/soap/';
const WSDL_SOAP12 = 'http://schemas.xmlsoap.org/wsdl/soap12/';

/** What dispatch needs from a WSDL: its namespace and each operation's SOAP action, per binding. */
export interface WsdlOperations {
  targetNamespace: string;
  /** Operation name → soapAction, from the SOAP 1.1 binding. */
  soap11Actions: ReadonlyMap<string, string>;
  /** Operation name → soapAction, from the SOAP 1.2 binding (empty when the WSDL has none). */
  soap12Actions: ReadonlyMap<string, string>;
}

/** Reads the operations and their actions from a WSDL's `soap:` and `soap12:` bindings. */
export function readWsdlOperations(wsdlXml: string): WsdlOperations {
  const parser = sax.parser(true, { xmlns: true });
  let targetNamespace = '';
  const soap11Actions = new Map<string, string>();
  const soap12Actions = new Map<string, string>();
  const stack: sax.QualifiedTag[] = [];
  let binding: Map<string, string> | null = null;
  let operation: string | null = null;
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    const parent = stack.at(-1);
    stack.push(tag);
    const attribute = (name: string) => tag.attributes[name]?.value;
    const parentIs = (local: string) => parent?.uri === WSDL && parent.local === local;
    if (stack.length === 1) targetNamespace = attribute('targetNamespace') ?? '';
    else if (parentIs('binding') && tag.local === 'binding') {
      binding = tag.uri === WSDL_SOAP11 ? soap11Actions : tag.uri === WSDL_SOAP12 ? soap12Actions : null;
    } else if (parentIs('binding') && tag.uri === WSDL && tag.local === 'operation') {
      operation = attribute('name') ?? null;
    } else if (parentIs('operation') && binding !== null && operation !== null && tag.local === 'operation') {
      binding.set(operation, attribute('soapAction') ?? '');
    }
  };
  parser.onclosetag = () => {
    const tag = stack.pop();
    if (tag?.uri === WSDL && tag.local === 'binding') binding = null;
  };
  parser.write(wsdlXml).close();
  return { targetNamespace, soap11Actions, soap12Actions };
}
