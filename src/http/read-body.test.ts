import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBody } from './read-body.ts';

const LIMIT_BYTES = 1000;
let server: Server;
let url: string;
beforeAll(async () => {
  // Answers 200 with the body's size, or 413 with the error's message, as both servers do.
  server = createServer((req, res) => {
    readBody(req, LIMIT_BYTES).then(
      (body) => res.end(String(body.length)),
      (error: unknown) => {
        res.statusCode = error instanceof BodyTooLargeError ? 413 : 500;
        res.end(error instanceof Error ? error.message : 'unknown');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** POSTs `chunks` (chunked, no Content-Length, unless `contentLength` is given). */
const post = (chunks: Buffer[], contentLength?: number) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: contentLength === undefined ? {} : { 'content-length': contentLength } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });

describe('readBody', () => {
  it('reads a body up to the limit', async () => {
    expect(await post([Buffer.alloc(600), Buffer.alloc(400)])).toEqual({ status: 200, text: '1000' });
  });

  it('refuses a body that grows past the limit, and the 413 still reaches the client', async () => {
    const answer = await post([Buffer.alloc(800), Buffer.alloc(800), Buffer.alloc(50_000)]);
    expect(answer).toEqual({ status: 413, text: `Request body exceeds ${LIMIT_BYTES} bytes` });
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const answer = await post([Buffer.alloc(2000)], 2000);
    expect(answer.status).toBe(413);
  });
});
