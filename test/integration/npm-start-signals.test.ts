import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm start` stops completely, whoever signals it: npm passes a signal to the shell it runs the
 * script in, not to the program, and before the fix SIGTERM to npm stopped npm and left both
 * servers listening. Each case starts `npm start` in its own process group (so that every process
 * it made can be found and, should the test fail, removed), signals the npm process only, and
 * checks that both ports refuse connections and that no process of the group is left.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let started: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
});
afterEach(() => {
  // Only what this test started: its own process group, by id.
  const group = started?.pid;
  if (group !== undefined && processesInGroup(group).length > 0) process.kill(-group, 'SIGKILL');
  started = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The processes whose process group is `group`, from /proc. */
function processesInGroup(group: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp …": comm may hold spaces, so read after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      // gone while listing
    }
  }
  return found;
}

/** Starts `npm start` on free ports with a data directory of its own; resolves with both ports. */
async function npmStart(): Promise<{ npm: ChildProcess; registryPort: number; gatewayPort: number }> {
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      REGISTRY_HOST: '127.0.0.1',
      REGISTRY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      REGISTRY_DB_PATH: join(dir, 'registry.sqlite'),
      REGISTRY_TLS_DIR: join(dir, 'tls'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started = npm;
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const registryPort = /register listening: https:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      const gatewayPort = /gateway listening: http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (registryPort !== undefined && gatewayPort !== undefined) {
        npm.stdout?.off('data', onData);
        npm.stdout?.resume();
        resolve({ npm, registryPort: Number(registryPort), gatewayPort: Number(gatewayPort) });
      }
    };
    npm.stdout?.on('data', onData);
    npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.once('exit', (code) =>
      reject(new Error(`npm start exited (${String(code)}) before listening:\n${output}`)),
    );
  });
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

describe('npm start stops completely', () => {
  it.each([
    ['SIGTERM', 'SIGTERM'],
    ['SIGINT', 'SIGINT'],
    // npm killed outright passes nothing on: the servers notice that their parent is gone.
    ['SIGKILL (nothing passed on)', 'SIGKILL'],
  ] as const)(
    'on %s to the npm process',
    async (_name, signal) => {
      const { npm, registryPort, gatewayPort } = await npmStart();
      const group = npm.pid ?? 0;
      expect(await listening(registryPort)).toBe(true);
      expect(await listening(gatewayPort)).toBe(true);
      expect(processesInGroup(group).length).toBeGreaterThan(0);

      npm.kill(signal);

      expect(
        await waitFor(
          async () => !(await listening(registryPort)) && !(await listening(gatewayPort)),
          20_000,
        ),
      ).toBe(true);
      expect(await waitFor(() => processesInGroup(group).length === 0, 20_000)).toBe(true);
    },
    120_000,
  );
});
