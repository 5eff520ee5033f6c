import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { soapEnvelope } from '../test/helpers/https-request.ts';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { basicAuth } from '../test/helpers/start-test-registry.ts';
import { loadNow, loadRange, median, printFigures, type Figure } from './figures-table.ts';
import { gatewayRuntime, spawnGatewayProcess } from './gateway-process.ts';
import { postGraphql, timed, waitForReadyz } from './graphql-post.ts';
import { runHttpLoadInChild, type HttpLoadOptions } from './http-load.ts';
import { runLoad, type LoadResult } from './load.ts';
import { processCpuMs } from './process-cpu.ts';
import { readRegisterNumbers } from './register-numbers.ts';
import { spawnTimedServer, type TimedServer } from './spawn-server.ts';

// `npm run bench`: issue 15's figures, each against a bare Apollo Server 5 started in the same run
// (bench/bare-apollo.mjs), measured side by side in alternating rounds over loopback, with the
// load average beside each. Every server runs in its own process: the register (tsx; its start is
// not measured here), the gateway as `npm run gateway` runs it, the bare Apollo Server, and the
// load generator. Prints figures; asserts nothing. The details of the read model and the page
// queries: `npm run bench:detail`.

const START_ROUNDS = 5;
const WARM_LOOKUPS = 15;
const LOAD_ROUNDS = 5;
const LOAD_REQUESTS = 10_000;
const LOAD_CONCURRENCY = 32;
const LIST_SECONDS = 5;

const root = fileURLToPath(new URL('..', import.meta.url));
const benchStarted = performance.now();

