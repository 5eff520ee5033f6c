import { pino } from 'pino';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SoapAnswer, SoapService } from '../soap/soap-service.ts';
import { isSharedAnswer, shareAnswers, type SharedAnswer } from './shared-answers.ts';

const SOAP_11 = 'text/xml; charset=utf-8';
const SOAP_12 = 'application/soap+xml; charset=utf-8';
const caller = {
  identity: { kind: 'reader', name: 'reader' },
  requestId: 'r',
  log: pino({ level: 'silent' }),
} as const;
const request = (xml: string, contentType = SOAP_11, soapAction?: string) => ({
  xml,
  contentType,
  soapAction,
  caller,
});

/** A service that counts its computations and answers `statusCode` with a big body. */
function countingService(statusCode = 200) {
  const calls: string[] = [];
  const service: SoapService = {
    name: 'ExportService',
    wsdlXml: '',
    schemas: new Map(),
    async process({ xml, contentType }) {
      calls.push(xml);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return {
        statusCode,
        contentType: contentType ?? 'text/xml; charset=utf-8',
        body: `${xml}:${calls.length}:`.padEnd(100_000, 'x'),
      };
    },
  };
  return { service, calls };
}

describe('shareAnswers', () => {
  it('shares one answer between callers until the change sequence moves', async () => {
    let sequence = 7;
    const { service, calls } = countingService();
    const shared = shareAnswers(service, { version: () => String(sequence), minBytes: 1000, maxBytes: 1e9 });
    const [a, b] = await Promise.all([shared.process(request('<All/>')), shared.process(request('<All/>'))]);
    const c = await shared.process(request('<All/>'));
    expect(calls).toHaveLength(1);
    expect(a.body).toBe(b.body);
    expect(c.body).toBe(a.body);
    await shared.process(request('<Other/>'));
    expect(calls).toHaveLength(2);
    sequence = 8;
    const d = await shared.process(request('<All/>'));
    expect(calls).toHaveLength(3);
    expect(d.body).not.toBe(a.body);
  });

  it('keys by all that decides the operation and version: Content-Type and SOAPAction too', async () => {
    const { service, calls } = countingService();
    const shared = shareAnswers(service, { version: () => '1', minBytes: 1000, maxBytes: 1e9 });
    const as11 = await shared.process(request('<All/>'));
    const as12 = await shared.process(request('<All/>', SOAP_12));
    const withAction = await shared.process(request('<All/>', SOAP_11, '"urn:x/All"'));
    expect(calls).toHaveLength(3);
    expect(as11.contentType).toBe(SOAP_11);
    expect(as12.contentType).toBe(SOAP_12);
    expect(withAction.body).not.toBe(as11.body);
    expect((await shared.process(request('<All/>', SOAP_12))).body).toBe(as12.body);
    expect(calls).toHaveLength(3);
  });

  it('never shares a fault, nor a small answer, and keeps within maxBytes', async () => {
    const faulty = countingService(500);
    const noFaults = shareAnswers(faulty.service, { version: () => '1', minBytes: 1000, maxBytes: 1e9 });
    await Promise.all([noFaults.process(request('<X/>')), noFaults.process(request('<X/>'))]);
    expect(faulty.calls).toHaveLength(2);

    const small = countingService();
    const tooBig = shareAnswers(small.service, { version: () => '1', minBytes: 1000, maxBytes: 100 });
    await tooBig.process(request('<X/>'));
    await tooBig.process(request('<X/>'));
    expect(small.calls).toHaveLength(2);

    const bounded = countingService();
    // Room for one 100 kB answer (100,000 UTF-8 bytes): the second pushes the first out.
    const one = shareAnswers(bounded.service, { version: () => '1', minBytes: 1000, maxBytes: 150_000 });
    await one.process(request('<A/>'));
    await one.process(request('<B/>'));
    await one.process(request('<B/>'));
    await one.process(request('<A/>'));
    expect(bounded.calls).toEqual(['<A/>', '<B/>', '<A/>']);
  });

  it('keeps the bytes, and compresses each encoding once however many callers ask at once', async () => {
    const { service, calls } = countingService();
    const shared = shareAnswers(service, { version: () => '1', minBytes: 1000, maxBytes: 1e9 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => shared.process(request('<All/>'))));
    expect(calls).toHaveLength(1);
    const bytes = answers.map((a) => sharedBytes(a));
    expect(new Set(bytes).size).toBe(1);
    const first = bytes[0];
    if (first === undefined) throw new Error('no answer');
    expect(first.identity.toString('utf8')).toBe(answers[0]?.body);
    const gzipped = await Promise.all(answers.map((a) => sharedBytes(a).encoded('gzip')));
    expect(new Set(gzipped).size).toBe(1);
    expect(gunzipSync(gzipped[0] ?? Buffer.alloc(0)).equals(first.identity)).toBe(true);
    // Asked for again later: the same kept bytes, compressed nothing anew.
    const later = await shared.process(request('<All/>'));
    expect(await sharedBytes(later).encoded('gzip')).toBe(gzipped[0]);
  });

  it('counts compressed variants against maxBytes: one that does not fit is made for each caller', async () => {
    const { service, calls } = countingService();
    // Room for the 100,000-byte answer and not the ~200 bytes of its gzip.
    const shared = shareAnswers(service, { version: () => '1', minBytes: 1000, maxBytes: 100_010 });
    const a = await shared.process(request('<All/>'));
    const first = await sharedBytes(a).encoded('gzip');
    const second = await sharedBytes(await shared.process(request('<All/>'))).encoded('gzip');
    expect(calls).toHaveLength(1);
    expect(second).not.toBe(first);
    expect(second.equals(first)).toBe(true);
  });

  it('never keeps an answer made while a write committed, nor its compressed bytes', async () => {
    let sequence = 1;
    const releases: (() => void)[] = [];
    const { service, calls } = countingService();
    const gated: SoapService = {
      ...service,
      async process(args) {
        const answer = await service.process(args);
        await new Promise<void>((resolve) => releases.push(resolve));
        return answer;
      },
    };
    const shared = shareAnswers(gated, { version: () => String(sequence), minBytes: 1000, maxBytes: 1e9 });
    const whileWriting = shared.process(request('<All/>'));
    await until(() => releases.length === 1);
    sequence = 2; // a write commits while that answer is being made
    const afterWrite = shared.process(request('<All/>'));
    await until(() => releases.length === 2);
    // The newer answer is done first; the one begun before the write must not replace it.
    releases[1]?.();
    const fresh = await afterWrite;
    releases[0]?.();
    const stale = await whileWriting;
    const next = await shared.process(request('<All/>'));
    expect(calls).toHaveLength(2);
    expect(stale.body).toContain(':1:');
    expect(next.body).toBe(fresh.body);
    expect(next.body).toContain(':2:');

    // Kept at sequence 2, its gzip in flight as sequence 3 commits: the next caller gets neither.
    const gzipping = sharedBytes(next).encoded('gzip');
    sequence = 3;
    const third = shared.process(request('<All/>'));
    await until(() => releases.length === 3);
    releases[2]?.();
    const answer3 = await third;
    expect(calls).toHaveLength(3);
    expect(answer3.body).toContain(':3:');
    expect(await sharedBytes(answer3).encoded('gzip')).not.toBe(await gzipping);
  });
});

/** Waits until `condition` holds (a few ms at most here). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** The bytes a shared answer carries; fails the test for an answer that carries none. */
function sharedBytes(answer: SoapAnswer): SharedAnswer['bytes'] {
  if (!isSharedAnswer(answer)) throw new Error('not a shared answer');
  return answer.bytes;
}
