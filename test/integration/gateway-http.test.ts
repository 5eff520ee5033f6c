import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const runInBrowser = existsSync(CHROMIUM) || process.env.CI !== undefined;

let restricted: TestGateway;

const { registry, gateway } = useTestStack({
  gateway: {
    routes: new Map([['/playground', (_req, res) => void res.end('playground')]]),
  },
});
beforeAll(async () => {
  restricted = await startTestGateway(registry, {
    env: { GATEWAY_CORS_ORIGINS: 'https://app.example.dk' },
  });
});
afterAll(async () => {
  await restricted?.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with node:http, which (unlike fetch) neither adds Accept-Encoding nor decodes. */
const raw = (
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });

const PAGE_500 = JSON.stringify({
  query: `{ assignmentUnits(first: 500) { edges { node { number name status institutionType { code }
    address { street houseNumber postalCode city } email phone } } } }`,
});
const json = { 'content-type': 'application/json' };

describe('CORS', () => {
  it('answers a preflight from any origin, allowing Authorization for mutations', async () => {
    const answer = await raw(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://other.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-methods']).toContain('POST');
    expect(answer.headers['access-control-allow-headers']).toContain('authorization');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    const post = await raw(gateway.url, {
      method: 'POST',
      headers: { ...json, origin: 'https://other.example' },
      body: '{"query":"{ __typename }"}',
    });
    expect(post.headers['access-control-allow-origin']).toBe('*');
    expect(post.headers['access-control-expose-headers']).toContain('etag');
  });

  it('with GATEWAY_CORS_ORIGINS, allows those origins only', async () => {
    const preflight = (origin: string) =>
      raw(restricted.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('https://app.example.dk');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.dk');
    expect(allowed.headers.vary).toContain('Origin');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('compression', () => {
  it('a 500-unit page compresses at least 5× with gzip, more with brotli; none when not asked', async () => {
    const plain = await raw(gateway.url, { method: 'POST', headers: json, body: PAGE_500 });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    const gzipped = await raw(gateway.url, {
      method: 'POST',
      headers: { ...json, 'accept-encoding': 'gzip' },
      body: PAGE_500,
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    const brotli = await raw(gateway.url, {
      method: 'POST',
      headers: { ...json, 'accept-encoding': 'gzip;q=0.5, br' },
      body: PAGE_500,
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    const ratio = plain.body.length / gzipped.body.length;
    expect(ratio).toBeGreaterThanOrEqual(5);
    expect(brotli.body.length).toBeLessThan(gzipped.body.length);
    const refused = await raw(gateway.url, {
      method: 'POST',
      headers: { ...json, 'accept-encoding': 'gzip;q=0, br;q=0' },
      body: PAGE_500,
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });
});

describe('ETag on GET', () => {
  it('tags a GET answer and answers 304 to If-None-Match with that tag', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ institution(number: "G10662") { number name } }')}`;
    const headers = { 'apollo-require-preflight': '1' };
    const first = await raw(url, { headers });
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await raw(url, { headers: { ...headers, 'if-none-match': String(etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await raw(url, { headers: { ...headers, 'if-none-match': '"not-it"' } });
    expect(other.status).toBe(200);
  });
});

describe('/graphql in a browser', () => {
  it('sends a browser to the playground; a GET with a query still runs it', async () => {
    const visit = await raw(gateway.url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(visit.status).toBe(302);
    expect(visit.headers.location).toBe('/playground');
    const run = await raw(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': '1' },
    });
    expect(run.status).toBe(200);
  });
});

describe.skipIf(!runInBrowser)(
  `a page on another origin, in headless Chromium${runInBrowser ? '' : ` (skipped: no ${CHROMIUM})`}`,
  () => {
    let site: Server;
    let siteUrl: string;

    beforeAll(async () => {
      site = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end('<!doctype html><title>front end</title><p>another origin</p>');
      });
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      const address = site.address();
      if (address === null || typeof address === 'string') throw new Error('no address');
      siteUrl = `http://127.0.0.1:${address.port}/`;
    });
    afterAll(async () => {
      await new Promise((resolve) => site?.close(resolve));
    });

    it('reads with fetch and sends a mutation with Authorization (a preflight), as a front end would', async () => {
      const profile = await mkdtemp(join(tmpdir(), 'cors-'));
      const browser = await chromium.launchPersistentContext(join(profile, 'user-data'), {
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(siteUrl);
        // The gateway listens on another port: another origin for the browser.
        expect(new URL(siteUrl).origin).not.toBe(new URL(gateway.url).origin);
        const result = await page.evaluate(
          async ({ url, authorization }) => {
            const read = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ institution(number: "G10662") { name } }' }),
            });
            const write = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization },
              body: JSON.stringify({
                query:
                  'mutation { closeAssignmentUnit(input: { number: "G10662" }, validateOnly: true) { userErrors { code } } }',
              }),
            });
            return {
              read: (await read.json()) as unknown,
              write: (await write.json()) as unknown,
              requestId: read.headers.get('x-request-id'),
            };
          },
          { url: gateway.url, authorization: basicAuth('admin') },
        );
        expect(result.read).toEqual({ data: { institution: { name: 'Den Private Børnehave Højvang' } } });
        expect(result.write).toMatchObject({
          data: { closeAssignmentUnit: { userErrors: expect.any(Array) as unknown } },
        });
        expect(result.requestId).not.toBeNull();
      } finally {
        await browser.close();
        await rm(profile, { recursive: true, force: true });
      }
    });
  },
);
