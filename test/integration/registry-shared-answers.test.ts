import { request } from 'node:https';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soapEnvelope } from '../helpers/https-request.ts';
import { importCaller, type ImportCaller } from '../helpers/import-client.ts';
import { basicAuth, startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

/*
 * The ExportService's list answers are kept as bytes (and compressed once per encoding) until the
 * next committed write. What matters is that a write is never followed by an old answer: not
 * plain, not compressed, not when an answer was being made or compressed while it committed, and
 * not with the change feed off.
 */

const UNIT = 'G18062';
const GET_ALL = soapEnvelope('GetAllAnvisningsEnheder');

let registry: TestRegistry;
let feedOff: TestRegistry;
let admin: ImportCaller;
let adminFeedOff: ImportCaller;
beforeAll(async () => {
  [registry, feedOff] = await Promise.all([startTestRegistry(), startTestRegistry({ changeFeed: false })]);
  [admin, adminFeedOff] = await Promise.all([
    importCaller(registry, 'admin'),
    importCaller(feedOff, 'admin'),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([registry?.close(), feedOff?.close()]);
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent. */
  wire: Buffer;
  /** The XML once decoded. */
  xml: string;
}

/** POSTs GetAllAnvisningsEnheder asking for `encoding` (none: as it is) and decodes what comes. */
const getAll = (target: TestRegistry, encoding?: 'gzip' | 'br'): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${target.url}/ExportService`,
      {
        method: 'POST',
        ca: target.ca,
        headers: {
          authorization: basicAuth('reader'),
          'content-type': 'text/xml; charset=utf-8',
          ...(encoding !== undefined && { 'accept-encoding': encoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          const sentAs = res.headers['content-encoding'];
          const plain =
            sentAs === 'gzip' ? gunzipSync(wire) : sentAs === 'br' ? brotliDecompressSync(wire) : wire;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire, xml: plain.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(GET_ALL);
  });

/** Sets the unit's e-mail through the ImportService and returns it. */
async function writeEmail(caller: ImportCaller, label: string): Promise<string> {
  const email = `${label}-${Date.now()}@example.dk`;
  const svar = await caller.call('UpdateAnvisningsEnhed', {
    AnvisningsEnhed: { EnhedsNummer: UNIT, Email: email },
  });
  expect(svar.status).toBe('OK');
  return email;
}

describe("the register's list answers kept as bytes until the next write", () => {
  it('sends the same bytes to every caller, with their Content-Length, in each encoding', async () => {
    const [a, b, gz1, gz2, br] = await Promise.all([
      getAll(registry),
      getAll(registry),
      getAll(registry, 'gzip'),
      getAll(registry, 'gzip'),
      getAll(registry, 'br'),
    ]);
    expect(a.status).toBe(200);
    expect(a.wire.length).toBeGreaterThan(3_000_000);
    expect(b.wire.equals(a.wire)).toBe(true);
    expect(Number(a.headers['content-length'])).toBe(a.wire.length);
    expect(gz1.headers['content-encoding']).toBe('gzip');
    expect(gz2.wire.equals(gz1.wire)).toBe(true);
    expect(Number(gz1.headers['content-length'])).toBe(gz1.wire.length);
    expect(br.headers['content-encoding']).toBe('br');
    for (const answer of [gz1, br]) expect(answer.xml).toBe(a.xml);
  });

  it('a write is in the very next answer, plain, gzip and brotli alike', async () => {
    // Kept and compressed before the write.
    await Promise.all([getAll(registry), getAll(registry, 'gzip'), getAll(registry, 'br')]);
    for (const round of [1, 2]) {
      const email = await writeEmail(admin, `next-${round}`);
      for (const encoding of [undefined, 'gzip', 'br'] as const) {
        const answer = await getAll(registry, encoding);
        expect(answer.status).toBe(200);
        expect(answer.xml).toContain(email);
      }
    }
  });

  it('a write while answers are being made and compressed is in every answer asked for after it', async () => {
    const before = await writeEmail(admin, 'before');
    // Answers for the data before the write, in flight as it commits: made, then compressed.
    const inFlight = [getAll(registry, 'gzip'), getAll(registry, 'br'), getAll(registry)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const email = await writeEmail(admin, 'during');
    const after = await Promise.all([getAll(registry, 'gzip'), getAll(registry, 'br'), getAll(registry)]);
    for (const answer of after) expect(answer.xml).toContain(email);
    // Those begun before it describe the data of one moment: before the write or after it.
    for (const answer of await Promise.all(inFlight)) {
      expect(answer.status).toBe(200);
      expect(answer.xml.includes(before) || answer.xml.includes(email)).toBe(true);
    }
    const later = await getAll(registry, 'gzip');
    expect(later.xml).toContain(email);
  });

  it('with the change feed off too', async () => {
    await Promise.all([getAll(feedOff), getAll(feedOff, 'gzip')]);
    const email = await writeEmail(adminFeedOff, 'feed-off');
    expect((await getAll(feedOff)).xml).toContain(email);
    expect((await getAll(feedOff, 'gzip')).xml).toContain(email);
  });
});
