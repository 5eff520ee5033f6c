import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SoapService } from '../soap/soap-service.ts';
import { shareAnswers } from './shared-answers.ts';

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
    const shared = shareAnswers(service, { changeSequence: () => sequence, minBytes: 1000, maxBytes: 1e9 });
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
    const shared = shareAnswers(service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 1e9 });
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
    const noFaults = shareAnswers(faulty.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 1e9 });
    await Promise.all([noFaults.process(request('<X/>')), noFaults.process(request('<X/>'))]);
    expect(faulty.calls).toHaveLength(2);

    const small = countingService();
    const tooBig = shareAnswers(small.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 100 });
    await tooBig.process(request('<X/>'));
    await tooBig.process(request('<X/>'));
    expect(small.calls).toHaveLength(2);

    const bounded = countingService();
    // Room for one 200 kB answer (100,000 UTF-16 code units): the second pushes the first out.
    const one = shareAnswers(bounded.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 250_000 });
    await one.process(request('<A/>'));
    await one.process(request('<B/>'));
    await one.process(request('<B/>'));
    await one.process(request('<A/>'));
    expect(bounded.calls).toEqual(['<A/>', '<B/>', '<A/>']);
  });
});
