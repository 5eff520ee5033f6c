import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  hashPassword,
  loadUserDirectory,
  type UserDirectory,
} from '../../src/registry/auth/user-directory.ts';
import { soapEnvelope } from './https-request.ts';
import { basicAuth } from './start-test-registry.ts';

/** A client of the register from one loopback address, over keep-alive connections. */
export interface HelloClient {
  /** One HelloWorld as `user` with `password`: its status, Retry-After and milliseconds taken. */
  hello(user: string, password: string): Promise<{ status: number; retryAfter: string | null; ms: number }>;
  close(): void;
}

/**
 * `localAddress` picks the client's address: every 127.x.y.z reaches a register listening on
 * 127.0.0.1 on Linux, so one test can be several clients as the register sees them.
 */
export function createHelloClient(
  registry: { url: string; ca: string },
  localAddress = '127.0.0.1',
): HelloClient {
  const agent = new Agent({ ca: registry.ca, keepAlive: true, localAddress });
  return {
    hello: (user, password) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const req = request(
          `${registry.url}/ExportService`,
          {
            method: 'POST',
            agent,
            headers: { authorization: basicAuth(user, password), 'content-type': 'text/xml' },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              const retryAfter = res.headers['retry-after'];
              resolve({
                status: res.statusCode ?? 0,
                retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
                ms: performance.now() - started,
              });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(soapEnvelope('HelloWorld'));
      }),
    close: () => agent.destroy(),
  };
}

/** A users file (REGISTRY_USERS_FILE's format) in a fresh temporary directory; its path. */
export function writeUsersFile(passwords: Record<string, string>): string {
  const entries = Object.fromEntries(
    Object.entries(passwords).map(([user, password]) => [
      user,
      hashPassword(password, Buffer.from(`salt-${user}`)),
    ]),
  );
  const path = join(mkdtempSync(join(tmpdir(), 'users-')), 'users.json');
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

/** A users file's directory, loaded as the register loads REGISTRY_USERS_FILE; the file removed after. */
export function usersFileDirectory(passwords: Record<string, string>): UserDirectory {
  const path = writeUsersFile(passwords);
  try {
    return loadUserDirectory(path);
  } finally {
    rmSync(dirname(path), { recursive: true, force: true });
  }
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * How well the best single threshold on time tells two sets of timings apart: 0.5 is chance, 1 is
 * every try told right. The threshold is fitted on the samples themselves, which flatters it a little.
 */
export function thresholdAccuracy(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((ms) => ({ ms, isA: true })), ...b.map((ms) => ({ ms, isA: false }))].sort(
    (x, y) => x.ms - y.ms,
  );
  // Below the threshold we guess "a"; count right guesses for each cut, both ways round.
  let aBelow = 0;
  let bBelow = 0;
  let best = 0;
  for (const sample of all) {
    if (sample.isA) aBelow++;
    else bBelow++;
    const right = aBelow + (b.length - bBelow);
    best = Math.max(best, right, all.length - right);
  }
  return best / all.length;
}
