import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { runHttpLoadInChild } from './http-load.ts';
import { processCpuMs } from './process-cpu.ts';
import { spawnTimedServer } from './spawn-server.ts';

// The hot path's quick figures (lane hotpath's own; `npm run bench` has the official ones):
// `{__typename}` and a warm `institution(number)` against a bare Apollo Server 5, each server in
// its own process, one load generator in a child process, rounds alternating so that the machine's
// load falls on all alike. Prints figures with the load average; asserts nothing.
// `node --import tsx bench/hot-path.ts [rounds] [requests]`; HOT_PATH_PROFILE=dir profiles the gateway.

const ROUNDS = Number(process.argv[2] ?? 3);
const REQUESTS = Number(process.argv[3] ?? 4000);
const CONCURRENCY = 8;
const uptime = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** A server script in its own process (through tsx, as `npm run dev:gateway` runs it), once it answers. */
const startServer = (script: string, env: Record<string, string>, nodeArgs: string[] = []) =>
  spawnTimedServer({
    label: script,
    command: [
      process.execPath,
      ...nodeArgs,
      '--import',
      'tsx',
      script.startsWith('/') ? script : fileURLToPath(new URL(script, import.meta.url)),
    ],
    env: { GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: '0', LOG_LEVEL: 'info', ...env },
    urlPattern: /"url":"(http:\/\/[^"]+)"/,
  });

/** The CPU time (ms) a server has used so far; 0 where /proc cannot tell. */
const cpuMs = (pid: number): number => processCpuMs(pid) ?? 0;

const dir = mkdtempSync(join(tmpdir(), 'dtr-hot-path-'));
const stops: (() => Promise<void>)[] = [];
try {
  const registry = await spawnRegistry(dir);
  stops.push(() => registry.stop());
  const env = {
    NODE_ENV: 'production',
    REGISTRY_URL: registry.url,
    REGISTRY_CA: join(dir, 'tls', 'cert.pem'),
  };
  const profile = process.env.HOT_PATH_PROFILE;
  const gateway = await startServer(
    '../src/gateway/main.ts',
    env,
    profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`],
  );
  stops.push(() => gateway.stop());
  const uncached = await startServer('../src/gateway/main.ts', { ...env, RESPONSE_CACHE_MAX_BYTES: '0' });
  stops.push(() => uncached.stop());
  const bare = await startServer('./bare-apollo.mjs', {});
  // HOT_PATH_BEFORE=<a checkout of the code before> adds its gateway to every round, for a before/after.
  const beforeTree = process.env.HOT_PATH_BEFORE;
  const before =
    beforeTree === undefined ? null : await startServer(`${beforeTree}/src/gateway/main.ts`, env);
  if (before !== null) stops.push(() => before.stop());
  stops.push(() => bare.stop());

  const typename = JSON.stringify({ query: '{ __typename }' });
  const institution = JSON.stringify({
    query: 'query($n: InstitutionNumber!) { institution(number: $n) { number name } }',
    variables: { n: 'G10662' },
  });
  const cases = [
    { name: 'bare {__typename}', url: bare.url, pid: bare.pid, body: typename },
    { name: 'gateway {__typename}', url: gateway.url, pid: gateway.pid, body: typename },
    ...(before === null
      ? []
      : [{ name: 'before {__typename}', url: before.url, pid: before.pid, body: typename }]),
    { name: 'gateway institution cached', url: gateway.url, pid: gateway.pid, body: institution },
    { name: 'gateway institution executed', url: uncached.url, pid: uncached.pid, body: institution },
    ...(before === null
      ? []
      : [{ name: 'before institution cached', url: before.url, pid: before.pid, body: institution }]),
  ];
  const run = (url: string, body: string, total: number) =>
    runHttpLoadInChild({
      url,
      headers: { 'content-type': 'application/json' },
      bodies: [body],
      total,
      concurrency: CONCURRENCY,
    });
  // HOT_PATH_CASES=typename (a part of the names) measures only those, e.g. for a profile.
  const only = process.env.HOT_PATH_CASES;
  if (only !== undefined) cases.splice(0, cases.length, ...cases.filter((c) => c.name.includes(only)));
  // Warm every path (JIT, the WSDL, the shared cache, the response cache) before measuring.
  for (const c of cases) await run(c.url, c.body, 500);
  const rates = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  // The server's own CPU time per request: far steadier than req/s on a machine others load too.
  const cpu = new Map<string, number>();
  console.log(
    `hot path: ${ROUNDS} rounds × ${REQUESTS} requests, ${CONCURRENCY} connections; load ${uptime()}`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
      const cpuBefore = cpuMs(c.pid);
      const result = await run(c.url, c.body, REQUESTS);
      cpu.set(c.name, (cpu.get(c.name) ?? 0) + cpuMs(c.pid) - cpuBefore);
      if (result.errors > 0) console.log(`  ${c.name}: ${result.errors} errors`);
      rates.get(c.name)?.push(result.perSecond);
    }
    console.log(`  round ${round + 1} done; load ${uptime()}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  // Each round's ratio to the bare server's figure of the same round (measured next to it), then
  // the median over rounds: the machine's load drifts between rounds far more than within one.
  const bareRates = rates.get('bare {__typename}') ?? [];
  const cpuPerRequestUs = (name: string) =>
    ((cpu.get(name) ?? 0) * 1000) / (REQUESTS * (rates.get(name)?.length ?? 1));
  const bareCpu = cpuPerRequestUs('bare {__typename}');
  console.log('case                            req/s  ratio    CPU/request  bare CPU ÷ its CPU');
  for (const [name, values] of rates) {
    const ratios = values.map((v, round) => v / (bareRates[round] ?? v));
    const cpu = cpuPerRequestUs(name);
    console.log(
      `${name.padEnd(30)} ${median(values).toFixed(0).padStart(6)}  ${median(ratios).toFixed(2)}×` +
        `  ${cpu.toFixed(0).padStart(6)} µs  ${(bareCpu / cpu).toFixed(2)}×` +
        `  [round ratios ${ratios.map((r) => r.toFixed(2)).join(' ')}]`,
    );
  }
  console.log(`load after: ${uptime()}`);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
