import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCaller } from '../test/helpers/import-client.ts';
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
const GATEWAYS = Number(process.env.LOADTEST_GATEWAYS ?? 1);

/** One gateway process: where it answers, and how long it took from spawn to /readyz 200. */
interface GatewayProcess {
  url: string;
  process: ReturnType<typeof spawn>;
  /** From spawn to listening (Node, tsx and the modules loading), and on to /readyz 200. */
  listeningMs: number;
  readyMs: number;
}

const startGatewayProcess = async (): Promise<GatewayProcess> => {
  const spawned = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/gateway/main.ts'], {
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
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (${code})`)));
  });
  child.stdout.resume();
  const listeningMs = performance.now() - spawned;
  // Ready: the whole register loaded into the live model (or, in TTL mode, the WSDL read).
  for (;;) {
    const ready = await fetch(new URL('/readyz', url)).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, process: child, listeningMs, readyMs: performance.now() - spawned };
};
const gateways: GatewayProcess[] = [];
for (let i = 0; i < GATEWAYS; i++) gateways.push(await startGatewayProcess());
const [firstGateway] = gateways;
if (firstGateway === undefined) throw new Error('LOADTEST_GATEWAYS must be at least 1');
const graphqlUrl = firstGateway.url;
const readyz = (await (await fetch(new URL('/readyz', graphqlUrl))).json()) as { checks?: { mode?: string } };
console.log(
  `gateway   ${GATEWAYS} process(es), mode ${JSON.stringify(readyz.checks?.mode ?? '?')}; spawn to ready: ` +
    gateways
      .map(
        (g) =>
          `${(g.readyMs / 1000).toFixed(2)} s (listening after ${(g.listeningMs / 1000).toFixed(2)} s, ` +
          `then ${((g.readyMs - g.listeningMs) / 1000).toFixed(2)} s to load the register)`,
      )
      .join(', '),
);
/** A gateway's resident memory and used V8 heap, from its own /metrics. */
const memory = async (url = graphqlUrl) => {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN) / 2 ** 20;
  const cpu = Number(/^process_cpu_seconds_total ([\d.e+-]+)/m.exec(text)?.[1] ?? Number.NaN);
  return { rss: read('process_resident_memory_bytes'), heap: read('nodejs_heap_size_used_bytes'), cpu };
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
const cpuBefore = await Promise.all(gateways.map((g) => memory(g.url)));
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
      const i = sent++;
      const { kind, body, authorization } = requestFor(i);
      const target = gateways[i % gateways.length]?.url ?? graphqlUrl;
      const t = performance.now();
      try {
        const response = await fetch(target, {
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
const cpuAfter = await Promise.all(gateways.map((g) => memory(g.url)));
const cpuSeconds = cpuAfter.reduce((sum, m, i) => sum + m.cpu - (cpuBefore[i]?.cpu ?? 0), 0);

const all = summarize([...latencies.values()].flat(), errors, seconds);
console.log(
  `loadtest  ${all.requests} requests in ${seconds.toFixed(1)} s: ${all.perSecond.toFixed(0)} req/s, ${errors} errors`,
);
console.log(
  `          gateway CPU ${((cpuSeconds / Math.max(1, sent)) * 1e6).toFixed(0)} µs per request (all gateways; steadier than req/s on a shared machine)`,
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

// Freshness: 100 writes straight over SOAP (the register's own maintenance), each polled through
// GraphQL until visible; and, with two gateways, 100 writes through the first, read at once from
// it (a stale read is counted) and polled on the second until visible.
const admin = await importCaller(registry, 'admin');
const EMAIL = 'query($n: InstitutionNumber!) { institution(number: $n) { ... on AssignmentUnit { email } } }';
const emailAt = async (url: string, number: string): Promise<string | null> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EMAIL, variables: { n: number } }),
  });
  const answer = (await response.json()) as { data?: { institution?: { email?: string } | null } };
  return answer.data?.institution?.email ?? null;
};
const visibleAfter = async (url: string, number: string, email: string, started: number) => {
  while ((await emailAt(url, number)) !== email) {
    if (performance.now() - started > 10_000) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
};
// In TTL mode a write elsewhere shows only after CACHE_TTL_MS: nothing to measure in seconds.
const live = readyz.checks?.mode === 'live';
const viaSoap: number[] = [];
for (let i = 0; live && i < 100; i++) {
  const email = `soap${i}@kk.dk`;
  const started = performance.now();
  const svar = await admin.call('UpdateAnvisningsEnhed', {
    AnvisningsEnhed: { EnhedsNummer: 'G18062', Email: email },
  });
  if (svar.status !== 'OK') throw new Error(`SOAP write refused: ${JSON.stringify(svar.fejl)}`);
  viaSoap.push(await visibleAfter(gateways.at(-1)?.url ?? graphqlUrl, 'G18062', email, started));
}
const soapVisible = summarize(viaSoap, viaSoap.filter((ms) => !Number.isFinite(ms)).length, 1);
if (live)
  console.log(
    `freshness a SOAP write visible through GraphQL: p50 ${soapVisible.p50Ms.toFixed(0)} ms, p99 ${soapVisible.p99Ms.toFixed(0)} ms, max ${Math.max(...viaSoap).toFixed(0)} ms (100 writes)`,
  );
let staleSameProcess = 0;
const onSecond: number[] = [];
for (let i = 0; i < 100; i++) {
  const email = `rw${i}@kk.dk`;
  const started = performance.now();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: kommune },
    body: JSON.stringify({
      query:
        'mutation($n: InstitutionNumber!, $e: Email) { updateAssignmentUnit(input: { number: $n, email: $e }) { userErrors { code } } }',
      variables: { n: 'G10432', e: email },
    }),
  });
  await response.json();
  if ((await emailAt(graphqlUrl, 'G10432')) !== email) staleSameProcess++;
  const second = gateways[1];
  if (second !== undefined && live) onSecond.push(await visibleAfter(second.url, 'G10432', email, started));
}
console.log(
  `freshness stale reads from the writing gateway right after its mutation answered: ${staleSameProcess} of 100`,
);
if (onSecond.length > 0) {
  const second = summarize(onSecond, 0, 1);
  console.log(
    `freshness a write through gateway 1 visible through gateway 2: p50 ${second.p50Ms.toFixed(0)} ms, p99 ${second.p99Ms.toFixed(0)} ms, max ${Math.max(...onSecond).toFixed(0)} ms`,
  );
}

for (const g of gateways) {
  g.process.kill('SIGTERM');
  await new Promise((resolve) => g.process.once('exit', resolve));
}
await registry.stop();
rmSync(dir, { recursive: true, force: true });
