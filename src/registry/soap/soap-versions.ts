/** The two SOAP versions the register speaks, each with its own envelope, media type and fault codes. */
export type SoapVersionName = '1.1' | '1.2';

/** A SOAP fault's code, independent of the version that spells it (1.1 Client is 1.2 Sender). */
export type FaultCode = 'Client' | 'Server' | 'VersionMismatch' | 'MustUnderstand';

export interface SoapVersion {
  name: SoapVersionName;
  envelopeNamespace: string;
  /** The media type of its messages (SOAP 1.1 HTTP binding §6; SOAP 1.2 Part 2 §7.1.4). */
  mediaType: string;
  /** The answer's Content-Type header. */
  contentType: string;
  /** The header block attribute that names who a block is for: `actor` (1.1) or `role` (1.2). */
  targetAttribute: string;
  /** The `actor`/`role` values that mean this node; absence means this node too. */
  targetsThisNode: readonly string[];
  /** The code as this version spells it, with the envelope prefix. */
  faultCodeName(code: FaultCode): string;
  /** The HTTP status of a fault answer: always 500 in 1.1 (§6.2, WS-I R1126); 1.2 maps Sender to 400. */
  faultStatus(code: FaultCode): number;
}

export const SOAP_11: SoapVersion = {
  name: '1.1',
  envelopeNamespace: 'http://schemas.xmlsoap.org/soap/envelope/',
  mediaType: 'text/xml',
  contentType: 'text/xml; charset=utf-8',
  targetAttribute: 'actor',
  targetsThisNode: ['http://schemas.xmlsoap.org/soap/actor/next'],
  faultCodeName: (code) => `soap:${code}`,
  faultStatus: () => 500,
};

const SOAP_12_CODES: Record<FaultCode, string> = {
  Client: 'Sender',
  Server: 'Receiver',
  VersionMismatch: 'VersionMismatch',
  MustUnderstand: 'MustUnderstand',
};

export const SOAP_12: SoapVersion = {
  name: '1.2',
  envelopeNamespace: 'http://www.w3.org/2003/05/soap-envelope',
  mediaType: 'application/soap+xml',
  contentType: 'application/soap+xml; charset=utf-8',
  targetAttribute: 'role',
  targetsThisNode: [
    'http://www.w3.org/2003/05/soap-envelope/role/next',
    'http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver',
  ],
  faultCodeName: (code) => `soap:${SOAP_12_CODES[code]}`,
  // SOAP 1.2 Part 2 §7.5.1.2, table 20: env:Sender is 400 Bad Request, every other fault 500.
  faultStatus: (code) => (code === 'Client' ? 400 : 500),
};

/** The version whose envelope namespace this is, or null for a namespace neither version uses. */
export function versionOfEnvelope(namespace: string): SoapVersion | null {
  if (namespace === SOAP_11.envelopeNamespace) return SOAP_11;
  if (namespace === SOAP_12.envelopeNamespace) return SOAP_12;
  return null;
}

/** The version a request's Content-Type names (SOAP 1.2's media type, else 1.1), for answering what cannot be read. */
export function versionOfMediaType(contentType: string | undefined): SoapVersion {
  return contentType?.trim().toLowerCase().startsWith(SOAP_12.mediaType) === true ? SOAP_12 : SOAP_11;
}
