import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUserDirectory } from '../../src/registry/auth/user-directory.ts';
import { createHelloClient, median, thresholdAccuracy, writeUsersFile } from '../helpers/login-probe.ts';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// The register's login throttle and password checks, as a guesser meets them over HTTPS.

describe('the login throttle, with its default limits', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry({ seed: false });
  });
  afterAll(() => registry.close());

  it('a correct login between guesses does not reset the address: 100 guesses meet 429s', async () => {
    const client = createHelloClient(registry, '127.0.0.2');
    const names = ['admin', 'privat-33178522', 'kommune-751', 'ukendt-1', 'ukendt-2'];
    const guesses: number[] = [];
    const readers: number[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        // Spread over names, so that no one name's limit is what stops this guesser.
        guesses.push((await client.hello(names[i % names.length] ?? '', `guess-${i}`)).status);
        if (i % 10 === 9) readers.push((await client.hello('reader', 'reader')).status);
      }
    } finally {
      client.close();
    }
    expect(guesses.filter((status) => status === 401)).toHaveLength(20);
    expect(guesses.slice(20).every((status) => status === 429)).toBe(true);
    // The reader's own logins went through until the address was blocked, then were refused too.
    expect(readers[0]).toBe(200);
    expect(readers.slice(1).every((status) => status === 429)).toBe(true);
  });

  it('guessing one user name from many addresses meets the name’s limit; a success clears only its own', async () => {
    const guessers = [3, 4, 5, 6, 7].map((i) => createHelloClient(registry, `127.0.1.${i}`));
    const bystander = createHelloClient(registry, '127.0.2.1');
    try {
      // 10 a minute per name, 2 guesses from each of five addresses: none near its address limit.
      const statuses: number[] = [];
      for (const [i, guesser] of guessers.entries()) {
        for (let j = 0; j < 2; j++)
          statuses.push((await guesser.hello('kommune-101', `guess-${i}-${j}`)).status);
      }
      expect(statuses).toEqual(Array.from({ length: 10 }, () => 401));
      const blocked = await bystander.hello('kommune-101', 'kommune-101');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
      // Other names are not held back, and their success does not free kommune-101.
      expect((await bystander.hello('privat-33178522', 'privat-33178522')).status).toBe(200);
      expect((await bystander.hello('kommune-101', 'kommune-101')).status).toBe(429);
    } finally {
      for (const client of [...guessers, bystander]) client.close();
    }
  });
});

describe('password checks with a users file (REGISTRY_USERS_FILE)', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry({
      seed: false,
      users: loadUserDirectory(writeUsersFile({ admin: 'rigtigt-kodeord', reader: 'laeser-kodeord' })),
      // Limits out of the way: these tests measure the checks themselves, many times over.
      authFailureLimit: { maxFailures: 1_000_000, maxFailuresPerUser: 1_000_000, windowMs: 60_000 },
    });
  });
  afterAll(() => registry.close());

  it('an unknown user takes as long as a known one with a wrong password', async () => {
    const client = createHelloClient(registry);
    const known: number[] = [];
    const unknown: number[] = [];
    try {
      await client.hello('admin', 'warm-up');
      // Interleaved, alternating who goes first, so that the machine's load falls on both alike.
      for (let i = 0; i < 30; i++) {
        const first = i % 2 === 0;
        if (first) known.push((await client.hello('admin', `guess-${i}`)).ms);
        unknown.push((await client.hello(`kommune-${100 + i}`, `guess-${i}`)).ms);
        if (!first) known.push((await client.hello('admin', `guess-${i}`)).ms);
      }
    } finally {
      client.close();
    }
    const ratio = median(unknown) / median(known);
    // Today's target is within 10 %; the bound here is generous for a busy machine, and still far
    // from the 20× an unknown user once took (no hash at all).
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.33);
    expect(thresholdAccuracy(known, unknown)).toBeLessThan(0.8);
  });

  it('four clients guessing do not block the event loop for anyone else', async () => {
    const guessers = [1, 2, 3, 4].map((i) => createHelloClient(registry, `127.0.3.${i}`));
    const other = createHelloClient(registry, '127.0.4.1');
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let guessing = true;
    try {
      // The other caller's credentials are checked once; then it is a caller like any other.
      expect((await other.hello('reader', 'laeser-kodeord')).status).toBe(200);
      const guesses = guessers.map(async (guesser, i) => {
        let n = 0;
        while (guessing) await guesser.hello(i % 2 === 0 ? 'admin' : `ukendt-${i}`, `guess-${n++}`);
        return n;
      });
      delay.enable();
      const latencies: number[] = [];
      const until = performance.now() + 2500;
      while (performance.now() < until) {
        const answer = await other.hello('reader', 'laeser-kodeord');
        expect(answer.status).toBe(200);
        latencies.push(answer.ms);
      }
      delay.disable();
      guessing = false;
      const hashed = (await Promise.all(guesses)).reduce((sum, n) => sum + n, 0);
      // The guessers did keep the hashing busy (~40 ms each on an idle core)…
      expect(hashed).toBeGreaterThan(4);
      // …and the loop stayed free: with scrypt on it, it was blocked ~40 ms a hash, nearly all the
      // time, and the other caller waited behind the hashes (122 ms median). Medians, not p99: on a
      // shared machine the scheduler alone can hold a thread back for tens of milliseconds.
      expect(delay.percentile(50) / 1e6).toBeLessThan(20);
      expect(median(latencies)).toBeLessThan(15);
    } finally {
      guessing = false;
      delay.disable();
      for (const client of [...guessers, other]) client.close();
    }
  });
});
