import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { pino } from 'pino';
import { createGateway, gatewaySettings } from '../src/gateway/app.ts';
import { loadGatewayConfig } from '../src/gateway/config.ts';
import { createRegisterDependencies } from '../src/gateway/dependencies.ts';
import { startGateway } from '../src/gateway/server.ts';
import { runHttpLoadInChild, type HttpLoadOptions } from './http-load.ts';
import type { LoadResult } from './load.ts';

const ROUNDS = 7;
const REQUESTS = 20_000;
const CONCURRENCY = 32;

interface Run {
  load: LoadResult;
  /** The gateway process's CPU time per request, in µs: steadier than throughput on a shared machine. */
  cpuMicros: number;
}

const byThroughput = (runs: Run[]) => [...runs].sort((a, b) => b.load.perSecond - a.load.perSecond);
/** The least disturbed run: on a shared machine, noise only ever slows a run down. */
const bestRun = (runs: Run[]): Run => {
  const [best] = byThroughput(runs);
  if (best === undefined) throw new Error('no runs');
  return best;
};
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;
const report = (label: string, runs: Run[]) => {
  const { load: r, cpuMicros } = bestRun(runs);
  console.log(
    `  ${label.padEnd(36)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  ` +
      `gateway CPU ${cpuMicros.toFixed(0)} µs/request  (${r.requests} requests, ${r.errors} errors; ` +
      `median of the runs ${medianOf(runs.map((run) => run.load.perSecond)).toFixed(0)} req/s)`,
  );
};

/** A full garbage collection, for memory figures that do not depend on when V8 last collected. */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapUsedMiB = () => {
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/**
 * The live read model: from nothing to a gateway ready to serve with the whole register loaded,
 * the heap that holds, and a page query answered from it (0 SOAP calls, the answer made afresh).
 */
async function benchLiveModel(registryUrl: string, ca: string): Promise<void> {
  const config = loadGatewayConfig({
    REGISTRY_URL: registryUrl,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
  });
  const heapBefore = heapUsedMiB();
  const started = performance.now();
  const deps = await createRegisterDependencies(config, { ca });
  const running = await startGateway(
    await createGateway({
      reader: deps.reader,
      writer: deps.writer,
      logger: pino({ level: 'warn' }),
      ...gatewaySettings(config),
      responseCache: deps.responseCache,
      changes: deps.changes,
    }),
    { host: config.host, port: config.port },
  );
  const mode = await deps.reader.selected();
  const follower = deps.follower();
  if (mode !== 'live' || follower === null) throw new Error(`the gateway chose ${mode}, not the live model`);
  await follower.loaded();
  const readyMs = performance.now() - started;
  const heapAfter = heapUsedMiB();
  const counts = follower.model().counts();
  console.log(
    `live model: start to ready ${(readyMs / 1000).toFixed(2)} s (${counts.DaycareInstitution} + ${counts.AssignmentUnit} + ` +
      `${counts.AlternativeAddress} records); heap ${heapBefore.toFixed(0)} → ${heapAfter.toFixed(0)} MiB after a full GC: ` +
      `${(heapAfter - heapBefore).toFixed(0)} MiB for the gateway with its model`,
  );
  const PAGE_QUERY = `query($first: Int) { assignmentUnits(first: $first) { totalCount edges { node {
    number name status unilogin { eligible reasons }
    daycareInstitution { number name ownership { code text } legalBasis { code text } }
    alternativeAddresses { number name address { street postalCode } unilogin { eligible reasons } } } } } }`;
  for (const first of [100, 500]) {
    const times: number[] = [];
    deps.client.metrics.reset();
    for (let i = 0; i < 7; i++) {
      deps.responseCache?.clear();
      const t = performance.now();
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: PAGE_QUERY, variables: { first } }),
      });
      await response.json();
      times.push(performance.now() - t);
    }
    const calls = Object.entries(deps.client.metrics.byOperation()).filter(([op]) => op !== 'GetAendringer');
    console.log(
      `  page of ${first} units + parents + alternative addresses + eligibility from the model, answer made afresh: ` +
        `${calls.length} SOAP read calls, median ${medianOf(times).toFixed(1)} ms over ${times.length} runs`,
    );
  }
  await running.close();
  deps.close();
}

