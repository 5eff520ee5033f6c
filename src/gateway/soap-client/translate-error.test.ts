import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { translateSoapError } from './translate-error.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';

const codeOf = (error: unknown) => translateSoapError('GetAllAnvisningsEnheder', error).code;

describe('translateSoapError', () => {
  it('timeouts and aborted calls are UPSTREAM_TIMEOUT', () => {
    expect(codeOf(Object.assign(new Error('timeout of 10ms exceeded'), { code: 'ECONNABORTED' }))).toBe(
      'UPSTREAM_TIMEOUT',
    );
    expect(codeOf(Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' }))).toBe('UPSTREAM_TIMEOUT');
  });

  it('network, TLS, 5xx and refused credentials are UPSTREAM_UNAVAILABLE', () => {
    expect(codeOf(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
    expect(codeOf(Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
    expect(codeOf(Object.assign(new Error('Error http status codes'), { response: { status: 401 } }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
    expect(codeOf(Object.assign(new Error('bad gateway'), { response: { status: 502 } }))).toBe(
      'UPSTREAM_UNAVAILABLE',
    );
  });

  it('a WSDL download refused with 401 is UPSTREAM_UNAVAILABLE, without the response body', () => {
    const error = translateSoapError(
      'wsdl',
      new Error(
        'Invalid WSDL URL: https://localhost:8443/ExportService?wsdl\n\n\r Code: 401\n\n\r Response Body: secret',
      ),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.cause).toMatchObject({ httpStatus: 401 });
    expect(JSON.stringify(error.cause)).not.toMatch(/secret/);
  });

  it('a SOAP Fault is UPSTREAM_FAULT, its text kept for the log only', () => {
    const fault = Object.assign(new Error('soap:Client: enhedsNummer is required'), {
      response: { status: 500 },
      root: {
        Envelope: { Body: { Fault: { faultcode: 'soap:Client', faultstring: 'enhedsNummer is required' } } },
      },
    });
    const error = translateSoapError('GetAnvisningsEnhederByNummer', fault);
    expect(error.code).toBe('UPSTREAM_FAULT');
    expect(error.message).not.toMatch(/enhedsNummer/);
    expect(error.cause).toMatchObject({ faultString: 'enhedsNummer is required', httpStatus: 500 });
  });

  it('an answer outside the contract is UPSTREAM_FAULT', () => {
    expect(codeOf(new UnexpectedAnswerError('EnhedsNummer is missing'))).toBe('UPSTREAM_FAULT');
  });

  it('keeps an AppError as it is, and never copies request headers into the detail', () => {
    const own = new AppError('BAD_USER_INPUT', 'no');
    expect(translateSoapError('x', own)).toBe(own);
    const leaky = Object.assign(new Error('boom'), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: 'Basic cmVhZGVyOnJlYWRlcg==' } },
    });
    expect(JSON.stringify(translateSoapError('x', leaky).cause)).not.toMatch(/Basic/);
  });
});

describe('translateSoapError for a write with the caller’s credentials', () => {
  const timeout = Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' });

  it('a timeout: the outcome is unknown, with the number when there is one', () => {
    const error = translateSoapError('UpdateAnvisningsEnhed', timeout, { write: { number: 'G10662' } });
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toMatch(/outcome of UpdateAnvisningsEnhed is unknown.*Read G10662/);
    expect(error.extensions).toEqual({ number: 'G10662' });
    expect(
      translateSoapError('InsertAnvisningsEnhed', timeout, { write: { number: null } }).extensions,
    ).toEqual({});
  });

  it('a 401 is the caller’s: UNAUTHENTICATED; for the gateway’s own identity it stays UPSTREAM_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('Error http status codes'), { response: { status: 401 } });
    expect(translateSoapError('UpdateAnvisningsEnhed', refused, { callerCredentials: true }).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(translateSoapError('GetAllAnvisningsEnheder', refused).code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
