import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSoapRewriteProxy, type SoapRewriteProxy } from '../../bench/soap-rewrite-proxy.ts';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { basicAuth, startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// The Mesh race is only fair if the proxy both contestants call changes nothing but names: the
// gateway's side byte for byte, Mesh's side only the namespaces and the inlined schema.

const EXPORT_NS = 'urn:dagtilbudsregister:export:v1';
const MESH_NS = 'http://dagtilbudsregister.invalid/export/v1';

let registry: TestRegistry;
let proxy: SoapRewriteProxy;
const reader = { authorization: basicAuth('reader') };

beforeAll(async () => {
  registry = await startTestRegistry();
  proxy = await startSoapRewriteProxy({
    registryUrl: registry.url,
    ca: registry.ca,
    cert: registry.tls.cert,
    key: registry.tls.key,
  });
});
afterAll(async () => {
  await proxy.close();
  await registry.close();
});

const call = (base: string, path: string, body: string, contentType: string) =>
  httpsRequest(`${base}${path}`, {
    method: 'POST',
    ca: registry.ca,
    headers: { ...reader, 'content-type': contentType },
    body,
  });

/** A SOAP 1.2 look-up shaped as @omnigraph/soap sends it: the namespace as the Body's default. */
const meshStyleLookup = (namespace: string, number: string) =>
  '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">' +
  `<soap:Body xmlns="${namespace}"><GetDaginstitutionByNummer><DagInstitutionsNummer>${number}` +
  '</DagInstitutionsNummer></GetDaginstitutionByNummer></soap:Body></soap:Envelope>';

describe("the Mesh race's rewriting proxy", () => {
  it("passes the gateway's SOAP calls through unchanged", async () => {
    const body = soapEnvelope(
      'GetDaginstitutionByNummer',
      '<DagInstitutionsNummer>G29219</DagInstitutionsNummer>',
    );
    const direct = await call(registry.url, '/ExportService', body, 'text/xml; charset=utf-8');
    const proxied = await call(proxy.url, '/ExportService', body, 'text/xml; charset=utf-8');
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('<daginstitutionsNummer>G29219</daginstitutionsNummer>');
    expect(proxied.status).toBe(200);
    expect(proxied.body).toBe(direct.body);
  });

  it("points the gateway's WSDL at the proxy and leaves the rest of it alone", async () => {
    const direct = await httpsRequest(`${registry.url}/ExportService?wsdl`, {
      ca: registry.ca,
      headers: reader,
    });
    const proxied = await httpsRequest(`${proxy.url}/ExportService?wsdl`, {
      ca: registry.ca,
      headers: reader,
    });
    expect(proxied.status).toBe(200);
    expect(proxied.body).toContain(`location="${proxy.url}/ExportService"`);
    expect(proxied.body).not.toContain(registry.url);
    expect(proxied.body.split(proxy.url).join(registry.url)).toBe(direct.body);
  });

  it('serves Mesh a WSDL with the schema inlined and only http namespaces', async () => {
    const wsdl = await httpsRequest(proxy.meshWsdlUrl, { ca: registry.ca, headers: reader });
    expect(wsdl.status).toBe(200);
    expect(wsdl.body).not.toContain('xs:include');
    expect(wsdl.body).not.toContain('urn:dagtilbudsregister');
    expect(wsdl.body).toContain(`targetNamespace="${MESH_NS}"`);
    // The XSD's types are in the WSDL itself now.
    expect(wsdl.body).toContain('<xs:complexType name="daginstitutionExtend">');
    expect(wsdl.body).toContain(`location="${proxy.url}/mesh/ExportService"`);
  });

  it("renames Mesh's calls for the register and the answers back, and nothing else", async () => {
    const direct = await call(
      registry.url,
      '/ExportService',
      meshStyleLookup(EXPORT_NS, 'G29219'),
      'application/soap+xml; charset=utf-8',
    );
    const proxied = await call(
      proxy.url,
      '/mesh/ExportService',
      meshStyleLookup(MESH_NS, 'G29219'),
      'application/soap+xml; charset=utf-8',
    );
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('<daginstitutionsNummer>G29219</daginstitutionsNummer>');
    expect(proxied.status).toBe(200);
    expect(proxied.body).not.toContain(EXPORT_NS);
    expect(proxied.body).toBe(direct.body.split(EXPORT_NS).join(MESH_NS));
  });

  it("passes the register's faults on: a call without credentials stays refused", async () => {
    const refused = await httpsRequest(`${proxy.url}/mesh/ExportService`, {
      method: 'POST',
      ca: registry.ca,
      headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
      body: meshStyleLookup(MESH_NS, 'G29219'),
    });
    expect(refused.status).toBe(401);
  });
});
