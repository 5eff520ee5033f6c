/*
 * Autocomplete latency: `search(text, first: 10)` for 1–3 typed characters against the live read
 * model, warm (the lists loaded), over HTTP on loopback, one request at a time. Run with
 * `npx tsx bench/autocomplete.ts`; about 20 s. Target (issue 14): p99 within 20 ms.
 */
import { pino } from 'pino';
import { createGateway, gatewaySettings } from '../src/gateway/app.ts';
import { loadGatewayConfig } from '../src/gateway/config.ts';
import { createRegisterDependencies } from '../src/gateway/dependencies.ts';
import { startGateway } from '../src/gateway/server.ts';
import { startTestRegistry } from '../test/helpers/start-test-registry.ts';

const PREFIXES = [
  'b',
  'bo',
  'bør',
  's',
  'so',
  'sol',
  'g1',
  'g10',
  'v',
  'va',
  'æ',
  'æb',
  'h',
  'ha',
  'hav',
  '8',
  '82',
  '825',
];
const ROUNDS = 40;
// Response cache off: every request runs the search.
const registry = await startTestRegistry();
const config = loadGatewayConfig({
  GATEWAY_HOST: '127.0.0.1',
  GATEWAY_PORT: '0',
  REGISTRY_URL: registry.url,
  RESPONSE_CACHE_MAX_BYTES: '0',
});
const deps = await createRegisterDependencies(config, { ca: registry.ca });
const gateway = await createGateway({
  reader: deps.reader,
  writer: deps.writer,
  logger: pino({ level: 'silent' }),
  ...gatewaySettings(config),
  responseCache: null,
  changes: deps.changes,
});
const running = await startGateway(gateway, { host: config.host, port: config.port });
const query =
  'query($t: String!) { search(text: $t, first: 10) { matchedField matchedText institution { number name } } }';
const ask = async (text: string): Promise<number> => {
  const started = performance.now();
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: { t: text } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
};
for (const text of PREFIXES) await ask(text); // warm: the lists and the folded texts
const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) for (const text of PREFIXES) times.push(await ask(text));
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
process.stdout.write(
  `search(text, first: 10), 1–3 characters, ${times.length} requests: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms\n`,
);
await running.close();
deps.close();
await registry.close();
