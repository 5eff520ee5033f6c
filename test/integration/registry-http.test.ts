import { describe, expect, it } from 'vitest';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

const LIMIT = 64 * 1024;

const { registry } = useTestStack({ registry: { seed: false, maxRequestBodyBytes: LIMIT } });

const post = (body: string | Buffer, authorization?: string) =>
  httpsRequest(`${registry.url}/ExportService`, {
    method: 'POST',
    ca: registry.ca,
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body,
  });

describe('the register over HTTPS', () => {
  it('answers a SOAP call with valid credentials', async () => {
    const response = await post(soapEnvelope('HelloWorld'), basicAuth('reader'));
    expect(response.status).toBe(200);
    expect(response.body).toContain('<HelloWorldResult>Hello ');
  });

  it.each([
    ['no credentials', undefined],
    ['a wrong password', basicAuth('reader', 'wrong')],
    ['an unknown user', basicAuth('mallory')],
    ['a malformed header', 'Basic !!!'],
    ['another scheme', 'Bearer abc'],
  ])('refuses %s with 401 and WWW-Authenticate: Basic, before reading the XML', async (_, authorization) => {
    // Malformed XML: a 401 (not a 400 fault) shows the body was never parsed.
    const response = await post('<not-xml', authorization);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="Dagtilbudsregisteret"/);
    expect(response.body).not.toContain('Envelope');
  });

  it('needs credentials for the WSDL as well', async () => {
    const anonymous = await httpsRequest(`${registry.url}/ExportService?wsdl`, { ca: registry.ca });
    expect(anonymous.status).toBe(401);
    const wsdl = await httpsRequest(`${registry.url}/ExportService?wsdl`, {
      ca: registry.ca,
      headers: { authorization: basicAuth('reader') },
    });
    expect(wsdl.status).toBe(200);
    expect(wsdl.body).toContain(`<soap:address location="${registry.url}/ExportService"/>`);
    const xsd = await httpsRequest(`${registry.url}/ExportService.xsd`, {
      ca: registry.ca,
      headers: { authorization: basicAuth('reader') },
    });
    expect(xsd.body).toContain('name="anvisningenhederExtend"');
  });

  it('refuses a body over the limit with 413', async () => {
    const padding = `<!-- ${'x'.repeat(LIMIT)} -->`;
    const response = await post(soapEnvelope('HelloWorld', padding), basicAuth('reader'));
    expect(response.status).toBe(413);
    expect(response.body).toContain('exceeds');
  });

  it('answers malformed XML with a SOAP Client fault, no stack trace', async () => {
    const response = await post('<soap:Envelope><soap:Body><HelloWorld>', basicAuth('reader'));
    // SOAP 1.1 §6.2, WS-I BP R1126: a fault is an HTTP 500.
    expect(response.status).toBe(500);
    expect(response.body).toContain('<faultcode>soap:Client</faultcode>');
    expect(response.body).toMatch(/Malformed XML/);
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it.each([
    [
      'entity expansion',
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&b;</soap:Body></soap:Envelope>',
    ],
    [
      'an external entity',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&e;</soap:Body></soap:Envelope>',
    ],
  ])('refuses a DOCTYPE with %s as a SOAP fault', async (_, body) => {
    const response = await post(body, basicAuth('reader'));
    expect(response.status).toBe(500);
    expect(response.body).toContain('DOCTYPE');
    expect(response.body).not.toContain('root:');
  });

  it('answers an unknown operation with a fault', async () => {
    const response = await post(soapEnvelope('DropAllTables'), basicAuth('reader'));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body).toContain('Fault');
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    const headers = { authorization: basicAuth('reader') };
    expect((await httpsRequest(`${registry.url}/nothing`, { ca: registry.ca, headers })).status).toBe(404);
    const put = await httpsRequest(`${registry.url}/ExportService`, {
      method: 'PUT',
      ca: registry.ca,
      headers,
    });
    expect(put.status).toBe(405);
  });
});
