import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { CallerCredentials } from '../ports/caller-credentials.ts';
import { FailedLoginGuard, type LoginAttempt, type LoginOutcome } from './failed-logins.ts';

const as = (user: string, password: string): CallerCredentials => {
  const credentials = CallerCredentials.fromHeader(
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  );
  if (credentials === null) throw new Error('not Basic credentials');
  return credentials;
};

/** The login let through, or the error that held it back. */
const begin = async (
  guard: FailedLoginGuard,
  caller: CallerCredentials,
): Promise<LoginAttempt | AppError> => {
  try {
    return await guard.begin(caller);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

/** One whole login: let through and answered with `outcome`; throws if it was held back. */
const login = async (guard: FailedLoginGuard, caller: CallerCredentials, outcome: LoginOutcome) => {
  const attempt = await begin(guard, caller);
  if (attempt instanceof AppError) throw attempt;
  attempt.end(outcome);
};

const heldBack = async (guard: FailedLoginGuard, caller: CallerCredentials): Promise<AppError | null> => {
  const attempt = await begin(guard, caller);
  if (attempt instanceof AppError) return attempt;
  attempt.end('unknown');
  return null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FailedLoginGuard', () => {
  it('holds a user name back after its failures, for the rest of the window, whatever the password', async () => {
    const guard = new FailedLoginGuard({ perUser: 3, perGateway: 100, windowMs: 300 });
    for (let i = 0; i < 3; i++) await login(guard, as('kommune-101', `guess-${i}`), 'refused');
    const held = await heldBack(guard, as('kommune-101', 'kommune-101'));
    expect(held?.code).toBe('TOO_MANY_REQUESTS');
    expect(held?.message).toBe('Too many failed logins for this user name; try again in 1 s.');
    expect(held?.extensions).toEqual({ retryAfterSeconds: '1' });
    // Another user name is not held up.
    expect(await heldBack(guard, as('admin', 'admin'))).toBeNull();
    await sleep(350);
    expect(await heldBack(guard, as('kommune-101', 'kommune-101'))).toBeNull();
  });

  it('holds back a parallel burst of guesses beyond the limit: the extra ones wait, then are refused', async () => {
    const guard = new FailedLoginGuard({ perUser: 3, perGateway: 5, windowMs: 60_000 });
    const settled: (LoginAttempt | AppError)[] = [];
    const burst = Array.from({ length: 50 }, (_, i) =>
      begin(guard, as('kommune-101', `guess-${i}`)).then((attempt) => {
        settled.push(attempt);
        return attempt;
      }),
    );
    await sleep(10);
    // Three go to the register; the others wait for them instead of slipping past or failing.
    expect(settled).toHaveLength(3);
    for (const attempt of settled) if (!(attempt instanceof AppError)) attempt.end('refused');
    const answers = await Promise.all(burst);
    expect(answers.filter((attempt) => attempt instanceof AppError)).toHaveLength(47);
    // The gateway-wide allowance has 2 left: two other names go, the rest wait for them.
    const others = Array.from({ length: 50 }, (_, i) => begin(guard, as(`user-${i}`, 'guess')));
    await sleep(10);
    const through = await Promise.all(others.slice(0, 2));
    for (const attempt of through) if (!(attempt instanceof AppError)) attempt.end('refused');
    const rest = await Promise.all(others.slice(2));
    expect(through.filter((attempt) => attempt instanceof AppError)).toEqual([]);
    expect(rest.every((attempt) => attempt instanceof AppError)).toBe(true);
  });

  it('a burst of correct logins is never told logins failed: the first accepted one lets the rest through', async () => {
    const guard = new FailedLoginGuard({ perUser: 5, perGateway: 15, windowMs: 60_000 });
    const burst = Array.from({ length: 32 }, () => begin(guard, as('kommune-101', 'kommune-101')));
    await sleep(10);
    const first = await burst[0];
    if (first === undefined || first instanceof AppError) throw new Error('the first login was held back');
    first.end('accepted');
    const answers = await Promise.all(burst);
    expect(answers.filter((attempt) => attempt instanceof AppError)).toEqual([]);
  });

  it('answers that say nothing of the credentials (a timeout) free their place and count no failure', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 5, windowMs: 60_000 });
    const burst = [1, 2, 3].map((i) => begin(guard, as('kommune-101', `guess-${i}`)));
    await sleep(10);
    const [a, b] = await Promise.all(burst.slice(0, 2));
    for (const attempt of [a, b])
      if (attempt !== undefined && !(attempt instanceof AppError)) attempt.end('unknown');
    const third = await burst[2];
    expect(third).not.toBeInstanceOf(AppError);
    if (third !== undefined && !(third instanceof AppError)) third.end('unknown');
    expect(await heldBack(guard, as('kommune-101', 'guess-again'))).toBeNull();
  });

  it('holds known-good credentials back at a user name held back: the answer must not tell the password', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 100, windowMs: 60_000 });
    await login(guard, as('kommune-101', 'kommune-101'), 'accepted');
    await login(guard, as('kommune-101', 'guess-1'), 'refused');
    await login(guard, as('kommune-101', 'guess-2'), 'refused');
    // Were the right password let through here, a guesser could try passwords at any speed.
    for (const password of ['guess-3', 'kommune-101']) {
      expect((await heldBack(guard, as('kommune-101', password)))?.message).toMatch(/for this user name/);
    }
    expect(await heldBack(guard, as('admin', 'admin'))).toBeNull();
  });

  it('beyond the gateway-wide limit, guesses held back count against their name, so they cannot probe for a known-good password', async () => {
    const guard = new FailedLoginGuard({ perUser: 3, perGateway: 2, windowMs: 60_000 });
    await login(guard, as('kommune-101', 'kommune-101'), 'accepted');
    for (const user of ['a', 'b']) await login(guard, as(user, 'x'), 'refused');
    // Gateway-wide limit reached: the known-good password still goes through, guesses do not…
    expect(await heldBack(guard, as('kommune-101', 'kommune-101'))).toBeNull();
    for (let i = 0; i < 3; i++) {
      expect((await heldBack(guard, as('kommune-101', `guess-${i}`)))?.message).toMatch(
        /through this gateway/,
      );
    }
    // …and after the name's allowance of them, the name is held back whatever the password.
    expect((await heldBack(guard, as('kommune-101', 'kommune-101')))?.message).toMatch(/for this user name/);
  });

  it('beyond the gateway-wide limit, lets through only logins the register accepted before', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 4, windowMs: 60_000 });
    await login(guard, as('admin', 'admin'), 'accepted');
    for (const user of ['a', 'b'])
      for (const password of ['x', 'y']) await login(guard, as(user, password), 'refused');

    const stranger = await heldBack(guard, as('kommune-101', 'kommune-101'));
    expect(stranger?.code).toBe('TOO_MANY_REQUESTS');
    expect(stranger?.message).toMatch(
      /^Too many failed logins through this gateway; .* try again in \d+ s\.$/,
    );
    expect(await heldBack(guard, as('admin', 'admin'))).toBeNull();
    // Known-good means these very credentials: the same user with another password is a stranger.
    expect(await heldBack(guard, as('admin', 'guess'))).not.toBeNull();
  });

  it('no longer trusts credentials the register refused since', async () => {
    const guard = new FailedLoginGuard({ perUser: 10, perGateway: 1, windowMs: 60_000 });
    await login(guard, as('admin', 'old-password'), 'accepted');
    await login(guard, as('admin', 'old-password'), 'refused');
    expect(await heldBack(guard, as('admin', 'old-password'))).not.toBeNull();
  });
});