// `npm run bench:detail`: the register in its own process on a fresh database, the gateway in this one,
// the load generator in a third, all over loopback. Prints figures; asserts nothing.

const dir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/registry/main.ts'], {
  env: {
    ...process.env,
    REGISTRY_PORT: '0',
    REGISTRY_HOST: '127.0.0.1',
    REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
    REGISTRY_TLS_DIR: join(dir, 'tls'),
    REGISTRY_LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const registryUrl = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"url":"(https:\/\/[^"]+)"/.exec(buffered);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`register exited with ${code}`)));
  });
  child.stdout.resume();

  // The whole run must stay inside one TTL, or "warm" would not be. Whole answers still expire at
  // their hints' maxAge (60 s), so over the measured runs each is made afresh about once a minute:
  // some 5,000 executions among several hundred thousand requests.
  const ca = readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8');
  await benchLiveModel(registryUrl, ca);

  // The rest measures the TTL cache (a register without the feed, like STIL's).
  const config = loadGatewayConfig({
    REGISTRY_URL: registryUrl,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    CACHE_TTL_MS: String(3600_000),
    GATEWAY_CHANGE_FEED: 'off',
  });
  const deps = await createRegisterDependencies(config, { ca });
  /** A gateway over the shared dependencies, with or without the response cache. */
  const gatewayOver = async (responseCache: typeof deps.responseCache) =>
    startGateway(
      await createGateway({
        reader: deps.reader,
        writer: deps.writer,
        logger: pino({ level: 'warn' }),
        ...gatewaySettings(config),
        responseCache,
      }),
      { host: config.host, port: config.port },
    );
  const gateway = await gatewayOver(deps.responseCache);
  // The same server without whole answers: every request executes its query (over the warm cache).
  const executing = await gatewayOver(null);
  const metrics = deps.client.metrics;

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
    if (body.errors !== undefined) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  const PAGE = `query($first: Int) {
    assignmentUnits(first: $first) {
      totalCount
      edges { node {
        number name status unilogin { eligible reasons }
        daycareInstitution { number name ownership { code text } legalBasis { code text } }
        alternativeAddresses { number name address { street postalCode } unilogin { eligible reasons } }
      } }
    }
  }`;

  /**
   * The SOAP calls and time of one page query: `cold` empties both caches first, `records` only the
   * response cache (records and lists warm, the answer made afresh), `answer` none.
   */
  const pageQuery = async (first: number, start: 'cold' | 'records' | 'answer') => {
    if (start !== 'answer') deps.responseCache?.clear();
    if (start === 'cold') deps.cache.clear();
    metrics.reset();
    const started = performance.now();
    await post(PAGE, { first });
    return { ms: performance.now() - started, calls: metrics.total(), byOperation: metrics.byOperation() };
  };

  console.log(`register ${registryUrl} (child process), gateway ${gateway.url}, Node ${process.version}`);
  await post('{ __typename }');

  const RUNS = 5;
  const runsOf = async (first: number, start: Parameters<typeof pageQuery>[1]) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await pageQuery(first, start));
    return runs;
  };
  const warmLine = (label: string, runs: Awaited<ReturnType<typeof runsOf>>) =>
    `  ${label}: ${Math.max(...runs.map((w) => w.calls))} SOAP calls, ` +
    `median ${medianOf(runs.map((w) => w.ms)).toFixed(1)} ms over ${runs.length} runs`;
  for (const first of [100, 500]) {
    const colds = await runsOf(first, 'cold');
    const records = await runsOf(first, 'records');
    const answers = await runsOf(first, 'answer');
    const cold = colds[0];
    console.log(
      `page of ${first} units + parents + alternative addresses + eligibility:\n` +
        `  cold cache: ${cold?.calls} SOAP calls ${JSON.stringify(cold?.byOperation)}, ` +
        `median ${medianOf(colds.map((c) => c.ms)).toFixed(0)} ms over ${colds.length} runs\n` +
        `${warmLine('warm cache (records and lists; answer made afresh)', records)}\n` +
        warmLine('warm cache (the whole answer from the response cache)', answers),
    );
  }

  // Warm every unit by number (one list read primes them all), then load.
  await post('{ assignmentUnits(first: 0) { totalCount } }');
  const units = deps.cache.get('list:GetAllAnvisningsEnheder');
  if (units?.type !== 'slice') throw new Error('the unit list is not cached');
  const institution = `query($n: InstitutionNumber!) { institution(number: $n) { number name status unilogin { eligible reasons } } }`;
  const load = (url: string, bodies: string[]): HttpLoadOptions => ({
    url,
    headers: { 'content-type': 'application/json' },
    bodies,
    total: REQUESTS,
    concurrency: CONCURRENCY,
  });
  /** One load run, with the gateway's own CPU time per request (this process; load and register are children). */
  const measure = async (options: HttpLoadOptions): Promise<Run> => {
    const cpu = process.cpuUsage();
    const result = await runHttpLoadInChild(options);
    const used = process.cpuUsage(cpu);
    return { load: result, cpuMicros: (used.user + used.system) / result.requests };
  };
  const typenameBodies = [JSON.stringify({ query: '{ __typename }' })];
  const bodiesFor = (query: string) =>
    units.slice.assignmentUnits.map((u) => JSON.stringify({ query, variables: { n: u.number } }));
  const institutionBodies = bodiesFor(institution);
  const smallBodies = bodiesFor(`query($n: InstitutionNumber!) { institution(number: $n) { number name } }`);
  const loads = {
    baseline: load(gateway.url, typenameBodies),
    institution: load(gateway.url, institutionBodies),
    small: load(gateway.url, smallBodies),
    executingBaseline: load(executing.url, typenameBodies),
    executingInstitution: load(executing.url, institutionBodies),
  };
  type LoadName = keyof typeof loads;
  // A warm-up of each (which also fills the response cache: every number is asked more than once),
  // then the measured runs, alternating so that none gets the quieter machine.
  for (const options of Object.values(loads)) await runHttpLoadInChild({ ...options, total: 5000 });
  const runs = Object.fromEntries(Object.keys(loads).map((name) => [name, [] as Run[]])) as Record<
    LoadName,
    Run[]
  >;
  metrics.reset();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, options] of Object.entries(loads) as [LoadName, HttpLoadOptions][])
      runs[name].push(await measure(options));
  }
  const best = (name: LoadName) => bestRun(runs[name]).load.perSecond;
  const medianThroughput = (name: LoadName) => medianOf(runs[name].map((run) => run.load.perSecond));
  const ratio = (part: LoadName, whole: LoadName) =>
    `${percent(best(part), best(whole))} (best runs), ${percent(medianThroughput(part), medianThroughput(whole))} (medians)`;
  console.log(
    `warm cache, ${CONCURRENCY} connections, best of ${ROUNDS} alternating runs of ${REQUESTS} requests ` +
      `(${institutionBodies.length} different numbers, so each answer is asked for again and again):`,
  );
  report('{ __typename }', runs.baseline);
  report('institution(number) { … unilogin }', runs.institution);
  report('institution(number) { number name }', runs.small);
  console.log(
    `  ratio institution / __typename: ${ratio('institution', 'baseline')}; ` +
      `{ number name }: ${percent(best('small'), best('baseline'))} (best runs)`,
  );
  console.log('the same without the response cache (every query executed over the warm records):');
  report('{ __typename }', runs.executingBaseline);
  report('institution(number) { … unilogin }', runs.executingInstitution);
  console.log(
    `  ratio institution / __typename: ${ratio('executingInstitution', 'executingBaseline')}; ` +
      `SOAP calls during all runs: ${metrics.total()}`,
  );

  await executing.close();
  await gateway.close();
  deps.client.close();
} finally {
  // Also on failure: a register left running would hold this process's output open.
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