const INSTITUTION = `query($n: InstitutionNumber!) { institution(number: $n) { number name status unilogin { eligible reasons } } }`;
const dir = mkdtempSync(join(tmpdir(), 'gateway-bench-'));
/** Everything this run started, stopped at the end also on failure. */
const running: { stop(): Promise<void> }[] = [];
try {
  const registry = await spawnRegistry(dir);
  running.push(registry);
  const caPath = join(dir, 'tls', 'cert.pem');
  const numbers = await readRegisterNumbers(registry.url, registry.ca);
  const lookups = numbers.units.slice(0, 500);

  const startGateway = async (env: Record<string, string> = {}) => {
    const server = await spawnGatewayProcess({ url: registry.url, caPath, env });
    running.push(server);
    return server;
  };
  const startBareApollo = async () => {
    const server = await spawnTimedServer({
      label: 'bare Apollo Server',
      command: [process.execPath, join(root, 'bench/bare-apollo.mjs')],
      env: { NODE_ENV: 'production' },
      urlPattern: /"url":"(http:\/\/[^"]+)"/,
    });
    running.push(server);
    return server;
  };
  const stop = async (server: { stop(): Promise<void> }) => {
    await server.stop();
    running.splice(running.indexOf(server), 1);
  };

  console.log(
    `gateway: ${gatewayRuntime.label}; register ${registry.url} (${numbers.units.length} anvisningsenheder); ` +
      `Node ${process.version}`,
  );

  // 1. Start to first answer, and the first real answer after ready against a warm one; the two
  // servers started in turn, each round a fresh process.
  const starts = {
    gateway: [] as number[],
    bare: [] as number[],
    first: [] as number[],
    warm: [] as number[],
  };
  const startLoads: number[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    const gateway = await startGateway();
    starts.gateway.push(gateway.startToFirstAnswerMs);
    await waitForReadyz(gateway.url);
    // A number asked for the first time in each process, so that no answer is cached yet; the warm
    // ones are other numbers, each also asked once: executed, in a process that has run the query.
    const [first, ...warm] = lookups.slice(round * (WARM_LOOKUPS + 1), (round + 1) * (WARM_LOOKUPS + 1));
    starts.first.push(await timed(() => postGraphql(gateway.url, INSTITUTION, { n: first })));
    const warmTimes: number[] = [];
    for (const n of warm) warmTimes.push(await timed(() => postGraphql(gateway.url, INSTITUTION, { n })));
    starts.warm.push(median(warmTimes));
    await stop(gateway);
    const bare = await startBareApollo();
    starts.bare.push(bare.startToFirstAnswerMs);
    await stop(bare);
    startLoads.push(loadNow());
  }

  // 2. Throughput: the bare Apollo Server, the gateway, and the gateway without its response cache,
  // all running at once, loaded in turn (A, B, C, D, A, B, …) so that none gets the quieter machine.
  const bare = await startBareApollo();
  const gateway = await startGateway();
  const executing = await startGateway({ RESPONSE_CACHE_MAX_BYTES: '0' });
  await Promise.all([waitForReadyz(gateway.url), waitForReadyz(executing.url)]);
  const load = (server: TimedServer, bodies: string[]): HttpLoadOptions => ({
    url: server.url,
    headers: { 'content-type': 'application/json' },
    bodies,
    total: LOAD_REQUESTS,
    concurrency: LOAD_CONCURRENCY,
  });
  const typename = [JSON.stringify({ query: '{ __typename }' })];
  const institutionBodies = lookups.map((n) => JSON.stringify({ query: INSTITUTION, variables: { n } }));
  const loads = {
    bareTypename: { server: bare, options: load(bare, typename) },
    gatewayTypename: { server: gateway, options: load(gateway, typename) },
    cachedInstitution: { server: gateway, options: load(gateway, institutionBodies) },
    executedInstitution: { server: executing, options: load(executing, institutionBodies) },
  };
  type LoadName = keyof typeof loads;
  interface Run {
    result: LoadResult;
    /** The measured server's CPU per request, in µs (null without /proc). */
    cpuMicros: number | null;
    load: number;
  }
  const runs = Object.fromEntries(Object.keys(loads).map((name) => [name, [] as Run[]])) as Record<
    LoadName,
    Run[]
  >;
  // A warm-up of each, which also fills the response cache (every number is asked again and again).
  for (const { options } of Object.values(loads)) await runHttpLoadInChild({ ...options, total: 3000 });
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const [name, { server, options }] of Object.entries(loads) as [
      LoadName,
      (typeof loads)[LoadName],
    ][]) {
      const cpuBefore = processCpuMs(server.pid);
      const result = await runHttpLoadInChild(options);
      const cpuAfter = processCpuMs(server.pid);
      const cpuMicros =
        cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / result.requests;
      runs[name].push({ result, cpuMicros, load: loadNow() });
    }
  }
  await Promise.all([bare, gateway, executing].map(stop));

  // 3. The register's biggest list with two clients: a count sized to take about LIST_SECONDS.
  const listLoad = (total: number) =>
    runLoad({
      url: `${registry.url}/ExportService`,
      ca: registry.ca,
      headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
      body: () => soapEnvelope('GetAllAnvisningsEnheder'),
      total,
      concurrency: 2,
    });
  const probe = await listLoad(6);
  const list = await listLoad(Math.min(2000, Math.max(20, Math.round(probe.perSecond * LIST_SECONDS))));
  const listLoadAverage = loadNow();
  await stop(registry);

  // The summary. Throughput: the best of the rounds (noise on a shared machine only ever slows a
  // run down), medians beside it; start times: the median of the rounds.
  const best = (name: LoadName) => Math.max(...runs[name].map((r) => r.result.perSecond));
  const medianRate = (name: LoadName) => median(runs[name].map((r) => r.result.perSecond));
  const cpu = (name: LoadName) =>
    median(runs[name].flatMap((r) => (r.cpuMicros === null ? [] : [r.cpuMicros])));
  const errors = Object.values(runs)
    .flat()
    .reduce((sum, r) => sum + r.result.errors, 0);
  const loadsOf = (...names: LoadName[]) => loadRange(names.flatMap((name) => runs[name].map((r) => r.load)));
  const ratioFigure = (label: string, part: LoadName, whole: LoadName, target: number): Figure => {
    const ratio = best(part) / best(whole);
    return {
      figure: label,
      measured:
        `${ratio.toFixed(2)}× (${best(part).toFixed(0)} ÷ ${best(whole).toFixed(0)} req/s; ` +
        `medians ${(medianRate(part) / medianRate(whole)).toFixed(2)}×; ` +
        `CPU/request ${cpu(part).toFixed(0)} vs ${cpu(whole).toFixed(0)} µs)`,
      target: `≥ ${target}×`,
      met: ratio >= target,
      load: loadsOf(part, whole),
    };
  };
  const gatewayStart = median(starts.gateway);
  const bareStart = median(starts.bare);
  const firstRatio = median(starts.first) / median(starts.warm);
  printFigures(
    `issue 15 figures — gateway ${gatewayRuntime.label}; start: median of ${START_ROUNDS} fresh processes each; ` +
      `req/s: best of ${LOAD_ROUNDS} alternating runs of ${LOAD_REQUESTS} requests, ${LOAD_CONCURRENCY} connections`,
    [
      {
        figure: 'start to first {__typename}: gateway ÷ bare Apollo',
        measured: `${(gatewayStart / bareStart).toFixed(2)}× (${gatewayStart.toFixed(0)} vs ${bareStart.toFixed(0)} ms)`,
        target: '— (≤ Mesh: npm run bench:mesh)',
        met: null,
        load: loadRange(startLoads),
      },
      {
        figure: 'first institution(number) after ready ÷ a warm one',
        measured: `${firstRatio.toFixed(2)}× (${median(starts.first).toFixed(1)} vs ${median(starts.warm).toFixed(1)} ms)`,
        target: '≤ 2×',
        met: firstRatio <= 2,
        load: loadRange(startLoads),
      },
      ratioFigure('{__typename}: gateway ÷ bare Apollo', 'gatewayTypename', 'bareTypename', 0.95),
      ratioFigure('cached institution(number) ÷ bare {__typename}', 'cachedInstitution', 'bareTypename', 2),
      ratioFigure(
        'executed institution(number) ÷ bare {__typename}',
        'executedInstitution',
        'bareTypename',
        0.9,
      ),
      {
        figure: 'register GetAllAnvisningsEnheder, 2 clients: req/s',
        measured: `${list.perSecond.toFixed(1)} req/s (${list.requests} requests, ${list.errors} errors)`,
        target: '≥ 100 req/s',
        met: list.perSecond >= 100 && list.errors === 0,
        load: listLoadAverage.toFixed(1),
      },
      {
        figure: 'register GetAllAnvisningsEnheder, 2 clients: p50',
        measured: `${list.p50Ms.toFixed(1)} ms (p99 ${list.p99Ms.toFixed(1)} ms)`,
        target: '< 20 ms',
        met: list.p50Ms < 20,
        load: listLoadAverage.toFixed(1),
      },
    ],
  );
  console.log(
    `first ÷ warm: the first institution(number) after /readyz in a fresh process, against the median of the ` +
      `${WARM_LOOKUPS} look-ups of other numbers after it (each asked once: executed, not from the response cache).\n` +
      `CPU/request: the measured server process's own user + system time (/proc), median of the runs; steadier ` +
      `than req/s on a busy machine. "executed": a second gateway with RESPONSE_CACHE_MAX_BYTES=0.`,
  );
  console.log(
    `load errors (non-200 answers) in all measured runs: ${errors}; ` +
      `whole benchmark ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`,
  );
} finally {
  // Also on failure: nothing this run started may outlive it.
  await Promise.all(running.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
}
