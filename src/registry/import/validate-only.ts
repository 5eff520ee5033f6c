import sax from 'sax';
import { SoapFault } from '../soap/soap-fault.ts';

/** The ImportService namespace, in which the dry-run header is declared. */
const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';

/** The SOAP header element that asks for a dry run (this project's extension). */
export const VALIDATE_ONLY_HEADER = 'KunValidering';

/** The header as the SOAP layer names understood header blocks: `{namespace}localName`. */
export const VALIDATE_ONLY_HEADER_NAME = `{${IMPORT_NS}}${VALIDATE_ONLY_HEADER}`;

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * Whether a write request asks for a dry run: `Envelope/Header/KunValidering` in the ImportService
 * namespace with the text `true` or `1` (xs:boolean). A header, not a parameter, so that every
 * write's body stays STIL's and a client that knows nothing of it is unaffected. Called on XML
 * already found well-formed. A value that is no xs:boolean is a Client fault: read as "no dry run",
 * a typo would make the write real.
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
    if (inHeaderElement) {
      const value = text.trim();
      if (!['true', '1', 'false', '0'].includes(value)) {
        throw new SoapFault(
          'soap:Client',
          `The header ${VALIDATE_ONLY_HEADER} must be true, 1, false or 0; got "${value.slice(0, 50)}"; nothing was run`,
        );
      }
      if (value === 'true' || value === '1') found = true;
    }
    inHeaderElement = false;
    path.pop();
  };
  parser.write(xml).close();
  return found;
}
