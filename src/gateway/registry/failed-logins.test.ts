import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { CallerCredentials } from './caller-credentials.ts';
import { FailedLoginGuard } from './failed-logins.ts';

const as = (user: string, password: string): CallerCredentials => {
  const credentials = CallerCredentials.fromHeader(
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  );
  if (credentials === null) throw new Error('not Basic credentials');
  return credentials;
};

/** The refusal assertMayTry throws, or null when the login may go to the register. */
const refusal = async (guard: FailedLoginGuard, caller: CallerCredentials): Promise<AppError | null> => {
  try {
    await guard.assertMayTry(caller);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('FailedLoginGuard', () => {
  it('stops a user name after its failures, for the rest of the window, whatever the password', async () => {
    const guard = new FailedLoginGuard({ perUser: 3, perGateway: 100, windowMs: 300 });
    for (let i = 0; i < 3; i++) {
      expect(await refusal(guard, as('kommune-101', `guess-${i}`))).toBeNull();
      await guard.failed(as('kommune-101', `guess-${i}`));
    }
    const refused = await refusal(guard, as('kommune-101', 'kommune-101'));
    expect(refused?.code).toBe('UNAUTHENTICATED');
    expect(refused?.message).toMatch(/^Too many failed logins for this user name; try again in 1 s\.$/);
    expect(refused?.extensions).toEqual({ retryAfterSeconds: '1' });
    // Another user name is not held up.
    expect(await refusal(guard, as('admin', 'admin'))).toBeNull();
    await sleep(350);
    expect(await refusal(guard, as('kommune-101', 'kommune-101'))).toBeNull();
  });

  it('lets credentials the register accepted before through, even at a user name held back', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 100, windowMs: 60_000 });
    await guard.succeeded(as('kommune-101', 'kommune-101'));
    await guard.failed(as('kommune-101', 'guess-1'));
    await guard.failed(as('kommune-101', 'guess-2'));
    expect(await refusal(guard, as('kommune-101', 'guess-3'))).not.toBeNull();
    expect(await refusal(guard, as('kommune-101', 'kommune-101'))).toBeNull();
  });

  it('forgets a user name’s failures when the register accepts it', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 100, windowMs: 60_000 });
    await guard.failed(as('admin', 'typo'));
    await guard.succeeded(as('admin', 'admin'));
    await guard.failed(as('admin', 'typo'));
    expect(await refusal(guard, as('admin', 'admin'))).toBeNull();
  });

  it('beyond the gateway-wide limit, passes on only logins the register accepted before', async () => {
    const guard = new FailedLoginGuard({ perUser: 2, perGateway: 4, windowMs: 60_000 });
    await guard.succeeded(as('admin', 'admin'));
    for (const user of ['a', 'b']) for (const password of ['x', 'y']) await guard.failed(as(user, password));

    const stranger = await refusal(guard, as('kommune-101', 'kommune-101'));
    expect(stranger?.code).toBe('UNAUTHENTICATED');
    expect(stranger?.message).toMatch(
      /^Too many failed logins through this gateway; .* Try again in \d+ s\.$/,
    );
    expect(await refusal(guard, as('admin', 'admin'))).toBeNull();
    // Known-good means these very credentials: the same user with another password is a stranger.
    expect(await refusal(guard, as('admin', 'guess'))).not.toBeNull();
  });

  it('no longer trusts credentials the register refused since', async () => {
    const guard = new FailedLoginGuard({ perUser: 10, perGateway: 1, windowMs: 60_000 });
    await guard.succeeded(as('admin', 'old-password'));
    await guard.failed(as('admin', 'old-password'));
    expect(await refusal(guard, as('admin', 'old-password'))).not.toBeNull();
  });
});
