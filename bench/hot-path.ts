import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { runHttpLoadInChild } from './http-load.ts';

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

/** A server script in its own process, resolved once it logs its URL (`"url":"…"`). */
const startServer = async (
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ url: string; stop(): Promise<void> }> => {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))],
    {
      env: { ...process.env, GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`${script} exited (${String(code)}):\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
};

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
  const bare = await startServer('./bare-apollo.ts', {});
  stops.push(() => bare.stop());

  const typename = JSON.stringify({ query: '{ __typename }' });
  const institution = JSON.stringify({
    query: 'query($n: InstitutionNumber!) { institution(number: $n) { number name } }',
    variables: { n: 'G10662' },
  });
  const cases = [
    { name: 'bare {__typename}', url: bare.url, body: typename },
    { name: 'gateway {__typename}', url: gateway.url, body: typename },
    { name: 'gateway institution cached', url: gateway.url, body: institution },
    { name: 'gateway institution executed', url: uncached.url, body: institution },
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
  console.log(
    `hot path: ${ROUNDS} rounds × ${REQUESTS} requests, ${CONCURRENCY} connections; load ${uptime()}`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
      const result = await run(c.url, c.body, REQUESTS);
      if (result.errors > 0) console.log(`  ${c.name}: ${result.errors} errors`);
      rates.get(c.name)?.push(result.perSecond);
    }
    console.log(`  round ${round + 1} done; load ${uptime()}`);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const bareRate = median(rates.get('bare {__typename}') ?? [1]);
  for (const [name, values] of rates) {
    const m = median(values);
    console.log(
      `${name.padEnd(30)} ${m.toFixed(0).padStart(6)} req/s  ${(m / bareRate).toFixed(2)}× bare  [${values.map((v) => v.toFixed(0)).join(', ')}]`,
    );
  }
  console.log(`load after: ${uptime()}`);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
