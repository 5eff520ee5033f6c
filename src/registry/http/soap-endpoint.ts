import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../soap/caller.ts';
import type { SoapService } from '../soap/soap-service.ts';
import { BodyTooLargeError, readBody } from '../../http/read-body.ts';
import { send } from '../../http/send.ts';
import { faultAnswer } from '../soap/soap-fault-envelope.ts';
import { versionOfMediaType } from '../soap/soap-versions.ts';
import { findXmlProblem } from './xml-guard.ts';
import { decodeRequestBody } from './request-text.ts';
import { sendAnswer } from './send-answer.ts';

const XML = 'text/xml; charset=utf-8';

/** How an endpoint reads requests, sends answers and names itself in its WSDL. */
export interface SoapEndpointOptions {
  maxBodyBytes: number;
  /** A client that takes no part of an answer for this long is disconnected. */
  sendTimeoutMs: number;
  /** The register's public URL, without a trailing slash. */
  publicUrl: string;
}

/**
 * Serves one SOAP service at `/<name>`: the WSDL at `?wsdl` (its addresses set to the register's
 * public URL, never to a request header), its XSD files beside it, and POSTed envelopes, checked
 * for size, XML safety and limits before the service reads them.
 */
export async function handleSoapEndpoint(
  service: SoapService,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  limits: SoapEndpointOptions,
  caller: Caller,
): Promise<void> {
  const { maxBodyBytes, sendTimeoutMs, publicUrl } = limits;
  if (req.method === 'GET' && url.pathname === `/${service.name}` && url.search.toLowerCase() === '?wsdl') {
    return send(res, 200, XML, wsdlWithAddress(service, publicUrl));
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
  const contentType = req.headers['content-type'];
  const version = versionOfMediaType(contentType);
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.setHeader('Connection', 'close');
      const fault = faultAnswer(version, 'Client', error.message);
      return send(res, 413, fault.contentType, fault.body);
    }
    throw error;
  }
  // The body is read by the encoding it declares (fatal, NFC); a body that cannot be read is a
  // Client fault in the version its Content-Type names, like every other unreadable request.
  const { xml, problem: encodingProblem } = decodeRequestBody(body, contentType);
  const problem = encodingProblem ?? findXmlProblem(xml);
  if (problem !== null) {
    const fault = faultAnswer(version, 'Client', problem);
    return send(res, fault.statusCode, fault.contentType, fault.body);
  }
  const soapAction = req.headers.soapaction;
  const response = await service.process({
    xml,
    contentType,
    soapAction: typeof soapAction === 'string' ? soapAction : undefined,
    caller,
  });
  return sendAnswer(res, response, sendTimeoutMs);
}

/** The WSDL with every port's address (`soap:address`, `soap12:address`) set to the public URL, escaped. */
function wsdlWithAddress(service: SoapService, publicUrl: string): string {
  const location = escapeAttribute(`${publicUrl}/${service.name}`);
  return service.wsdlXml.replace(
    /(<soap(?:12)?:address location=")[^"]*(")/g,
    (_, before: string, after: string) => `${before}${location}${after}`,
  );
}

function escapeAttribute(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
