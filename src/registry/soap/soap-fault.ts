/**
 * A SOAP 1.1 Fault, thrown from an operation: node-soap turns `{ Fault }` into the envelope.
 * Faults are for requests that could not be read; business errors are answers (contract §3).
 */
export class SoapFault extends Error {
  readonly Fault: { faultcode: string; faultstring: string; statusCode: number };

  constructor(faultcode: 'soap:Client' | 'soap:Server', faultstring: string) {
    super(faultstring);
    this.name = 'SoapFault';
    this.Fault = { faultcode, faultstring, statusCode: faultcode === 'soap:Client' ? 400 : 500 };
  }
}

/** A Client fault for a request that names a bad or missing parameter. */
export function badParameter(operation: string, parameter: string, problem: string): SoapFault {
  return new SoapFault('soap:Client', `${operation}: parameter ${parameter} ${problem}`);
}
