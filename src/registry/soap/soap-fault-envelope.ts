import { SOAP_11, SOAP_12, type FaultCode, type SoapVersion } from './soap-versions.ts';

/** A header block the register did not understand, named in a 1.2 MustUnderstand fault. */
export interface NotUnderstood {
  namespace: string;
  localName: string;
}

/** A fault answer: the envelope text with the status and Content-Type its version prescribes. */
export interface FaultAnswer {
  statusCode: number;
  contentType: string;
  body: string;
}

/**
 * A Fault envelope in the request's own version: SOAP 1.1 `faultcode`/`faultstring` (§4.4), or
 * SOAP 1.2 `Code/Value` and `Reason/Text xml:lang` (Part 1 §5.4), with `NotUnderstood` header blocks
 * for a MustUnderstand fault (§5.4.8) and, for a VersionMismatch, the `Upgrade` block listing both
 * envelopes the register accepts (Part 1 §5.4.7, Appendix A).
 */
export function faultAnswer(
  version: SoapVersion,
  code: FaultCode,
  reason: string,
  notUnderstood: readonly NotUnderstood[] = [],
): FaultAnswer {
  return {
    statusCode: version.faultStatus(code),
    contentType: version.contentType,
    body:
      version === SOAP_12
        ? soap12Fault(code, bounded(reason), notUnderstood)
        : soap11Fault(code, bounded(reason)),
  };
}

/** A reason may quote what the client sent (libxml2 quotes values); a few hundred characters say enough. */
function bounded(reason: string): string {
  return reason.length <= MAX_REASON_CHARS ? reason : `${reason.slice(0, MAX_REASON_CHARS)}…`;
}

const MAX_REASON_CHARS = 1000;

/** The SOAP 1.1 Fault envelope text. */
export function soapFaultEnvelope(faultcode: string, faultstring: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_11.envelopeNamespace}"><soap:Body><soap:Fault>` +
    `<faultcode>${faultcode}</faultcode><faultstring>${escapeText(faultstring)}</faultstring>` +
    '</soap:Fault></soap:Body></soap:Envelope>'
  );
}

function soap11Fault(code: FaultCode, reason: string): string {
  const envelope = soapFaultEnvelope(SOAP_11.faultCodeName(code), reason);
  return code === 'VersionMismatch' ? envelope.replace('<soap:Body>', `${UPGRADE}<soap:Body>`) : envelope;
}

function soap12Fault(code: FaultCode, reason: string, notUnderstood: readonly NotUnderstood[]): string {
  const blocks = notUnderstood.map(
    (h, i) => `<soap:NotUnderstood qname="h${i}:${h.localName}" xmlns:h${i}="${escapeXml(h.namespace)}"/>`,
  );
  const header =
    code === 'MustUnderstand' && blocks.length > 0
      ? `<soap:Header>${blocks.join('')}</soap:Header>`
      : code === 'VersionMismatch'
        ? UPGRADE
        : '';
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${SOAP_12.envelopeNamespace}">${header}<soap:Body><soap:Fault>` +
    `<soap:Code><soap:Value>${SOAP_12.faultCodeName(code)}</soap:Value></soap:Code>` +
    `<soap:Reason><soap:Text xml:lang="en">${escapeText(reason)}</soap:Text></soap:Reason>` +
    '</soap:Fault></soap:Body></soap:Envelope>'
  );
}

/** SOAP 1.2 Appendix A: the envelopes this node supports, newest first. */
const UPGRADE =
  '<soap:Header>' +
  `<upg:Upgrade xmlns:upg="${SOAP_12.envelopeNamespace}">` +
  `<upg:SupportedEnvelope qname="s12:Envelope" xmlns:s12="${SOAP_12.envelopeNamespace}"/>` +
  `<upg:SupportedEnvelope qname="s11:Envelope" xmlns:s11="${SOAP_11.envelopeNamespace}"/>` +
  '</upg:Upgrade></soap:Header>';

/** Text content: only what XML requires, so that a reason reads as written in any client. */
function escapeText(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
