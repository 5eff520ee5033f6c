import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { generateDevelopmentCertificate } from '../../src/registry/tls.ts';
import { httpsRequest } from '../helpers/https-request.ts';
import { startTestGateway, type GraphqlResponse } from '../helpers/start-test-gateway.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({
  registry: { changeFeed: false },
  gateway: {
    routes: new Map([['/playground', (_req, res) => void res.end('a playground goes here')]]),
  },
});

/** Nothing but message, locations, path and extensions.code may reach a client. */
const expectMasked = (response: GraphqlResponse) => {
  for (const error of response.errors ?? []) {
    expect(
      Object.keys(error).every((key) => ['message', 'locations', 'path', 'extensions'].includes(key)),
    ).toBe(true);
    expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
    expect(JSON.stringify(error)).not.toMatch(/stack|Envelope|Basic |reader|at .*\.ts/);
  }
};

/**
 * A misbehaving register: serves the real register's WSDL and XSD, and answers every call as `mode`
 * says. Its own certificate, so that the gateway must be configured to trust it.
 */
async function startFakeRegister(mode: 'hang' | 'fault' | 'odd-answer') {
  const tls = await generateDevelopmentCertificate();
  const read = async (path: string) =>
    (
      await httpsRequest(`${registry.url}${path}`, {
        ca: registry.ca,
        headers: { authorization: basicAuth('reader') },
      })
    ).body;
  const wsdl = await read('/ExportService?wsdl');
  const xsd = await read('/ExportService.xsd');
  const envelope = (body: string) =>
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    if (req.method === 'GET') return void res.end(req.url?.endsWith('.xsd') ? xsd : wsdl);
    req.resume();
    if (mode === 'hang') return;
    res.setHeader('content-type', 'text/xml; charset=utf-8');
    if (mode === 'fault') {
      res.statusCode = 500;
      return void res.end(
        envelope(
          '<soap:Fault><faultcode>soap:Server</faultcode><faultstring>database is locked at C:\\dtr</faultstring></soap:Fault>',
        ),
      );
    }
    res.end(
      envelope(
        '<GetAnvisningsEnhederByNumreResponse xmlns="urn:dagtilbudsregister:export:v1"><GetAnvisningsEnhederByNumreResult>' +
          '<anvisningsenhed><EnhedsNummer>G10662</EnhedsNummer></anvisningsenhed>' +
          '</GetAnvisningsEnhederByNumreResult></GetAnvisningsEnhederByNumreResponse>',
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fakeGateway = await startTestGateway({ url, ca: tls.cert }, { env: { SOAP_TIMEOUT_MS: '300' } });
  return {
    gateway: fakeGateway,
    close: async () => {
      await fakeGateway.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('upstream failures become typed, masked errors', () => {
  const query = `{ institution(number: "G10662") { number } }`;

  it.each([
    ['hang', 'UPSTREAM_TIMEOUT', 'The register did not answer in time.'],
    ['fault', 'UPSTREAM_FAULT', 'The register refused the request.'],
    ['odd-answer', 'UPSTREAM_FAULT', 'The register answered in an unexpected shape.'],
  ] as const)('a register that %s: %s', async (mode, code, message) => {
    const fake = await startFakeRegister(mode);
    try {
      const response = await fake.gateway.query(query);
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ institution: null });
      expect(response.errors).toEqual([
        { message, locations: [{ line: 1, column: 3 }], path: ['institution'], extensions: { code } },
      ]);
      expectMasked(response);
    } finally {
      await fake.close();
    }
  });

  it('a register that is not there: UPSTREAM_UNAVAILABLE', async () => {
    const gone = await startTestGateway({ url: 'https://127.0.0.1:1', ca: registry.ca });
    try {
      const response = await gone.query(query);
      expect(response.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['UPSTREAM_UNAVAILABLE', 'The register is unavailable.'],
      ]);
      expectMasked(response);
    } finally {
      await gone.close();
    }
  });

  it('a register whose certificate the gateway does not trust: UPSTREAM_UNAVAILABLE', async () => {
    const other = await generateDevelopmentCertificate();
    const untrusting = await startTestGateway({ url: registry.url, ca: other.cert });
    try {
      expect((await untrusting.query(query)).errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await untrusting.close();
    }
  });
});

describe('request errors', () => {
  it('a query that does not parse or validate keeps Apollo’s code', async () => {
    expect((await gateway.query('{ institution(number: ')).errors?.[0]?.extensions?.code).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
    const invalid = await gateway.query('{ institution(number: "G10662") { nope } }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectMasked(invalid);
  });

  it('a variable of the wrong type is BAD_USER_INPUT', async () => {
    const response = await gateway.query('query($n: Int) { assignmentUnits(first: $n) { totalCount } }', {
      n: 'ten',
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an operation nested too deep is QUERY_TOO_COMPLEX, before anything is read', async () => {
    gateway.metrics.reset();
    const deep = `{ institution(number: "G10662") { ... on AssignmentUnit { daycareInstitution { units { edges { node {
      daycareInstitution { units { edges { node { daycareInstitution { units { edges { node { number } } } } } } } } } } } } } } }`;
    const response = await gateway.query(deep);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(gateway.metrics.total()).toBe(0);
  });

  it('the page size limit and stale cursors are BAD_USER_INPUT, before anything is read', async () => {
    gateway.metrics.reset();
    for (const query of [
      `{ assignmentUnits(first: 1000) { totalCount } }`,
      `{ daycareInstitutions(after: "eA==") { totalCount } }`,
      `{ institutions(numbers: ${JSON.stringify(Array.from({ length: 501 }, (_, i) => `G${10000 + i}`))}) { number } }`,
    ]) {
      expect((await gateway.query(query)).errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect(gateway.metrics.total()).toBe(0);
  });
});

describe('HTTP', () => {
  it('serves extra routes beside /graphql, 404 elsewhere', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/playground`)).text()).toBe('a playground goes here');
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
  });

  it('has no landing page (none that loads from a CDN)', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<html|cdn\./i);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{ not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

// Last: failed logins make the register throttle this client for a while.
describe('the gateway’s own credentials', () => {
  it('refused by the register: UPSTREAM_UNAVAILABLE, and the credentials never reach the client', async () => {
    const wrong = await startTestGateway(registry, { env: { REGISTRY_PASSWORD: 'wrong-secret' } });
    try {
      const response = await wrong.query(`{ institution(number: "G10662") { number } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(JSON.stringify(response)).not.toMatch(/wrong-secret|d3Jvbmctc2VjcmV0/);
      expectMasked(response);
    } finally {
      await wrong.close();
    }
  });
});
