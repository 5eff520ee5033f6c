import { describe, expect, it } from 'vitest';
import { startFaultProxy } from '../helpers/fault-proxy.ts';
import { M } from '../helpers/gateway-writes.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The register refuses a client address for a minute after 20 failed logins (429), and every caller
// reaches it from the gateway's one address. These gateways pass on fewer failures than that.

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({
  registry: { changeFeed: false },
  gateway: {
    env: { GATEWAY_LOGIN_FAILURES_PER_USER: '3', GATEWAY_LOGIN_FAILURES_PER_GATEWAY: '10' },
  },
});

/** One update of G10662's e-mail as `user` with `password`; its error codes and messages. */
const update = async (target: TestGateway, user: string, password: string, email: string) => {
  const response = await target.query(
    M.updateAssignmentUnit,
    { input: { number: REAL.privatUnit751, email } },
    { user, password },
  );
  return {
    codes: response.errors?.map((e) => e.extensions?.code) ?? [],
    messages: response.errors?.map((e) => e.message) ?? [],
    data: response.data,
  };
};
const writesToRegister = (target: TestGateway) => target.metrics.byOperation().UpdateAnvisningsEnhed ?? 0;

describe('failed logins through the gateway', () => {
  it('a user name is held back after its failures, the register no longer asked', async () => {
    const own = await startTestGateway(registry, { env: { GATEWAY_LOGIN_FAILURES_PER_USER: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await update(own, 'kommune-101', `guess-${i}`, 'x@kk.dk')).codes).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      own.metrics.reset();
      const held = await update(own, 'kommune-101', 'kommune-101', 'x@kk.dk');
      expect(held.codes).toEqual(['TOO_MANY_REQUESTS']);
      expect(held.messages[0]).toMatch(/^Too many failed logins for this user name; try again in \d+ s\.$/);
      expect(writesToRegister(own)).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('guessing across many user names never locks out a caller the register knows', async () => {
    const before = await update(gateway, 'admin', 'admin', 'foer@hoejvang.dk');
    expect(before.codes).toEqual([]);
    gateway.metrics.reset();
    const users = ['kommune-101', 'privat-33178522', 'reader', 'ukendt-1', 'ukendt-2'];
    // All at once: guesses still waiting for the register count too.
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        update(gateway, users[i % users.length] ?? '', `guess-${i}`, 'x@kk.dk'),
      ),
    );
    const codes = guesses.map((guess) => guess.codes.join());
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(20);
    // Only the gateway-wide allowance reached the register: below its own limit.
    expect(writesToRegister(gateway)).toBe(10);

    // A login the register accepted before still goes through; a new one waits out the window.
    const after = await update(gateway, 'admin', 'admin', 'efter@hoejvang.dk');
    expect(after.codes).toEqual([]);
    expect(after.data).toMatchObject({
      updateAssignmentUnit: { assignmentUnit: { email: 'efter@hoejvang.dk' } },
    });
    const stranger = await update(gateway, 'privat-33178522', 'privat-33178522', 'x@hoejvang.dk');
    expect(stranger.messages[0]).toMatch(/^Too many failed logins through this gateway; /);
  });

  it('32 concurrent correct writes by one maintainer, its first since the gateway started, all go through', async () => {
    // A slow register (300 ms a write), so that all 32 logins are surely in flight at once.
    const proxy = await startFaultProxy({
      target: registry.url,
      ca: registry.ca,
      cert: registry.tls.cert,
      key: registry.tls.key,
    });
    proxy.setFault(({ soapAction }) =>
      soapAction?.includes('UpdateAnvisningsEnhed') === true ? { kind: 'delay', ms: 300 } : { kind: 'pass' },
    );
    const own = await startTestGateway({ url: proxy.url, ca: registry.ca });
    try {
      const writes = await Promise.all(
        Array.from({ length: 32 }, (_, i) =>
          update(own, 'privat-33178522', 'privat-33178522', `samtidig-${i}@hoejvang.dk`),
        ),
      );
      expect(writes.flatMap((write) => write.codes)).toEqual([]);
      expect(writesToRegister(own)).toBe(32);
    } finally {
      await own.close();
      await proxy.close();
    }
  });

  it('30 concurrent wrong guesses at one user name reach the register only up to its limit', async () => {
    const own = await startTestGateway(registry, { env: { GATEWAY_LOGIN_FAILURES_PER_USER: '3' } });
    try {
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => update(own, 'kommune-101', `guess-${i}`, 'x@kk.dk')),
      );
      const codes = guesses.map((guess) => guess.codes.join());
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
      expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(27);
      expect(writesToRegister(own)).toBe(3);
    } finally {
      await own.close();
    }
  });
});
