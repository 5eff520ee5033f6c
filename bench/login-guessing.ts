import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { soapEnvelope } from '../test/helpers/https-request.ts';
import {
  createHelloClient,
  median,
  thresholdAccuracy,
  writeUsersFile,
  type HelloClient,
} from '../test/helpers/login-probe.ts';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { basicAuth } from '../test/helpers/start-test-registry.ts';
import { runLoad, type LoadResult } from './load.ts';

// `npm run bench:logins`: what password guessing costs everyone else. The register runs in its own
// process with a users file (scrypt), measured from this process over loopback HTTPS:
// 1. other callers' HelloWorld latency, alone and while four clients guess as fast as they are
//    answered (the register's failure limits raised, and each guesser moving to a new loopback
//    address every 19 guesses, so that the throttle never stops them: the worst case);
// 2. how long a wrong password takes for a known user and for an unknown one, interleaved.
// Bounded by counts, never by wall clock; asserts nothing.

const usersFile = writeUsersFile({ admin: 'rigtigt-kodeord', reader: 'laeser-kodeord' });
const dir = mkdtempSync(join(tmpdir(), 'login-bench-'));
const registry = await spawnRegistry(dir, {
  REGISTRY_USERS_FILE: usersFile,
  REGISTRY_LOGIN_FAILURES_PER_ADDRESS: '1000000000',
  REGISTRY_LOGIN_FAILURES_PER_USER: '1000000000',
});
const load = loadavg();
const otherCallers = (): Promise<LoadResult> =>
  runLoad({
    url: `${registry.url}/ExportService`,
    ca: registry.ca,
    headers: { authorization: basicAuth('reader', 'laeser-kodeord'), 'content-type': 'text/xml' },
    body: () => soapEnvelope('HelloWorld'),
    total: Number(process.env.LOGIN_BENCH_REQUESTS ?? 4000),
    concurrency: 4,
  });
const show = (label: string, r: LoadResult) =>
  console.log(
    `${label.padEnd(34)} p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p99 ${r.p99Ms.toFixed(1).padStart(6)} ms  ${r.perSecond.toFixed(0).padStart(5)} req/s  (${r.requests} requests, ${r.errors} errors)`,
  );

try {
  await otherCallers(); // warm-up: TLS, JIT, the reader's one scrypt
  const alone = await otherCallers();

  let guessing = true;
  let guesses = 0;
  const statuses = new Map<number, number>();
  const guessers = [1, 2, 3, 4].map(async (g) => {
    for (let round = 0; guessing; round++) {
      const client = createHelloClient(registry, `127.0.${g}.${(round % 250) + 1}`);
      for (let i = 0; i < 19 && guessing; i++) {
        const { status } = await client.hello('admin', `guess-${g}-${round}-${i}`);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        guesses++;
      }
      client.close();
    }
  });
  const guessStarted = performance.now();
  const whileGuessing = await otherCallers();
  guessing = false;
  await Promise.all(guessers);
  const guessSeconds = (performance.now() - guessStarted) / 1000;

  show('other callers, alone', alone);
  show('other callers, four guessing', whileGuessing);
  console.log(
    `  guesses answered: ${guesses} in ${guessSeconds.toFixed(1)} s (${(guesses / guessSeconds).toFixed(1)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  console.log(
    `  p99 ratio ${(whileGuessing.p99Ms / alone.p99Ms).toFixed(2)}×, p50 ratio ${(whileGuessing.p50Ms / alone.p50Ms).toFixed(2)}× (target: p99 at most 2×)`,
  );

  // A new loopback address every 9 pairs: no address reaches a failure limit, even an old one of 20.
  const known: number[] = [];
  const unknown: number[] = [];
  const timingStatuses = new Map<number, number>();
  const timed = async (client: HelloClient, user: string, password: string) => {
    const { status, ms } = await client.hello(user, password);
    timingStatuses.set(status, (timingStatuses.get(status) ?? 0) + 1);
    return ms;
  };
  let timer = createHelloClient(registry, '127.0.9.1');
  await timer.hello('admin', 'warm-up');
  for (let i = 0; i < 100; i++) {
    if (i % 9 === 0) {
      timer.close();
      timer = createHelloClient(registry, `127.0.9.${i + 2}`);
    }
    const first = i % 2 === 0;
    if (first) known.push(await timed(timer, 'admin', `timing-${i}`));
    unknown.push(await timed(timer, `kommune-${100 + i}`, `timing-${i}`));
    if (!first) known.push(await timed(timer, 'admin', `timing-${i}`));
  }
  timer.close();
  const ratio = median(unknown) / median(known);
  console.log(
    `timing, wrong password: known user median ${median(known).toFixed(1)} ms, unknown user ${median(unknown).toFixed(1)} ms (${((ratio - 1) * 100).toFixed(1)} %), best threshold tells ${(thresholdAccuracy(known, unknown) * 100).toFixed(0)} % of 200 tries right (50 % is chance); statuses ${JSON.stringify(Object.fromEntries(timingStatuses))}`,
  );
  console.log(
    `load average at start ${load.map((l) => l.toFixed(2)).join(' ')}, at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await registry.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(usersFile), { recursive: true, force: true });
}
