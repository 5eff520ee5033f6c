import { createHash } from 'node:crypto';
import type { RegistryStore } from '../../src/registry/store/registry-store.ts';
import { httpsRequest, type RawResponse } from './https-request.ts';
import { basicAuth } from './start-test-registry.ts';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';
export const EXPORT_NS = 'urn:dagtilbudsregister:export:v1';

/** An envelope of either version around a Body's content, with optional header blocks. */
export function envelope(version: '1.1' | '1.2', body: string, header = ''): string {
  const ns = version === '1.1' ? SOAP11_NS : SOAP12_NS;
  return (
    `<?xml version="1.0" encoding="utf-8"?><env:Envelope xmlns:env="${ns}">` +
    (header === '' ? '' : `<env:Header>${header}</env:Header>`) +
    `<env:Body>${body}</env:Body></env:Envelope>`
  );
}

/** The action the WSDL gives an operation. */
export const actionOf = (service: 'ExportService' | 'ImportService', operation: string) =>
  `${service === 'ImportService' ? IMPORT_NS : EXPORT_NS}/${operation}`;

/** POSTs raw XML to a service as one identity, with the headers a test chooses. */
export function postSoap(
  registry: { url: string; ca: string },
  service: 'ExportService' | 'ImportService',
  body: string | Buffer,
  options: { user?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return httpsRequest(`${registry.url}/${service}`, {
    method: 'POST',
    ca: registry.ca,
    headers: {
      authorization: basicAuth(options.user ?? 'admin'),
      'content-type': 'text/xml; charset=utf-8',
      ...options.headers,
    },
    body,
  });
}

/** A SOAP 1.1 POST with a SOAPAction header. */
export const post11 = (
  registry: { url: string; ca: string },
  service: 'ExportService' | 'ImportService',
  body: string,
  soapAction?: string,
) =>
  postSoap(registry, service, body, {
    headers: soapAction === undefined ? {} : { soapaction: `"${soapAction}"` },
  });

/** A SOAP 1.2 POST: application/soap+xml with the action parameter. */
export const post12 = (
  registry: { url: string; ca: string },
  service: 'ExportService' | 'ImportService',
  body: string,
  action?: string,
) =>
  postSoap(registry, service, body, {
    headers: {
      'content-type': `application/soap+xml; charset=utf-8${action === undefined ? '' : `; action="${action}"`}`,
    },
  });

/** A digest of everything the store holds: equal before and after means nothing was written. */
export function storeFingerprint(store: RegistryStore): string {
  const content = JSON.stringify([
    store.changeSequence(),
    store.daginstitutioner(),
    store.anvisningsenheder(),
    store.alternativAdresser(),
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/** The faultstring (1.1) or Reason/Text (1.2) of a fault answer, or null when it is no fault. */
export function faultReason(body: string): string | null {
  const match =
    /<faultstring>([\s\S]*?)<\/faultstring>|<soap:Text xml:lang="en">([\s\S]*?)<\/soap:Text>/.exec(body);
  return match === null ? null : decodeXmlText(match[1] ?? match[2] ?? '');
}

/** XML text with its character and predefined entity references resolved. */
function decodeXmlText(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) =>
    ref.startsWith('#x')
      ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#')
        ? String.fromCodePoint(Number(ref.slice(1)))
        : (named[ref] ?? ''),
  );
}
