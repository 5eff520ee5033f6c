import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run measure:start [-- <rounds>]`: how soon a gateway answers after its process starts, and
 * what its first real answer costs against a warm one. The register runs once, compiled, on a
 * fresh database; each round starts a gateway (compiled `dist/`, and for comparison the
 * development start through tsx) on a free loopback port and asks it, as fast as it will answer:
 * `{__typename}`, then `/readyz` until 200, then one institution look-up (a number and selection
 * that no warm-up runs), then the same look-up executed 50 times and answered from the response
 * cache 50 times. Prints medians over the rounds and
 * the machine's load. MEASURE_BASELINE=<path of another build's gateway/main.js> adds it to the
 * race. Loopback only; about half a minute.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 5);
const LOOKUP = `query FirstLookup($number: InstitutionNumber!) {
  institution(number: $number) { number name status municipality { code name } }
}`;
/** An institution none of the playground's examples names. */
const LOOKUP_NUMBER = 'G10432';
const WARM_REPEATS = 50;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

async function startRegistry(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'dist/registry/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_PORT: '0',
      REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
      REGISTRY_TLS_DIR: join(dir, 'tls'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(https:\/\/[^"]+)"/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`register exited (${String(code)}):\n${output}`)));
  });
  child.stdout?.resume();
  return { child, url };
}

/** Posts a query; the answer's status, or null while nothing listens. */
async function post(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<number | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors !== undefined) throw new Error(`answered errors: ${JSON.stringify(body.errors)}`);
    return response.status;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

interface Round {
  firstTypenameMs: number;
  readyMs: number;
  firstLookupMs: number;
  warmExecutedMs: number;
  warmCachedMs: number;
}

async function round(command: readonly string[], registryUrl: string, caPath: string): Promise<Round> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      REGISTRY_URL: registryUrl,
      REGISTRY_CA: caPath,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    while ((await post(port, '{__typename}')) !== 200) await new Promise((resolve) => setTimeout(resolve, 2));
    const firstTypenameMs = performance.now() - started;
    while (!(await ready(port))) await new Promise((resolve) => setTimeout(resolve, 5));
    const readyMs = performance.now() - started;
    const lookupStarted = performance.now();
    await post(port, LOOKUP, { number: LOOKUP_NUMBER });
    const firstLookupMs = performance.now() - lookupStarted;
    const timed = async (variables: (i: number) => Record<string, unknown>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < WARM_REPEATS; i += 1) {
        const at = performance.now();
        await post(port, LOOKUP, variables(i));
        times.push(performance.now() - at);
      }
      return median(times);
    };
    // A variable the operation does not declare is ignored by execution but is part of the
    // response cache's key: each of these is executed, not served from the cache.
    const warmExecutedMs = await timed((i) => ({ number: LOOKUP_NUMBER, round: i }));
    const warmCachedMs = await timed(() => ({ number: LOOKUP_NUMBER }));
    return { firstTypenameMs, readyMs, firstLookupMs, warmExecutedMs, warmCachedMs };
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'measure-start-'));
const registry = await startRegistry(dir);
const ways: Record<string, readonly string[]> = {
  'compiled (dist/)': [join(root, 'dist/gateway/main.js')],
  'tsx (src/)': ['--import', 'tsx', join(root, 'src/gateway/main.ts')],
  // Another build to race against (an older commit's dist/gateway/main.js), side by side.
  ...(process.env.MEASURE_BASELINE === undefined ? {} : { baseline: [process.env.MEASURE_BASELINE] }),
};
const results = new Map<string, Round[]>(Object.keys(ways).map((name) => [name, []]));
try {
  // Interleaved, so that both ways meet the same machine.
  for (let i = 0; i < rounds; i += 1) {
    for (const [name, command] of Object.entries(ways)) {
      results.get(name)?.push(await round(command, registry.url, join(dir, 'tls', 'cert.pem')));
    }
  }
} finally {
  registry.child.kill('SIGTERM');
  await exited(registry.child);
  rmSync(dir, { recursive: true, force: true });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const lines = [
  `gateway start, median of ${rounds} rounds; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
];
for (const [name, list] of results) {
  const pick = (key: keyof Round) => median(list.map((r) => r[key]));
  lines.push(
    `${name.padEnd(17)} first {__typename} ${ms(pick('firstTypenameMs'))}, /readyz 200 ${ms(pick('readyMs'))}, ` +
      `first look-up ${ms(pick('firstLookupMs'))}, warm executed ${ms(pick('warmExecutedMs'))} ` +
      `(first/warm ${(pick('firstLookupMs') / pick('warmExecutedMs')).toFixed(1)}×), warm cached ${ms(pick('warmCachedMs'))}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
