import { get } from 'node:https';
import type { Logger } from 'pino';
import type { Caller } from './soap/caller.ts';
import type { SoapService } from './soap/soap-service.ts';

const EXPORT_NAMESPACE = 'urn:dagtilbudsregister:export:v1';

/**
 * Small ExportService reads that take every step a real read takes: the envelope's XML parsing,
 * the XSD check of the operation element, node-soap's dispatch, a store query and the answer's
 * XML. An unknown number is enough (its answer is an empty list): the same code runs.
 */
const WARM_UP_READS: readonly { operation: string; body: string }[] = [
  { operation: 'GetInstitutionstyper', body: '' },
  { operation: 'GetAnvisningsEnhederByNummer', body: '<enhedsNummer>G00000</enhedsNummer>' },
  { operation: 'GetDaginstitutionByNummer', body: '<DagInstitutionsNummer>G00000</DagInstitutionsNummer>' },
];

const envelope = (operation: string, body: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
  `<${operation} xmlns="${EXPORT_NAMESPACE}">${body}</${operation}>` +
  '</soap:Body></soap:Envelope>';

/**
 * Runs a few reads through the ExportService in process, before the register listens: the first
 * caller then meets compiled code and prepared statements, not their first run. Reads only, and
 * no request over the network: nothing is logged as a request, no login is counted, no answer is
 * kept. Returns the operations that did not answer 200 (a warm-up that fails only costs speed).
 */
export async function warmUpServices(services: readonly SoapService[], log: Logger): Promise<string[]> {
  const exportService = services.find((service) => service.name === 'ExportService');
  if (exportService === undefined) return [];
  const failed: string[] = [];
  for (const { operation, body } of WARM_UP_READS) {
    const xml = envelope(operation, body);
    // As the HTTP layer runs an operation: for a caller, here a reader (reads only).
    const caller: Caller = {
      identity: { kind: 'reader', name: 'warm-up' },
      requestId: 'warm-up',
      log: log.child({ requestId: 'warm-up' }),
    };
    const answer = await exportService.process({
      xml,
      contentType: 'text/xml; charset=utf-8',
      soapAction: `"${EXPORT_NAMESPACE}/${operation}"`,
      caller,
    });
    if (answer.statusCode !== 200) failed.push(operation);
  }
  return failed;
}

/**
 * One HTTPS request to the listening register's `/healthz` (no credentials, no data) over
 * loopback: warms the TLS handshake and the HTTP layer before the register says it listens.
 */
export function warmUpHttps(url: string, ca: string): Promise<void> {
  return new Promise((resolve) => {
    const request = get(
      new URL('/healthz', url),
      { ca, agent: false, headers: { 'x-request-id': 'warm-up' } },
      (response) => {
        response.resume();
        response.once('end', () => resolve());
      },
    );
    // Only speed is at stake: a failed warm-up is not the register's failure.
    request.once('error', () => resolve());
  });
}
