import sax from 'sax';

/** The ImportService namespace, in which the dry-run header is declared. */
const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';

/** The SOAP header element that asks for a dry run (this project's extension). */
export const VALIDATE_ONLY_HEADER = 'KunValidering';

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * Whether a write request asks for a dry run: `Envelope/Header/KunValidering` in the ImportService
 * namespace with the text `true` or `1` (xs:boolean). A header, not a parameter, so that every
 * write's body stays STIL's and a client that knows nothing of it is unaffected. Called on XML
 * already found well-formed.
 */
export function isValidateOnly(xml: string): boolean {
  const parser = sax.parser(true, { xmlns: true });
  const path: string[] = [];
  let inHeaderElement = false;
  let text = '';
  let found = false;
  parser.onopentag = (tag) => {
    const name = tag as sax.QualifiedTag;
    path.push(localName(name.name));
    inHeaderElement =
      path.length === 3 &&
      path[1] === 'Header' &&
      name.local === VALIDATE_ONLY_HEADER &&
      name.uri === IMPORT_NS;
    text = '';
  };
  parser.ontext = (value) => {
    if (inHeaderElement) text += value;
  };
  parser.onclosetag = () => {
    if (inHeaderElement && ['true', '1'].includes(text.trim())) found = true;
    inHeaderElement = false;
    path.pop();
  };
  parser.write(xml).close();
  return found;
}
