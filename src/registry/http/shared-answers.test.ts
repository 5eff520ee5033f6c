import { describe, expect, it } from 'vitest';
import type { SoapService } from '../soap/soap-service.ts';
import { shareAnswers } from './shared-answers.ts';

/** A service that counts its computations and answers `statusCode` with a big body. */
function countingService(statusCode = 200) {
  const calls: string[] = [];
  const service: SoapService = {
    name: 'ExportService',
    wsdlXml: '',
    schemas: new Map(),
    async process(xml) {
      calls.push(xml);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { statusCode, body: `${xml}:${calls.length}:`.padEnd(100_000, 'x') };
    },
  };
  return { service, calls };
}

describe('shareAnswers', () => {
  it('shares one answer between callers until the change sequence moves', async () => {
    let sequence = 7;
    const { service, calls } = countingService();
    const shared = shareAnswers(service, { changeSequence: () => sequence, minBytes: 1000, maxBytes: 1e9 });
    const [a, b] = await Promise.all([
      shared.process('<All/>', undefined),
      shared.process('<All/>', undefined),
    ]);
    const c = await shared.process('<All/>', undefined);
    expect(calls).toHaveLength(1);
    expect(a.body).toBe(b.body);
    expect(c.body).toBe(a.body);
    await shared.process('<Other/>', undefined);
    expect(calls).toHaveLength(2);
    sequence = 8;
    const d = await shared.process('<All/>', undefined);
    expect(calls).toHaveLength(3);
    expect(d.body).not.toBe(a.body);
  });

  it('never shares a fault, nor a small answer, and keeps within maxBytes', async () => {
    const faulty = countingService(500);
    const noFaults = shareAnswers(faulty.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 1e9 });
    await Promise.all([noFaults.process('<X/>', undefined), noFaults.process('<X/>', undefined)]);
    expect(faulty.calls).toHaveLength(2);

    const small = countingService();
    const tooBig = shareAnswers(small.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 100 });
    await tooBig.process('<X/>', undefined);
    await tooBig.process('<X/>', undefined);
    expect(small.calls).toHaveLength(2);

    const bounded = countingService();
    // Room for one 200 kB answer (100,000 UTF-16 code units): the second pushes the first out.
    const one = shareAnswers(bounded.service, { changeSequence: () => 1, minBytes: 1000, maxBytes: 250_000 });
    await one.process('<A/>', undefined);
    await one.process('<B/>', undefined);
    await one.process('<B/>', undefined);
    await one.process('<A/>', undefined);
    expect(bounded.calls).toEqual(['<A/>', '<B/>', '<A/>']);
  });
});
