import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SoapService } from '../soap/soap-service.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { currentRequest } from '../soap/request-context.ts';
import { soapFaultEnvelope } from '../soap/soap-fault-envelope.ts';
import { findXmlProblem } from './xml-guard.ts';
import { decodeRequestBody } from './request-text.ts';
import { sendAnswer } from './send-answer.ts';

const XML = 'text/xml; charset=utf-8';

/**
 * Serves one SOAP service at `/<name>`: the WSDL at `?wsdl` (its address rewritten to where it was
 * fetched from, so that generated clients call this server), its XSD files beside it, and POSTed
 * envelopes, checked for size and XML safety before node-soap parses them.
 */
export async function handleSoapEndpoint(
  service: SoapService,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  maxBodyBytes: number,
  sendTimeoutMs: number,
): Promise<void> {
  if (req.method === 'GET' && url.pathname === `/${service.name}` && url.search.toLowerCase() === '?wsdl') {
    const location = `${url.origin}/${service.name}`;
    const wsdl = service.wsdlXml.replace(/(<soap:address location=")[^"]*(")/, `$1${location}$2`);
    return send(res, 200, XML, wsdl);
  }
  if (req.method === 'GET') {
    const schemaName = url.searchParams.get('xsd') ?? url.pathname.slice(1);
    const schema = service.schemas.get(schemaName);
    return schema === undefined ? send(res, 404, 'text/plain', 'Not found\n') : send(res, 200, XML, schema);
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return send(res, 405, 'text/plain', 'Method not allowed\n');
  }
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.setHeader('Connection', 'close');
      return send(res, 413, XML, soapFaultEnvelope('soap:Client', error.message));
    }
    throw error;
  }
  const { xml, problem: encodingProblem } = decodeRequestBody(body, req.headers['content-type']);
  const problem = encodingProblem ?? findXmlProblem(xml);
  if (problem !== null) return send(res, 400, XML, soapFaultEnvelope('soap:Client', problem));
  currentRequest().requestXml = xml;
  const soapAction = req.headers.soapaction;
  const response = await service.process(xml, typeof soapAction === 'string' ? soapAction : undefined);
  return sendAnswer(res, response.statusCode, XML, response.body, sendTimeoutMs);
}

/** Writes a whole response. */
export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
