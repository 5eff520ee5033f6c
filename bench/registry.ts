import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/registry/store/sqlite-store.ts';
import { httpsRequest, soapEnvelope } from '../test/helpers/https-request.ts';
import { basicAuth } from '../test/helpers/start-test-registry.ts';
import { runLoad, type LoadResult } from './load.ts';

// `npm run bench:registry`: the register in its own process on a fresh database file, measured
// from this process over loopback HTTPS. Prints figures; asserts nothing.

const dir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
const databasePath = join(dir, 'registry.sqlite');
const headers = { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' };

const spawnedAt = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/registry/main.ts'], {
  env: {
    ...process.env,
    REGISTRY_PORT: '0',
    REGISTRY_HOST: '127.0.0.1',
    REGISTRY_DB_PATH: databasePath,
    REGISTRY_TLS_DIR: join(dir, 'tls'),
    REGISTRY_LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const match = /"url":"(https:\/\/[^"]+)"/.exec(buffered);
    if (match?.[1] !== undefined) resolve(match[1]);
  });
  child.once('exit', (code) => reject(new Error(`register exited with ${code}`)));
});
const ca = readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8');
const hello = await httpsRequest(`${url}/ExportService`, {
  method: 'POST',
  ca,
  headers,
  body: soapEnvelope('HelloWorld'),
});
const startupMs = performance.now() - spawnedAt;
if (hello.status !== 200) throw new Error(`HelloWorld answered ${hello.status}`);

const store = openSqliteStore({ path: databasePath });
const units = store.anvisningsenheder();
const numbers = units.map((u) => u.anvisningsenhedsNummer);
const timeStore = (label: string, lookUp: (i: number) => unknown) => {
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) lookUp(i);
  console.log(
    `store  ${label.padEnd(34)} ${(((performance.now() - started) / rounds) * 1000).toFixed(1)} µs`,
  );
};
const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length] as T;
const withCvr = units.filter((u) => u.cvrNummer !== null);
timeStore('look-up by number', (i) => store.anvisningsenheder({ numre: [pick(numbers, i)] }));
timeStore('look-up by CVR', (i) => store.anvisningsenheder({ cvrNummer: pick(withCvr, i).cvrNummer ?? '' }));
timeStore('look-up by P-number', (i) => store.anvisningsenheder({ pNummer: pick(withCvr, i).pNummer ?? '' }));
store.close();

const report = (label: string, r: LoadResult) =>
  console.log(
    `http   ${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50Ms.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms  (${r.requests} requests, ${r.errors} errors)`,
  );
const exportUrl = `${url}/ExportService`;
// Warm-up, then the measured runs.
await runLoad({
  url: exportUrl,
  ca,
  headers,
  body: () => soapEnvelope('HelloWorld'),
  total: 500,
  concurrency: 8,
});
report(
  'GetAnvisningsEnhederByNummer',
  await runLoad({
    url: exportUrl,
    ca,
    headers,
    body: (i) =>
      soapEnvelope('GetAnvisningsEnhederByNummer', `<enhedsNummer>${pick(numbers, i)}</enhedsNummer>`),
    total: 5000,
    concurrency: 16,
  }),
);
report(
  'GetAllAnvisningsEnheder',
  await runLoad({
    url: exportUrl,
    ca,
    headers,
    body: () => soapEnvelope('GetAllAnvisningsEnheder'),
    total: 40,
    concurrency: 2,
  }),
);
console.log(
  `start  fresh database to first answer       ${startupMs.toFixed(0)} ms (process spawn included)`,
);

child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });
