import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { createHelloClient, median, thresholdAccuracy, usersFileDirectory } from '../helpers/login-probe.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The register's login throttle and password checks, as a guesser meets them over HTTPS.

describe('the login throttle, with its default limits', () => {
  const { registry } = useTestStack({ registry: { seed: false } });

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
  const { registry } = useTestStack({
    registry: {
      seed: false,
      users: usersFileDirectory({ admin: 'rigtigt-kodeord', reader: 'laeser-kodeord' }),
      // Limits out of the way: these tests measure the checks themselves, many times over.
      authFailureLimit: { maxFailures: 1_000_000, maxFailuresPerUser: 1_000_000, windowMs: 60_000 },
    },
  });

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
    /** The other caller's HelloWorlds for `ms`: their median, and the event loop's median delay. */
    const measure = async (ms: number) => {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const latencies: number[] = [];
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const answer = await other.hello('reader', 'laeser-kodeord');
        expect(answer.status).toBe(200);
        latencies.push(answer.ms);
      }
      delay.disable();
      return { latencyMs: median(latencies), loopDelayMs: delay.percentile(50) / 1e6 };
    };
    let guessing = true;
    try {
      // The other caller's credentials are checked once; then it is a caller like any other.
      expect((await other.hello('reader', 'laeser-kodeord')).status).toBe(200);
      const alone = await measure(1000);
      const guesses = guessers.map(async (guesser, i) => {
        let n = 0;
        while (guessing) await guesser.hello(i % 2 === 0 ? 'admin' : `ukendt-${i}`, `guess-${n++}`);
        return n;
      });
      const withGuessers = await measure(2500);
      guessing = false;
      const hashed = (await Promise.all(guesses)).reduce((sum, n) => sum + n, 0);
      // The guessers did keep the hashing busy (~40 ms each on an idle core)…
      expect(hashed).toBeGreaterThan(4);
      // …and the loop stayed free: with scrypt on it, it was blocked ~40 ms a hash, nearly all the
      // time, and the other caller waited behind the hashes (on a machine at load 20: loop delay
      // 222 ms against 13 ms alone, the other caller's median 294 ms against 1.2 ms; now ~20 ms
      // and ~1 ms). Medians against the same caller alone just before, since on a shared machine
      // the scheduler alone can hold a thread back for tens of milliseconds.
      expect(withGuessers.loopDelayMs).toBeLessThan(2 * alone.loopDelayMs + 20);
      expect(withGuessers.latencyMs).toBeLessThan(Math.max(3 * alone.latencyMs, alone.latencyMs + 10));
    } finally {
      guessing = false;
      for (const client of [...guessers, other]) client.close();
    }
  });
});

describe('bursts of logins with a users file', () => {
  const { registry } = useTestStack({
    registry: {
      seed: false,
      users: usersFileDirectory({ admin: 'rigtigt-kodeord' }),
      authFailureLimit: { maxFailures: 5, maxFailuresPerUser: 1_000, windowMs: 60_000 },
      hashQueue: { maxRunning: 1 },
    },
  });

  it('a burst of parallel guesses from one address is hashed only up to its limit', async () => {
    const client = createHelloClient(registry, '127.0.5.1');
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.hello('admin', `guess-${i}`)),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    } finally {
      client.close();
    }
  });

  it('32 parallel logins with the right password, none checked before, all go through', async () => {
    const client = createHelloClient(registry, '127.0.5.2');
    try {
      const answers = await Promise.all(
        Array.from({ length: 32 }, () => client.hello('admin', 'rigtigt-kodeord')),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 32 }, () => 200));
    } finally {
      client.close();
    }
  });
});
