import type { FaultCode } from './soap-versions.ts';

/**
 * A SOAP Fault, thrown from an operation; the service answers it in the request's SOAP version.
 * Faults are for requests that could not be read; business errors are answers (contract §3).
 */
export class SoapFault extends Error {
  readonly code: FaultCode;
  /** node-soap's shape, for the envelope it builds before the service replaces it with its own. */
  readonly Fault: { faultcode: string; faultstring: string; statusCode: number };

  constructor(faultcode: 'soap:Client' | 'soap:Server', faultstring: string) {
    super(faultstring);
    this.name = 'SoapFault';
    this.code = faultcode === 'soap:Client' ? 'Client' : 'Server';
    // SOAP 1.1 §6.2 and WS-I BP R1126: every fault is an HTTP 500.
    this.Fault = { faultcode, faultstring, statusCode: 500 };
  }
}

/** A Client fault for a request that names a bad or missing parameter. */
export function badParameter(operation: string, parameter: string, problem: string): SoapFault {
  return new SoapFault('soap:Client', `${operation}: parameter ${parameter} ${problem}`);
}
