import { Agent, request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_WRITES, generateFuzzCases, unmutated, type FuzzCase } from '../helpers/soap-fuzz.ts';
import { storeFingerprint } from '../helpers/soap-wire.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/** Fixed: a failure names a case that the same seed reproduces. */
const SEED = 0x11_50a9;
const CASES = 1200;
const PARALLEL = 8;

let agent: Agent;

const { registry } = useTestStack();
beforeAll(async () => {
  agent = new Agent({ ca: registry.ca, keepAlive: true, maxSockets: PARALLEL });
});
afterAll(async () => {
  agent.destroy();
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(one: FuzzCase): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${registry.url}/ImportService`,
      { method: 'POST', agent, headers: { ...one.headers, authorization: basicAuth('admin') } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(one.body);
  });
}

/** What is wrong with an answer to a request that must not write; null when it is as it should be. */
function verdict(answer: Answer): string | null {
  if (answer.body.includes('Internal error')) return 'an Internal error';
  if (answer.status === 200) {
    if (answer.body.includes(':Fault>')) return 'a fault with HTTP 200';
    return answer.body.includes('<status>FEJL</status>') ? null : 'a write that was not refused';
  }
  const fault11 = /<faultcode>soap:(Client|MustUnderstand|VersionMismatch)<\/faultcode><faultstring>[^<]+/;
  const fault12 =
    /<soap:Value>soap:(Sender|MustUnderstand|VersionMismatch)<\/soap:Value>.*<soap:Text xml:lang="en">[^<]+/;
  // A body over the limit is refused before it is read, with a fault (HTTP 413).
  if (
    [500, 413].includes(answer.status) &&
    answer.contentType.startsWith('text/xml') &&
    fault11.test(answer.body)
  )
    return null;
  const status12 = answer.body.includes('soap:Sender') ? 400 : 500;
  if (
    [status12, 413].includes(answer.status) &&
    answer.contentType.startsWith('application/soap+xml') &&
    fault12.test(answer.body)
  )
    return null;
  return `HTTP ${answer.status} ${answer.contentType}: ${answer.body.slice(0, 200)}`;
}

describe('a fuzz run of generated malformed and hostile ImportService requests', () => {
  it(
    `answers ${CASES} of them (seed ${SEED}) with SKEMA_FEJL/FEJL or a Client fault, writes nothing, and stays up`,
    { timeout: 120_000 },
    async () => {
      const cases = generateFuzzCases(SEED, CASES);
      const before = storeFingerprint(registry.store);
      const sequence = registry.store.changeSequence();
      const problems: string[] = [];
      const byMutation = new Map<string, number>();
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let i = next++; i < cases.length; i = next++) {
            const one = cases[i];
            if (one === undefined) continue;
            byMutation.set(one.mutation, (byMutation.get(one.mutation) ?? 0) + 1);
            try {
              const problem = verdict(await send(one));
              if (problem !== null) problems.push(`#${i} ${one.operation}, ${one.mutation}: ${problem}`);
            } catch (error) {
              problems.push(`#${i} ${one.operation}, ${one.mutation}: no answer (${String(error)})`);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      // The run's figures, for whoever reads the test output (the report's measurement).
      process.stderr.write(
        `fuzz: ${cases.length} requests in ${seconds.toFixed(1)} s; by mutation ${JSON.stringify(Object.fromEntries(byMutation))}\n`,
      );
      expect(problems.slice(0, 20)).toEqual([]);
      expect(registry.store.changeSequence()).toBe(sequence);
      expect(storeFingerprint(registry.store)).toBe(before);
      // Every mutation was tried more than a few times.
      expect(Math.min(...byMutation.values())).toBeGreaterThan(10);
    },
  );

  it('accepts every base write unmutated: the mutations, not the bases, were refused', async () => {
    let sequence = registry.store.changeSequence();
    for (const base of BASE_WRITES) {
      const answer = await send(unmutated(base));
      expect({ operation: base.operation, status: answer.status, body: answer.body }).toMatchObject({
        status: 200,
        body: expect.stringContaining('<status>OK</status>'),
      });
      // One sequence per changed record: InsertDaginstitution creates two (the daginstitution, its unit).
      sequence += base.operation === 'InsertDaginstitution' ? 2 : 1;
      expect({ operation: base.operation, body: answer.body }).toMatchObject({
        body: expect.stringContaining(`<aendringsSekvens>${sequence}</aendringsSekvens>`),
      });
    }
    expect(registry.store.changeSequence()).toBe(sequence);
  });
});
