import type { HeaderBlock } from '../soap/read-envelope.ts';
import { SoapFault } from '../soap/soap-fault.ts';

/** The ImportService namespace, in which the dry-run header is declared. */
const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';

/** The SOAP header element that asks for a dry run (this project's extension). */
export const VALIDATE_ONLY_HEADER = 'KunValidering';

/** The header as the SOAP layer names understood header blocks: `{namespace}localName`. */
export const VALIDATE_ONLY_HEADER_NAME = `{${IMPORT_NS}}${VALIDATE_ONLY_HEADER}`;

/**
 * Whether a write request asks for a dry run: `Envelope/Header/KunValidering` in the ImportService
 * namespace with the text `true` or `1` (xs:boolean). A header, not a parameter, so that every
 * write's body stays STIL's and a client that knows nothing of it is unaffected. Read from the
 * header blocks the envelope reading found. A value that is no xs:boolean (an empty header, or
 * one holding elements) is a Client fault: read as "no dry run", a typo would make the write real.
 */
export function isValidateOnly(headers: readonly HeaderBlock[]): boolean {
  let found = false;
  for (const header of headers) {
    if (header.namespace !== IMPORT_NS || header.localName !== VALIDATE_ONLY_HEADER) continue;
    const value = header.text?.trim() ?? '';
    if (!['true', '1', 'false', '0'].includes(value)) {
      throw new SoapFault(
        'soap:Client',
        `The header ${VALIDATE_ONLY_HEADER} must be true, 1, false or 0; got "${value.slice(0, 50)}"; nothing was run`,
      );
    }
    if (value === 'true' || value === '1') found = true;
  }
  return found;
}
