import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { loadNow, loadRange, median, printFigures, type Figure } from './figures-table.ts';
import { gatewayRuntime, spawnGatewayProcess } from './gateway-process.ts';
import { postGraphql, timed, waitForReadyz } from './graphql-post.ts';
import { runHttpLoadInChild, type HttpLoadOptions } from './http-load.ts';
import type { LoadResult } from './load.ts';
import { readRegisterNumbers } from './register-numbers.ts';
import { startSoapRewriteProxy } from './soap-rewrite-proxy.ts';
import { spawnTimedServer } from './spawn-server.ts';

// `npm run bench:mesh`: the gateway against GraphQL Mesh's SOAP engine (@omnigraph/soap, served
// with graphql-yoga: bench/mesh/server.mjs) on the same register, both behind the same rewriting
// proxy (bench/soap-rewrite-proxy.ts), each in its own process, measured in alternating rounds
// over loopback with the load average beside each figure. Mesh has its own package in
// bench/mesh/ (its peers conflict with the project's @graphql-tools/utils 12), installed here
// from its lockfile when missing. Prints figures; asserts nothing.

const START_ROUNDS = 3;
const LOAD_ROUNDS = 3;
/** Each measured run is sized from a short probe to take about this long. */
const RUN_SECONDS = 3;
const CONCURRENCY = 8;
const N_PLUS_ONE = 20;
const MUNICIPALITY = 101;

const root = fileURLToPath(new URL('..', import.meta.url));
const meshDir = join(root, 'bench/mesh');
const benchStarted = performance.now();

