import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listen, type Server } from 'soap';
import { dispatchOperation } from './dispatch.ts';
import { faultAnswer, type FaultAnswer } from './soap-fault-envelope.ts';
import { readEnvelope } from './read-envelope.ts';
import { currentRequest } from './request-context.ts';
import { SoapFault } from './soap-fault.ts';
import { SOAP_11, SOAP_12, versionOfMediaType, type SoapVersion } from './soap-versions.ts';
import { readWsdlOperations } from './wsdl-operations.ts';

/** One SOAP operation: parsed arguments in, the response element's content out (or a promise of it). */
export type SoapOperation = (args: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** A POSTed SOAP request as the HTTP layer read it. */
export interface SoapRequest {
  xml: string;
  contentType: string | undefined;
  soapAction: string | undefined;
}

/** An answer: an envelope in the request's version, with its status and Content-Type. */
export type SoapAnswer = FaultAnswer;

/** A SOAP service: its WSDL and schema texts, and a request processor. */
export interface SoapService {
  name: string;
  wsdlXml: string;
  schemas: ReadonlyMap<string, string>;
  process(request: SoapRequest): Promise<SoapAnswer>;
}

/** What the XSD check decides before node-soap reads the arguments. */
export type OperationCheck =
  | { kind: 'run' }
  /** A Client fault with this reason; nothing runs. */
  | { kind: 'fault'; reason: string }
  /** The operation's answer, decided without running it (an ImportService write's SKEMA_FEJL). */
  | { kind: 'answer'; result: Record<string, unknown> };

export interface SoapServiceOptions {
  name: string;
  wsdlPath: string;
  schemaFiles: readonly string[];
  operations: Record<string, SoapOperation>;
  /**
   * Checks the operation element against the service's XSD before node-soap parses it: node-soap
   * cannot be trusted with a shape the XSD does not describe (markup where a number belongs
   * crashes its parser).
   */
  checkOperation(operation: string, operationXml: string): OperationCheck;
  /**
   * Header blocks the service understands, as `{namespace}localName`: marked mustUnderstand, they
   * are no MustUnderstand fault. Every other header block is not understood.
   */
  understoodHeaders?: ReadonlySet<string>;
  /** May change the WSDL and schema texts as read (a service offered without some of its operations). */
  edit?: (file: string, text: string) => string;
}

/**
 * Per request: the fault an operation raised, so that it is answered in the request's version, and
 * an answer decided before the operation ran.
 */
const raisedFault = new AsyncLocalStorage<{
  fault: SoapFault | null;
  decided: Record<string, unknown> | null;
}>();

/**
 * Builds a SOAP service for a WSDL file and its operations. The operation is decided here, from the
 * Body's element, before node-soap sees the request: node-soap dispatches by the SOAPAction header
 * when one is sent, so a `DeleteAnvisningsEnhed` action on a `HelloWorld` body ran the delete; and it
 * answers every request in the WSDL's first binding's version. So the envelope is read here (version,
 * mustUnderstand headers, the Body's one element), the action must agree with the element, the
 * element must satisfy the XSD, and node-soap gets only a canonical SOAP 1.1 envelope around that
 * element, with the element's own action: it maps the arguments and serialises the answer, which is
 * then put into the request's version. Faults are built here, in that version.
 */
export async function createSoapService(options: SoapServiceOptions): Promise<SoapService> {
  const { name, wsdlPath, schemaFiles, operations, checkOperation } = options;
  const edit = options.edit ?? ((_file: string, text: string) => text);
  const wsdlXml = edit(wsdlPath, readFileSync(wsdlPath, 'utf8'));
  const schemas = new Map(
    schemaFiles.map((file) => [file, edit(file, readFileSync(`${dirname(wsdlPath)}/${file}`, 'utf8'))]),
  );
  const wsdl = readWsdlOperations(wsdlXml);
  const port: Record<string, SoapOperation> = {};
  for (const [operation, run] of Object.entries(operations)) {
    port[operation] = (args) => guard(operation, run, args);
  }
  // Without an HTTP server node-soap only parses the WSDL and processes envelopes handed to it;
  // its callback is the one place that reports a WSDL it could not read.
  const server = await new Promise<Server>((resolve, reject) => {
    listen(null as never, {
      path: `/${name}`,
      services: { [name]: { [`${name}Soap`]: port, [`${name}Soap12`]: port } },
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
    async process(request) {
      const envelope = readEnvelope(request.xml, versionOfMediaType(request.contentType));
      if (!envelope.ok) return faultAnswer(envelope.version, envelope.code, envelope.reason);
      const { version, operation } = envelope;
      const dispatched = dispatchOperation(name, wsdl, envelope, request, options.understoodHeaders);
      if (!dispatched.ok)
        return faultAnswer(version, dispatched.code, dispatched.reason, dispatched.notUnderstood);
      const check = checkOperation(dispatched.operation, operation.xmlAtItsLine);
      if (check.kind === 'fault')
        return faultAnswer(version, 'Client', `${dispatched.operation}: ${check.reason}`);
      const context = currentRequest();
      context.operationXml = operation.xmlAtItsLine;

      // A decided answer still goes through node-soap's serialiser, with arguments it need not read.
      const element =
        check.kind === 'answer'
          ? `<op:${dispatched.operation} xmlns:op="${wsdl.targetNamespace}"/>`
          : operation.xml;
      const canonical =
        `<soap:Envelope xmlns:soap="${SOAP_11.envelopeNamespace}"><soap:Body>` +
        `${element}</soap:Body></soap:Envelope>`;
      const raised = {
        fault: null as SoapFault | null,
        decided: check.kind === 'answer' ? check.result : null,
      };
      const response = await raisedFault.run(raised, () =>
        server.processRequest(canonical, {
          url: `/${name}`,
          headers: { 'content-type': SOAP_11.contentType, soapaction: `"${dispatched.action}"` },
        }),
      );
      if (raised.fault !== null) return faultAnswer(version, raised.fault.code, raised.fault.message);
      if (response.statusCode !== 200 || !response.body.includes(':Envelope')) {
        // node-soap could not map or serialise what passed every check above: a bug of ours.
        context.log.error(
          { soapError: response.body.slice(0, 500), operation: dispatched.operation },
          'node-soap failed',
        );
        return faultAnswer(
          version,
          'Server',
          `Internal error in ${dispatched.operation}; reference ${context.requestId}`,
        );
      }
      return { statusCode: 200, contentType: version.contentType, body: inVersion(response.body, version) };
    },
  };
}

/**
 * node-soap's answer is a SOAP 1.1 envelope whose root declares the envelope namespace once; a 1.2
 * request gets the same answer in the 1.2 namespace (the Body's content does not use that prefix).
 */
function inVersion(envelope: string, version: SoapVersion): string {
  if (version !== SOAP_12) return envelope;
  const declaration = `xmlns:soap="${SOAP_11.envelopeNamespace}"`;
  const rootEnd = envelope.indexOf('>', envelope.indexOf(':Envelope'));
  const at = envelope.indexOf(declaration);
  if (at === -1 || at > rootEnd) throw new Error('node-soap answered with an envelope of unexpected shape');
  return (
    envelope.slice(0, at) +
    `xmlns:soap="${SOAP_12.envelopeNamespace}"` +
    envelope.slice(at + declaration.length)
  );
}

/**
 * Runs an operation; a fault is kept for the answer, and an unexpected error is logged and becomes
 * a Server fault without details.
 */
async function guard(operation: string, run: SoapOperation, args: unknown): Promise<Record<string, unknown>> {
  const decided = raisedFault.getStore()?.decided ?? null;
  if (decided !== null) return decided;
  try {
    return await run(args);
  } catch (error) {
    const { log, requestId } = currentRequest();
    let fault: SoapFault;
    if (error instanceof SoapFault) fault = error;
    else {
      log.error({ err: error, operation }, 'operation failed');
      fault = new SoapFault('soap:Server', `Internal error in ${operation}; reference ${requestId}`);
    }
    const raised = raisedFault.getStore();
    if (raised !== undefined) raised.fault = fault;
    throw fault;
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
