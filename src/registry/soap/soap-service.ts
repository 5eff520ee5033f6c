import type { IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listen, type Server } from 'soap';
import { dispatchOperation } from './dispatch.ts';
import { faultAnswer, type FaultAnswer } from './soap-fault-envelope.ts';
import type { Caller } from './caller.ts';
import { parseOperation, type ParsedOperation } from './parsed-operation.ts';
import { readEnvelope, type HeaderBlock } from './read-envelope.ts';
import { SoapFault } from './soap-fault.ts';
import { NodeSoapAnswerError } from './node-soap-answer-error.ts';
import { SOAP_11, SOAP_12, versionOfMediaType, type SoapVersion } from './soap-versions.ts';
import { readWsdlOperations } from './wsdl-operations.ts';

/** An error the XSD check found in a value, which the operation answers itself (ImportSvarXML's SKEMA_FEJL). */
export interface ValueError {
  felt: string;
  kode: string;
  tekst: string;
}

/** What an operation is told of the request it serves, besides node-soap's parsed arguments. */
export interface OperationCall {
  caller: Caller;
  /** The Body's operation element, parsed once; the XSD check has validated this document. */
  operation: ParsedOperation;
  /** The envelope's header blocks (the ImportService's dry-run header is one). */
  headers: readonly HeaderBlock[];
  /** The XSD check's value errors, left for the operation to answer with its own (empty for most). */
  valueErrors: readonly ValueError[];
}

/** One SOAP operation: parsed arguments in, the response element's content out (or a promise of it). */
export type SoapOperation = (
  args: unknown,
  call: OperationCall,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** A POSTed SOAP request as the HTTP layer read it, with who sent it. */
export interface SoapRequest {
  xml: string;
  contentType: string | undefined;
  soapAction: string | undefined;
  caller: Caller;
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
  /** Run it; with value errors, for an operation that answers them itself. */
  | { kind: 'run'; valueErrors?: readonly ValueError[] }
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
  checkOperation(operation: string, parsed: ParsedOperation, caller: Caller): OperationCheck;
  /**
   * Header blocks the service understands, as `{namespace}localName`: marked mustUnderstand, they
   * are no MustUnderstand fault. Every other header block is not understood.
   */
  understoodHeaders?: ReadonlySet<string>;
  /** May change the WSDL and schema texts as read (a service offered without some of its operations). */
  edit?: (file: string, text: string) => string;
}

/**
 * One request on its way through node-soap: what the operation is told, an answer decided before
 * it ran, and the fault it raised (answered in the request's version).
 */
interface InFlight {
  call: OperationCall;
  decided: Record<string, unknown> | null;
  fault: SoapFault | null;
}

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
  // node-soap hands an operation the request object it was given (its fourth argument), made anew
  // but with the headers object passed in: that object, made per request, finds the request's call.
  const inFlight = new WeakMap<object, InFlight>();
  const port: Record<string, NodeSoapMethod> = {};
  for (const [operation, run] of Object.entries(operations)) {
    port[operation] = (args, _callback, _soapHeaders, req) => {
      const current = req === undefined ? undefined : inFlight.get(req.headers);
      if (current === undefined) throw new SoapFault('soap:Server', `Internal error in ${operation}`);
      return guard(operation, run, args, current);
    };
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
      const { caller } = request;
      const parsed = parseOperation(operation.xmlAtItsLine);
      const check = checkOperation(dispatched.operation, parsed, caller);
      if (check.kind === 'fault')
        return faultAnswer(version, 'Client', `${dispatched.operation}: ${check.reason}`);

      // A decided answer still goes through node-soap's serialiser, with arguments it need not read.
      const element =
        check.kind === 'answer'
          ? `<op:${dispatched.operation} xmlns:op="${wsdl.targetNamespace}"/>`
          : operation.xml;
      const canonical =
        `<soap:Envelope xmlns:soap="${SOAP_11.envelopeNamespace}"><soap:Body>` +
        `${element}</soap:Body></soap:Envelope>`;
      const headers: IncomingHttpHeaders = {
        'content-type': SOAP_11.contentType,
        soapaction: `"${dispatched.action}"`,
      };
      const raised: InFlight = {
        call: {
          caller,
          operation: parsed,
          headers: envelope.headers,
          valueErrors: check.kind === 'run' ? (check.valueErrors ?? []) : [],
        },
        decided: check.kind === 'answer' ? check.result : null,
        fault: null,
      };
      inFlight.set(headers, raised);
      let response: Awaited<ReturnType<Server['processRequest']>>;
      try {
        response = await server.processRequest(canonical, { url: `/${name}`, headers });
      } finally {
        inFlight.delete(headers);
      }
      if (raised.fault !== null) return faultAnswer(version, raised.fault.code, raised.fault.message);
      if (response.statusCode !== 200 || !response.body.includes(':Envelope')) {
        // node-soap could not map or serialise what passed every check above: a bug of ours.
        caller.log.error(
          { soapError: response.body.slice(0, 500), operation: dispatched.operation },
          'node-soap failed',
        );
        return faultAnswer(
          version,
          'Server',
          `Internal error in ${dispatched.operation}; reference ${caller.requestId}`,
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
  if (at === -1 || at > rootEnd) throw new NodeSoapAnswerError('an envelope of unexpected shape');
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
async function guard(
  operation: string,
  run: SoapOperation,
  args: unknown,
  current: InFlight,
): Promise<Record<string, unknown>> {
  if (current.decided !== null) return current.decided;
  try {
    return await run(args, current.call);
  } catch (error) {
    const { log, requestId } = current.call.caller;
    let fault: SoapFault;
    if (error instanceof SoapFault) fault = error;
    else {
      log.error({ err: error, operation }, 'operation failed');
      fault = new SoapFault('soap:Server', `Internal error in ${operation}; reference ${requestId}`);
    }
    current.fault = fault;
    throw fault;
  }
}

/** A service method as node-soap calls it: arguments, callback, SOAP headers, and the request it was given. */
type NodeSoapMethod = (
  args: unknown,
  callback: unknown,
  soapHeaders: unknown,
  req: { headers: object } | undefined,
) => Promise<Record<string, unknown>>;

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