if (!existsSync(join(meshDir, 'node_modules/@omnigraph/soap'))) {
  console.log('installing GraphQL Mesh into bench/mesh/node_modules (npm ci, its own lockfile) …');
  const installed = spawnSync('npm', ['--prefix', meshDir, 'ci', '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
  if (installed.status !== 0) throw new Error(`npm ci in bench/mesh failed (${installed.status})`);
}

/** Mesh's root fields are named `<prefix>_<service>_<port>_<operation>`; the SOAP 1.2 port's. */
const meshField = (operation: string) => `ExportService_ExportService_ExportServiceSoap12_${operation}`;

/** The three shapes, as each contestant asks them. */
const shapes = {
  lookup: {
    label: 'single look-up by number',
    gateway: (n: string) => ({
      query: 'query($n: InstitutionNumber!) { institution(number: $n) { number name } }',
      variables: { n },
    }),
    mesh: (n: string) => ({
      query: `query($n: String) { ${meshField('GetDaginstitutionByNummer')}(GetDaginstitutionByNummer: { DagInstitutionsNummer: $n }) {
        GetDaginstitutionByNummerResult { daginstitution { daginstitutionsNummer daginstitutionsNavn } } } }`,
      variables: { n },
    }),
    // The issue's target: 5×.
    target: 5,
  },
  list: {
    label: `municipality list (${MUNICIPALITY}: daginstitutioner, number and name)`,
    gateway: () => ({
      query: `query($m: MunicipalityCode) { daycareInstitutions(first: 500, filter: { municipalityCode: $m }) {
        edges { node { number name } } } }`,
      variables: { m: String(MUNICIPALITY) },
    }),
    mesh: () => ({
      query: `query($m: Int) { ${meshField('GetDagtilbudByAdmKommuneNummer')}(GetDagtilbudByAdmKommuneNummer: { AdmkommuneNummer: $m }) {
        GetDagtilbudByAdmKommuneNummerResult { daginstitutioner { daginstitution { daginstitutionsNummer daginstitutionsNavn } } } } }`,
      variables: { m: MUNICIPALITY },
    }),
    // "At least as far ahead as today": 160× in the issue's run.
    target: 160,
  },
  nPlusOne: {
    label: `N+1: the units of ${N_PLUS_ONE} daginstitutioner in one request`,
    gateway: (numbers: readonly string[]) => ({
      query: `query($numbers: [InstitutionNumber!]!) { institutions(numbers: $numbers) { number
        ... on DaycareInstitution { units(first: 100) { edges { node { number name } } } } } }`,
      variables: { numbers },
    }),
    // Mesh has no batch: one aliased root field (one SOAP call) per institution.
    mesh: (numbers: readonly string[]) => ({
      query: `{ ${numbers
        .map(
          (n, i) =>
            `u${i}: ${meshField('GetAnvisningsEnhederByDaginstitutionsnummer')}(GetAnvisningsEnhederByDaginstitutionsnummer: { DagInstitutionsNummer: "${n}" }) {
          GetAnvisningsEnhederByDaginstitutionsnummerResult { anvisningsenhed { EnhedsNummer EnhedsNavn } } }`,
        )
        .join('\n')} }`,
    }),
    // 36× in the issue's run.
    target: 36,
  },
};
type ShapeName = keyof typeof shapes;

const dir = mkdtempSync(join(tmpdir(), 'mesh-race-'));
/** Everything this run started, stopped at the end also on failure. */
const running: { stop(): Promise<void> }[] = [];
const stop = async (server: { stop(): Promise<void> }) => {
  await server.stop();
  running.splice(running.indexOf(server), 1);
};
try {
  const registry = await spawnRegistry(dir);
  running.push(registry);
  const caPath = join(dir, 'tls', 'cert.pem');
  const proxy = await startSoapRewriteProxy({
    registryUrl: registry.url,
    ca: registry.ca,
    cert: registry.ca,
    key: readFileSync(join(dir, 'tls', 'key.pem'), 'utf8'),
  });
  running.push({ stop: () => proxy.close() });
  const numbers = await readRegisterNumbers(registry.url, registry.ca);
  const parents = numbers.parents.slice(0, 400);

  const startGateway = async () => {
    const server = await spawnGatewayProcess({ url: proxy.url, caPath });
    running.push(server);
    return server;
  };
  const startMesh = async () => {
    const server = await spawnTimedServer({
      label: 'Mesh',
      command: [process.execPath, join(meshDir, 'server.mjs')],
      env: {
        MESH_WSDL_URL: proxy.meshWsdlUrl,
        MESH_USERNAME: 'reader',
        MESH_PASSWORD: 'reader',
        NODE_EXTRA_CA_CERTS: caPath,
        NODE_ENV: 'production',
      },
      urlPattern: /"url":"(http:\/\/[^"]+)"/,
    });
    running.push(server);
    return server;
  };
  console.log(
    `gateway: ${gatewayRuntime.label}; Mesh: @omnigraph/soap + graphql-yoga; both through the proxy ${proxy.url} ` +
      `in front of the register ${registry.url}; Node ${process.version}`,
  );

  // 1. Start to first answer, and the first real answer (a look-up by number) right after it:
  // fresh processes in turn, gateway then Mesh. The gateway's look-up waits for /readyz.
  const starts = {
    gateway: [] as number[],
    mesh: [] as number[],
    gatewayFirst: [] as number[],
    meshFirst: [] as number[],
  };
  const startLoads: number[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    const n = parents[round] ?? '';
    const gateway = await startGateway();
    starts.gateway.push(gateway.startToFirstAnswerMs);
    await waitForReadyz(gateway.url);
    const gatewayAsk = shapes.lookup.gateway(n);
    starts.gatewayFirst.push(
      await timed(() => postGraphql(gateway.url, gatewayAsk.query, gatewayAsk.variables)),
    );
    await stop(gateway);
    const mesh = await startMesh();
    starts.mesh.push(mesh.startToFirstAnswerMs);
    const meshAsk = shapes.lookup.mesh(n);
    starts.meshFirst.push(await timed(() => postGraphql(mesh.url, meshAsk.query, meshAsk.variables)));
    await stop(mesh);
    startLoads.push(loadNow());
  }

  // 2. The three shapes, both running at once, loaded in turn.
  const gateway = await startGateway();
  const mesh = await startMesh();
  await waitForReadyz(gateway.url);
  const groups = Array.from({ length: Math.floor(parents.length / N_PLUS_ONE) }, (_, i) =>
    parents.slice(i * N_PLUS_ONE, (i + 1) * N_PLUS_ONE),
  );
  const bodies: Record<ShapeName, Record<'gateway' | 'mesh', string[]>> = {
    lookup: {
      gateway: parents.map((n) => JSON.stringify(shapes.lookup.gateway(n))),
      mesh: parents.map((n) => JSON.stringify(shapes.lookup.mesh(n))),
    },
    list: { gateway: [JSON.stringify(shapes.list.gateway())], mesh: [JSON.stringify(shapes.list.mesh())] },
    nPlusOne: {
      gateway: groups.map((g) => JSON.stringify(shapes.nPlusOne.gateway(g))),
      mesh: groups.map((g) => JSON.stringify(shapes.nPlusOne.mesh(g))),
    },
  };
  const contestants = { gateway, mesh };
  type Contestant = keyof typeof contestants;

  // Both must give the same answer before their speed means anything: the names of one look-up,
  // and the unit numbers of one N+1 group (Mesh lists closed units too, so the gateway's are a subset).
  const ask = (who: Contestant, body: string | undefined) => {
    const { query, variables } = JSON.parse(body ?? '{}') as {
      query: string;
      variables?: Record<string, unknown>;
    };
    return postGraphql(contestants[who].url, query, variables).then((data) => JSON.stringify(data));
  };
  const [gatewayLookup, meshLookup] = await Promise.all([
    ask('gateway', bodies.lookup.gateway[0]),
    ask('mesh', bodies.lookup.mesh[0]),
  ]);
  const nameOf = (json: string, field: string) => new RegExp(`"${field}":"([^"]*)"`).exec(json)?.[1];
  if (
    nameOf(gatewayLookup, 'name') === undefined ||
    nameOf(gatewayLookup, 'name') !== nameOf(meshLookup, 'daginstitutionsNavn')
  )
    throw new Error(`the contestants disagree on one look-up:\n${gatewayLookup}\n${meshLookup}`);
  const [gatewayUnits, meshUnits] = await Promise.all([
    ask('gateway', bodies.nPlusOne.gateway[0]),
    ask('mesh', bodies.nPlusOne.mesh[0]),
  ]);
  const unitNumbers = (json: string, field: string) =>
    [...json.matchAll(new RegExp(`"${field}":"([^"]*)"`, 'g'))].map((m) => m[1]);
  const meshSet = new Set(unitNumbers(meshUnits, 'EnhedsNummer'));
  const gatewaySet = unitNumbers(gatewayUnits, 'number').filter(
    (n) => n !== undefined && !groups[0]?.includes(n),
  );
  if (gatewaySet.length === 0 || gatewaySet.some((n) => !meshSet.has(n)))
    throw new Error(`the contestants disagree on the units of ${groups[0]?.join(', ')}`);

  interface Run {
    result: LoadResult;
    load: number;
  }
  type RunKey = `${ShapeName}.${Contestant}`;
  const runs = new Map<RunKey, Run[]>();
  const runsOf = (key: RunKey) => runs.get(key) ?? [];
  const optionsFor = (who: Contestant, shape: ShapeName, total: number): HttpLoadOptions => ({
    url: contestants[who].url,
    headers: { 'content-type': 'application/json' },
    bodies: bodies[shape][who],
    total,
    concurrency: CONCURRENCY,
  });
  // A probe of each sizes its runs (and warms both: the gateway's caches, Mesh's connections).
  const sizes = new Map<RunKey, number>();
  for (const shape of Object.keys(shapes) as ShapeName[]) {
    for (const who of Object.keys(contestants) as Contestant[]) {
      const probe = await runHttpLoadInChild(
        optionsFor(who, shape, Math.max(CONCURRENCY * 4, bodies[shape][who].length)),
      );
      const size = Math.min(30_000, Math.max(CONCURRENCY * 2, Math.round(probe.perSecond * RUN_SECONDS)));
      sizes.set(`${shape}.${who}`, size);
      runs.set(`${shape}.${who}`, []);
    }
  }
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    for (const shape of Object.keys(shapes) as ShapeName[]) {
      for (const who of Object.keys(contestants) as Contestant[]) {
        const result = await runHttpLoadInChild(
          optionsFor(who, shape, sizes.get(`${shape}.${who}`) ?? CONCURRENCY),
        );
        runsOf(`${shape}.${who}`).push({ result, load: loadNow() });
      }
    }
  }
  await Promise.all([gateway, mesh].map(stop));

  const best = (key: RunKey) => Math.max(...runsOf(key).map((r) => r.result.perSecond));
  const p50 = (key: RunKey) => median(runsOf(key).map((r) => r.result.p50Ms));
  const errors = [...runs.values()].flat().reduce((sum, r) => sum + r.result.errors, 0);
  const shapeFigure = (shape: ShapeName): Figure => {
    const ratio = best(`${shape}.gateway`) / best(`${shape}.mesh`);
    return {
      figure: `${shapes[shape].label}: gateway ÷ Mesh req/s`,
      measured:
        `${ratio.toFixed(1)}× (${best(`${shape}.gateway`).toFixed(0)} ÷ ${best(`${shape}.mesh`).toFixed(1)} req/s; ` +
        `p50 ${p50(`${shape}.gateway`).toFixed(1)} vs ${p50(`${shape}.mesh`).toFixed(1)} ms)`,
      target: `≥ ${shapes[shape].target}×`,
      met: ratio >= shapes[shape].target,
      load: loadRange([...runsOf(`${shape}.gateway`), ...runsOf(`${shape}.mesh`)].map((r) => r.load)),
    };
  };
  const startRatio = median(starts.gateway) / median(starts.mesh);
  const firstRatio = median(starts.gatewayFirst) / median(starts.meshFirst);
  printFigures(
    `the Mesh race — gateway ${gatewayRuntime.label}; start: median of ${START_ROUNDS} fresh processes each; ` +
      `req/s: best of ${LOAD_ROUNDS} alternating runs of about ${RUN_SECONDS} s, ${CONCURRENCY} connections`,
    [
      {
        figure: 'start to first {__typename}: gateway ÷ Mesh',
        measured: `${startRatio.toFixed(2)}× (${median(starts.gateway).toFixed(0)} vs ${median(starts.mesh).toFixed(0)} ms)`,
        target: '≤ 1×',
        met: startRatio <= 1,
        load: loadRange(startLoads),
      },
      {
        figure: 'first look-up after start: gateway ÷ Mesh',
        measured: `${firstRatio.toFixed(2)}× (${median(starts.gatewayFirst).toFixed(1)} vs ${median(starts.meshFirst).toFixed(1)} ms)`,
        target: '—',
        met: null,
        load: loadRange(startLoads),
      },
      shapeFigure('lookup'),
      shapeFigure('list'),
      shapeFigure('nPlusOne'),
    ],
  );
  console.log(
    'Both answered the first look-up and the first N+1 group alike before the runs. The gateway serves warm ' +
      'answers from its read model and response cache; Mesh calls the register (through the proxy) for every one.',
  );
  console.log(
    `load errors (non-200 answers) in all measured runs: ${errors}; ` +
      `whole race ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`,
  );
} finally {
  // Also on failure: nothing this run started may outlive it (the proxy and register last).
  for (const server of [...running].reverse()) await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
