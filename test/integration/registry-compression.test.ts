import { request } from 'node:https';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { soapEnvelope } from '../helpers/https-request.ts';
import { callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

const { registry } = useTestStack();

/** POSTs an envelope and keeps the answer's bytes as sent (node:https decodes nothing). */
const post = (
  body: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${registry.url}/ExportService`,
      {
        method: 'POST',
        ca: registry.ca,
        headers: {
          authorization: basicAuth('reader'),
          'content-type': 'text/xml; charset=utf-8',
          ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

describe("the register's answers in gzip and brotli", () => {
  it('GetAllAnvisningsEnheder compresses at least 8× with gzip; the same XML once decoded', async () => {
    const envelope = soapEnvelope('GetAllAnvisningsEnheder');
    const plain = await post(envelope);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(3_000_000);
    const gzipped = await post(envelope, 'gzip, deflate');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.bytes.length);
    expect(gunzipSync(gzipped.bytes).equals(plain.bytes)).toBe(true);
    expect(plain.bytes.length / gzipped.bytes.length).toBeGreaterThanOrEqual(8);
    const brotli = await post(envelope, 'br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.bytes).equals(plain.bytes)).toBe(true);
    expect(brotli.bytes.length).toBeLessThan(gzipped.bytes.length);
  });

  it('a small answer, or a client that takes neither, is sent as it is', async () => {
    const hello = await post(soapEnvelope('HelloWorld'), 'gzip');
    expect(hello.headers['content-encoding']).toBeUndefined();
    const refused = await post(soapEnvelope('GetAllDaginstitutioner'), 'gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.bytes.toString('utf8')).toContain('GetAllDaginstitutionerResponse');
  });

  it('node-soap, which asks for gzip, reads the compressed answers', async () => {
    const client = await createTestSoapClient(registry, 'ExportService', 'reader');
    const result = (await callOperation(client, 'GetAllDaginstitutioner')) as Record<string, unknown>;
    expect(JSON.stringify(result).length).toBeGreaterThan(100_000);
  });
});
