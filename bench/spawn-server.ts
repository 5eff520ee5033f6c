import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server the benchmark started in its own process, with how long it took to answer. */
export interface TimedServer {
  /** The GraphQL endpoint, as the server printed it. */
  url: string;
  pid: number;
  /** From spawning the process to its first `{ __typename }` answer (status 200, no errors). */
  startToFirstAnswerMs: number;
  /** SIGTERM, then wait for the exit (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  /** For error messages. */
  label: string;
  /** The program and its arguments; run with the project's root as working directory. */
  command: readonly [string, ...string[]];
  env: Record<string, string>;
  /** Matches the line the server prints when it listens; group 1 is its GraphQL URL. */
  urlPattern: RegExp;
  /** Where to ask `{ __typename }`, if not at the printed URL. */
  graphqlUrl?: (printed: string) => string;
}

const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Starts a server and times process start → first `{ __typename }` answer: the time a user waits
 * before the server is any use. The clock starts just before `spawn`, so the runtime's own start
 * and every module the server loads count; the question is asked as soon as the URL is printed,
 * then again every 5 ms until it is answered.
 */
export async function spawnTimedServer(options: SpawnServerOptions): Promise<TimedServer> {
  const [program, ...args] = options.command;
  const started = performance.now();
  const child = spawn(program, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  let output = '';
  try {
    const printed = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = options.urlPattern.exec(output);
        if (match?.[1] !== undefined) {
          child.stdout.off('data', onData);
          // Keep draining its logs, so that a full pipe never blocks it.
          child.stdout.resume();
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then(() => reject(new Error(`${options.label} exited before listening:\n${output}`)));
    });
    const url = options.graphqlUrl?.(printed) ?? printed;
    while (!(await answersTypename(url))) {
      if (performance.now() - started > ANSWER_TIMEOUT_MS)
        throw new Error(
          `${options.label} did not answer { __typename } in ${ANSWER_TIMEOUT_MS} ms:\n${output}`,
        );
      await sleep(5);
    }
    const pid = child.pid;
    if (pid === undefined) throw new Error(`${options.label} has no process id`);
    return { url, pid, startToFirstAnswerMs: performance.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function answersTypename(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as { data?: { __typename?: string } };
    return response.status === 200 && body.data?.__typename === 'Query';
  } catch {
    return false;
  }
}
