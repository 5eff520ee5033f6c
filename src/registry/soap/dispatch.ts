import { MIMEType } from 'node:util';
import type { EnvelopeReading } from './read-envelope.ts';
import type { NotUnderstood } from './soap-fault-envelope.ts';
import { SOAP_12, type FaultCode } from './soap-versions.ts';
import type { WsdlOperations } from './wsdl-operations.ts';

export type Dispatch =
  | { ok: true; operation: string; action: string }
  | { ok: false; code: FaultCode; reason: string; notUnderstood: NotUnderstood[] };

/**
 * Decides the operation of a readable envelope, or why nothing may run: the Body's element names
 * it (namespace and name, checked against the WSDL); the media type must be the envelope version's;
 * a header block for this node marked mustUnderstand is not understood unless the service names it
 * in `understood` (credentials travel as HTTP Basic; the ImportService knows only its dry-run header
 * `KunValidering`); and an action sent (SOAPAction, or 1.2's `action` parameter)
 * must be the operation's own.
 */
export function dispatchOperation(
  service: string,
  wsdl: WsdlOperations,
  envelope: Extract<EnvelopeReading, { ok: true }>,
  request: { contentType: string | undefined; soapAction: string | undefined },
  understood: ReadonlySet<string> = new Set(),
): Dispatch {
  const { version, operation } = envelope;
  const refuse = (
    reason: string,
    code: FaultCode = 'Client',
    notUnderstood: NotUnderstood[] = [],
  ): Dispatch => ({
    ok: false,
    code,
    reason,
    notUnderstood,
  });
  const mediaType = parseMediaType(request.contentType);
  if (mediaType?.essence !== version.mediaType) {
    return refuse(
      `A SOAP ${version.name} envelope is sent with Content-Type ${version.mediaType}; got ${request.contentType === undefined ? 'none' : `"${request.contentType.slice(0, 100)}"`}`,
    );
  }
  const notUnderstood = envelope.headers.filter(
    (h) => h.mustUnderstand && h.forThisNode && !understood.has(`{${h.namespace}}${h.localName}`),
  );
  if (notUnderstood.length > 0) {
    const names = notUnderstood.map((h) => `{${h.namespace}}${h.localName}`).join(', ');
    return refuse(
      `The register does not understand the header block ${names}, marked mustUnderstand; nothing was run`,
      'MustUnderstand',
      notUnderstood.map((h) => ({ namespace: h.namespace, localName: h.localName })),
    );
  }
  const actions = version === SOAP_12 ? wsdl.soap12Actions : wsdl.soap11Actions;
  const action = actions.get(operation.localName);
  if (operation.namespace !== wsdl.targetNamespace || action === undefined) {
    const named =
      operation.namespace === '' ? operation.localName : `{${operation.namespace}}${operation.localName}`;
    return refuse(
      `The Body's element ${named.slice(0, 300)} is no operation of ${service} (operations are elements of namespace ${wsdl.targetNamespace}; see ${service}?wsdl)`,
    );
  }
  const sent: [string, string | undefined][] = [['SOAPAction', unquote(request.soapAction)]];
  if (version === SOAP_12)
    sent.push(['the Content-Type action parameter', unquote(mediaType.params.get('action') ?? undefined)]);
  for (const [where, value] of sent) {
    if (value !== undefined && value !== '' && value !== action) {
      return refuse(
        `${where} "${value.slice(0, 200)}" does not match the Body's operation ${operation.localName}, whose action is "${action}"; nothing was run`,
      );
    }
  }
  return { ok: true, operation: operation.localName, action };
}

function parseMediaType(header: string | undefined): MIMEType | null {
  if (header === undefined) return null;
  try {
    return new MIMEType(header);
  } catch {
    return null;
  }
}

/** SOAPAction is a quoted string (SOAP 1.1 §6.1.1); clients also send it bare. */
function unquote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}
