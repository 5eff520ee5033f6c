import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';

/*
 * The compiled servers, as `npm run registry` and `npm run gateway` start them: plain node on
 * dist/ (the tests' global setup builds it when stale). What they read besides code (WSDL and XSD,
 * the seed data, schema.graphql, the playground's files, the web app) must be found from dist/ as
 * from src/, and each must be warm before it says it is ready.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
const children: ChildProcess[] = [];
let registry: { url: string; ca: string; log: string };
let gatewayUrl: string;
let readyReports: string[];

/** Starts `node dist/<entry>` and resolves with its output once a line matches `listening`. */
function startCompiled(entry: string, env: Record<string, string>, listening: RegExp) {
  const child = spawn(process.execPath, [join(root, 'dist', entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise<{ match: RegExpExecArray; output: () => string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match !== null) resolve({ match, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`dist/${entry} exited (${String(code)}):\n${output}`)));
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compiled-start-'));
  const started = await startCompiled(
    'registry/main.js',
    {
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_PORT: '0',
      REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
      REGISTRY_TLS_DIR: join(dir, 'tls'),
      REGISTRY_LOG_LEVEL: 'info',
    },
    /register listening: (https:\/\/\S+)\/ExportService/,
  );
  registry = {
    url: started.match[1] ?? '',
    ca: readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8'),
    log: started.output(),
  };

  const gateway = await startCompiled(
    'gateway/main.js',
    {
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      REGISTRY_URL: registry.url,
      REGISTRY_CA: join(dir, 'tls', 'cert.pem'),
      LOG_LEVEL: 'info',
    },
    /gateway listening: (http:\/\/[^\s"]+)/,
  );
  gatewayUrl = gateway.match[1] ?? '';
  // Every /readyz answer until the first 200, as a load balancer would see them.
  readyReports = [];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(new URL('/readyz', gatewayUrl));
    readyReports.push(`${response.status} ${await response.text()}`);
    if (response.status === 200 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map(stopped));
  rmSync(dir, { recursive: true, force: true });
});

describe('the compiled register (dist/registry/main.js)', () => {
  it('loaded the seed data and warmed up before saying it listens', () => {
    expect(registry.log).toMatch(/"msg":"fresh database: loaded the real register data"/);
    expect(registry.log).toMatch(/"warmUpMs":\d+/);
    expect(registry.log).not.toMatch(/warm-up reads did not answer 200/);
  });

  it('serves its WSDL and XSD from dist/', async () => {
    const wsdl = await httpsRequest(`${registry.url}/ExportService?wsdl`, {
      ca: registry.ca,
      headers: { authorization: `Basic ${Buffer.from('reader:reader').toString('base64')}` },
    });
    expect(wsdl.status).toBe(200);
    expect(wsdl.body).toContain('<wsdl:operation name="GetAnvisningsEnhederByNummer">');
    const xsd = await httpsRequest(`${registry.url}/ImportService.xsd`, {
      ca: registry.ca,
      headers: { authorization: `Basic ${Buffer.from('reader:reader').toString('base64')}` },
    });
    expect(xsd.status).toBe(200);
    expect(xsd.body).toContain('<xs:schema');
  });

  it('answers a read with the real data', async () => {
    const answer = await httpsRequest(`${registry.url}/ExportService`, {
      ca: registry.ca,
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('reader:reader').toString('base64')}`,
        'content-type': 'text/xml; charset=utf-8',
        soapaction: '"urn:dagtilbudsregister:export:v1/GetAnvisningsEnhederByNummer"',
      },
      body: soapEnvelope('GetAnvisningsEnhederByNummer', '<enhedsNummer>G10432</enhedsNummer>'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Halvdagsbørnehaven Thyborøn Allé');
  });
});

describe('the compiled gateway (dist/gateway/main.js)', () => {
  it('says ready only once the example queries have run, and says so', () => {
    const last = readyReports.at(-1) ?? '';
    expect(last).toMatch(/^200 /);
    expect(JSON.parse(last.slice(4))).toMatchObject({ ready: true, checks: { warmUp: 'done' } });
    // Any earlier answer was a 503 that named the warm-up's state or the model still loading.
    for (const report of readyReports.slice(0, -1)) expect(report).toMatch(/^503 /);
  });

  it('counts the warm-up’s executions of the examples in /metrics (they ran through the pipeline)', async () => {
    const metrics = await (await fetch(new URL('/metrics', gatewayUrl))).text();
    for (const operation of ['MunicipalityUnits', 'UnitsNearPoint', 'UniloginEligibility']) {
      expect(metrics).toMatch(
        new RegExp(`^gateway_graphql_operations_total\\{operation="${operation}",outcome="ok"\\} 1$`, 'm'),
      );
    }
  });

  it('answers from schema.graphql, read from the project root', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ institution(number: "G10432") { name } }' }),
    });
    expect(await response.json()).toEqual({
      data: { institution: { name: 'Halvdagsbørnehaven Thyborøn Allé' } },
    });
  });

  it('serves the playground with its own static files from dist/, and the web app', async () => {
    const page = await (await fetch(new URL('/playground', gatewayUrl))).text();
    const css = /\/playground\/assets\/playground\.[0-9a-f]{12}\.css/.exec(page)?.[0];
    expect(css).toBeDefined();
    const served = await fetch(new URL(css ?? '', gatewayUrl));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(
      readFileSync(join(root, 'src/gateway/playground/static/playground.css'), 'utf8'),
    );
    const app = await fetch(new URL('/', gatewayUrl));
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
  });
});
