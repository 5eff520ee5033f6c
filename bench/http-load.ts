import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { text } from 'node:stream/consumers';
import { summarize, type LoadResult } from './load.ts';

/** One closed-loop run of plain-HTTP POSTs; `bodies` are sent in turn. */
export interface HttpLoadOptions {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  total: number;
  concurrency: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Sends `total` POSTs with `concurrency` keep-alive connections, one request in flight on each, and
 * reports requests per second and latency percentiles (the plain-HTTP twin of load.ts). It writes
 * prebuilt requests on raw sockets and reads only the status and Content-Length of the answers, so
 * that the client costs little next to the server it measures. Bounded by count, not by time.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const head = Object.entries({ host: url.host, ...options.headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const requests = options.bodies.map((body) =>
    Buffer.from(
      `POST ${url.pathname}${url.search} HTTP/1.1\r\n${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    ),
  );
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket: Socket = connect(Number(url.port), url.hostname);
      socket.setNoDelay(true);
      let buffered: Buffer = Buffer.alloc(0);
      let started = 0;
      const send = () => {
        if (next >= options.total) {
          socket.end();
          return resolve();
        }
        started = performance.now();
        socket.write(requests[next++ % requests.length] as Buffer);
      };
      socket.on('connect', send);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        const headerEnd = buffered.indexOf(HEADER_END);
        if (headerEnd < 0) return;
        const header = buffered.subarray(0, headerEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(header)?.[1]);
        if (!Number.isInteger(length)) return reject(new Error('an answer without Content-Length'));
        if (buffered.length < headerEnd + 4 + length) return;
        latencies.push(performance.now() - started);
        if (!header.startsWith('HTTP/1.1 200')) errors++;
        buffered = buffered.subarray(headerEnd + 4 + length);
        send();
      });
    });

  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, connection));
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, errors, seconds);
}

/**
 * Runs the load from a child process, so that the load generator does not share the measured
 * server's event loop.
 */
export async function runHttpLoadInChild(options: HttpLoadOptions): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(options));
  const output = await text(child.stdout);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(output) as LoadResult;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = JSON.parse(await text(process.stdin)) as HttpLoadOptions;
  process.stdout.write(JSON.stringify(await runHttpLoad(options)));
}
