import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { summarize } from './load.ts';

// `npm run loadtest`: register and gateway in their own processes, loopback only, mixed reads and
// writes through the gateway for at most DURATION_MS or REQUEST_LIMIT requests, whichever comes
// first. Prints throughput, errors, p50/p99 per kind and the gateway's memory at start and end.

const DURATION_MS = Number(process.env.LOADTEST_DURATION_MS ?? 60_000);
const REQUEST_LIMIT = Number(process.env.LOADTEST_REQUESTS ?? 200_000);
const CONCURRENCY = 16;

const dir = mkdtempSync(join(tmpdir(), 'gateway-loadtest-'));
const registry = await spawnRegistry(dir);
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, registry.ca);
const gatewayProcess = spawn(process.execPath, ['--import', 'tsx', 'src/gateway/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    REGISTRY_URL: registry.url,
    REGISTRY_CA: caFile,
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const graphqlUrl = await new Promise<string>((resolve, reject) => {
  let output = '';
  gatewayProcess.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
    if (match?.[1] !== undefined) resolve(match[1]);
  });
  gatewayProcess.once('exit', (code) => reject(new Error(`gateway exited (${code})`)));
});
const metricsUrl = new URL('/metrics', graphqlUrl);
/** The gateway's resident memory and used V8 heap, from its own /metrics. */
const memory = async () => {
  const text = await (await fetch(metricsUrl)).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  return { rss: read('process_resident_memory_bytes'), heap: read('nodejs_heap_size_used_bytes') };
};

const kommune = 'Basic ' + Buffer.from('kommune-101:kommune-101').toString('base64');
const numbers = ['G10662', 'G18062', 'G18063', 'G18168', 'G20271', 'G10432', 'G13957', 'G15934'];
type Kind = 'institution' | 'page' | 'near' | 'update';
const requestFor = (i: number): { kind: Kind; body: object; authorization?: string } => {
  const slot = i % 20;
  if (slot === 0) {
    return {
      kind: 'update',
      authorization: kommune,
      body: {
        query:
          'mutation($n: InstitutionNumber!, $e: Email) { updateAssignmentUnit(input: { number: $n, email: $e }) { assignmentUnit { email } userErrors { code } } }',
        variables: { n: 'G10432', e: `load${i}@kk.dk` },
      },
    };
  }
  if (slot < 12) {
    return {
      kind: 'institution',
      body: {
        query: `{ institution(number: "${numbers[i % numbers.length]}") { number name unilogin { eligible reasons } } }`,
      },
    };
  }
  if (slot < 17) {
    return {
      kind: 'page',
      body: {
        query:
          '{ assignmentUnits(first: 50, filter: { municipalityCode: 751 }) { totalCount edges { node { number name address { street } daycareInstitution { name } } } } }',
      },
    };
  }
  return {
    kind: 'near',
    body: {
      query:
        '{ assignmentUnits(first: 20, filter: { near: { latitude: 55.6761, longitude: 12.5683, radiusMeters: 2000 } }) { edges { distanceMeters node { name } } } }',
    },
  };
};

// Warm-up: fill the gateway's cache first, so that the memory figures compare a warm gateway
// with itself (a cold start grows by the cached register, ~100 MiB, once).
for (let i = 0; i < 40; i++) {
  const { body } = requestFor(i + 1);
  await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const latencies = new Map<Kind, number[]>();
let errors = 0;
let sent = 0;
const memoryBefore = await memory();
// Heap samples during the run: one snapshot depends on when V8 last collected, a series does not.
const heapSamples: number[] = [];
const sampler = setInterval(() => {
  void memory().then((m) => heapSamples.push(m.heap));
}, 5_000);
const started = performance.now();
const deadline = started + DURATION_MS;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (sent < REQUEST_LIMIT && performance.now() < deadline) {
      const { kind, body, authorization } = requestFor(sent++);
      const t = performance.now();
      try {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization === undefined ? {} : { authorization }),
          },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as {
          errors?: unknown[];
          data?: Record<string, { userErrors?: unknown[] } | null>;
        };
        const userErrors = Object.values(answer.data ?? {}).flatMap((v) => v?.userErrors ?? []);
        if (response.status !== 200 || answer.errors !== undefined || userErrors.length > 0) errors++;
      } catch {
        errors++;
      }
      const list = latencies.get(kind) ?? [];
      list.push(performance.now() - t);
      latencies.set(kind, list);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const memoryAfter = await memory();

const all = summarize([...latencies.values()].flat(), errors, seconds);
console.log(
  `loadtest  ${all.requests} requests in ${seconds.toFixed(1)} s: ${all.perSecond.toFixed(0)} req/s, ${errors} errors`,
);
console.log(`          all          p50 ${all.p50Ms.toFixed(1)} ms  p99 ${all.p99Ms.toFixed(1)} ms`);
for (const [kind, values] of latencies) {
  const one = summarize(values, 0, seconds);
  console.log(
    `          ${kind.padEnd(12)} ${String(one.requests).padStart(6)} req  p50 ${one.p50Ms.toFixed(1)} ms  p99 ${one.p99Ms.toFixed(1)} ms`,
  );
}
console.log(
  `gateway   memory at start (after warm-up): ${memoryBefore.rss.toFixed(0)} MiB resident, ${memoryBefore.heap.toFixed(0)} MiB heap used; ` +
    `at end: ${memoryAfter.rss.toFixed(0)} MiB resident, ${memoryAfter.heap.toFixed(0)} MiB heap used`,
);

console.log(`          heap used every 5 s (MiB): ${heapSamples.map((h) => h.toFixed(0)).join(' ')}`);

gatewayProcess.kill('SIGTERM');
await new Promise((resolve) => gatewayProcess.once('exit', resolve));
await registry.stop();
rmSync(dir, { recursive: true, force: true });
