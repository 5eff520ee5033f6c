import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listen, type Server } from 'soap';
import { soapFaultEnvelope } from './soap-fault-envelope.ts';
import { currentRequest } from './request-context.ts';
import { SoapFault } from './soap-fault.ts';

/** One SOAP operation: parsed arguments in, the response element's content out (or a promise of it). */
export type SoapOperation = (args: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** A SOAP service: its WSDL and schema texts, and a request processor. */
export interface SoapService {
  name: string;
  wsdlXml: string;
  schemas: ReadonlyMap<string, string>;
  process(xml: string, soapAction: string | undefined): Promise<{ body: string; statusCode: number }>;
}

/**
 * Builds a node-soap processor for a WSDL file and its operations. node-soap only dispatches and
 * serialises here: the HTTP layer (auth, limits, XML safety) is ours. `edit` may change the WSDL
 * and schema texts as read (a service offered without some of its operations).
 */
export async function createSoapService(
  name: string,
  wsdlPath: string,
  schemaFiles: readonly string[],
  operations: Record<string, SoapOperation>,
  edit: (file: string, text: string) => string = (_file, text) => text,
): Promise<SoapService> {
  const wsdlXml = edit(wsdlPath, readFileSync(wsdlPath, 'utf8'));
  const schemas = new Map(
    schemaFiles.map((file) => [file, edit(file, readFileSync(`${dirname(wsdlPath)}/${file}`, 'utf8'))]),
  );
  const port: Record<string, SoapOperation> = {};
  for (const [operation, run] of Object.entries(operations)) {
    port[operation] = (args) => guard(operation, run, args);
  }
  // Without an HTTP server node-soap only parses the WSDL and processes envelopes handed to it;
  // its callback is the one place that reports a WSDL it could not read.
  const server = await new Promise<Server>((resolve, reject) => {
    listen(null as never, {
      path: `/${name}`,
      services: { [name]: { [`${name}Soap`]: port } },
      xml: wsdlXml,
      uri: wsdlPath,
      suppressStack: true,
      callback: (error: unknown, ready: Server) => (error ? reject(toError(error)) : resolve(ready)),
    });
  });
  return {
    name,
    wsdlXml,
    schemas,
    async process(xml, soapAction) {
      const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
      if (soapAction !== undefined) headers.soapaction = soapAction;
      const response = await server.processRequest(xml, { url: `/${name}`, headers });
      if (response.body.includes(':Envelope'))
        return { body: response.body, statusCode: response.statusCode };
      // node-soap answers requests it cannot dispatch (an unknown operation, a body it cannot
      // map) with its raw error text; the client gets a fault instead, the text goes to the log.
      const { log, requestId } = currentRequest();
      log.warn({ soapError: response.body.slice(0, 500) }, 'request not dispatched');
      return {
        body: soapFaultEnvelope(
          'soap:Client',
          `The request names no operation of ${name}; reference ${requestId}`,
        ),
        statusCode: 400,
      };
    },
  };
}

/** Runs an operation; an unexpected error is logged and answered as a Server fault without details. */
async function guard(operation: string, run: SoapOperation, args: unknown): Promise<Record<string, unknown>> {
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof SoapFault) throw error;
    const { log, requestId } = currentRequest();
    log.error({ err: error, operation }, 'operation failed');
    throw new SoapFault('soap:Server', `Internal error in ${operation}; reference ${requestId}`);
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
