import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnGateway, type SpawnedGateway } from '../test/helpers/spawn-gateway.ts';
import { spawnRegistry } from '../test/helpers/spawn-registry.ts';
import { startNginx, type Nginx } from '../test/helpers/start-nginx.ts';
import { startRedis } from '../test/helpers/start-redis.ts';
import { runHttpLoadInChild } from './http-load.ts';

// `npm run bench:scale`: Debian's redis-server and nginx, the register and gateway processes over
// loopback, the load generator in a child process: all on this machine's cores. Prints figures;
// asserts nothing. Bounded by request counts and a fixed load window, not by a target.
//  1. warm `institution(number)` through nginx with 1 and with 2 gateways, CPU use beside it;
//  2. one of 3 gateways killed (SIGKILL) under a mixed load with mutations: failures while nginx
//     notices and after, and whether the register ever received a mutation twice.

const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 20_000);
const CONCURRENCY = 32;
const KILL_LOAD_MS = 10_000;
const NOTICE_WINDOW_MS = 2000;

const ticks = () => {
  // /proc/stat's first line: user nice system idle iowait irq softirq steal, in clock ticks.
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9);
  const values = fields.map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: values.reduce((a, b) => a + b, 0) - idle, total: values.reduce((a, b) => a + b, 0) };
};
/** utime + stime of a process and its children that have exited, in clock ticks. */
const processTicks = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[11]) + Number(after[12]);
  } catch {
    return 0;
  }
};
const childrenOf = (pid: number | undefined): number[] => {
  if (pid === undefined) return [];
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const CORES = Number(execFileSync('nproc').toString().trim()) || 1;
const uptime = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const dir = mkdtempSync(join(tmpdir(), 'dtr-bench-scale-'));
const cleanups: (() => Promise<void>)[] = [];
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  console.log(`bench:scale on ${CORES} cores, load average before: ${uptime()}`);
  const redis = await startRedis({ maxMemory: '256mb' });
  cleanups.push(() => redis.stop());
  const registry = await spawnRegistry(dir);
  cleanups.push(() => registry.stop());
  const registerLog: string[] = [];
  registry.process.stdout?.on('data', (chunk: Buffer) => registerLog.push(chunk.toString()));
  const env = {
    NODE_ENV: 'production',
    REGISTRY_URL: registry.url,
    REGISTRY_CA: join(dir, 'tls', 'cert.pem'),
    REDIS_URL: redis.url,
    LOG_LEVEL: 'info',
  };
  const gateways: SpawnedGateway[] = [];
  for (let i = 0; i < 3; i++) {
    const gateway = await spawnGateway(env);
    gateways.push(gateway);
    cleanups.push(() => gateway.stop());
  }
  const [g1, g2, g3] = gateways as [SpawnedGateway, SpawnedGateway, SpawnedGateway];

  // 1. Warm reads through nginx: 1 replica, then 2.
  const numbers = ['G10662', 'G13047', 'G18063', 'G10432', 'G29215', 'G10001', 'G10002', 'G10003'];
  const bodies = numbers.map((n) =>
    JSON.stringify({ query: `{ institution(number: "${n}") { number name status } }` }),
  );
  const measure = async (label: string, nginx: Nginx, replicas: SpawnedGateway[]) => {
    const options = {
      url: nginx.url,
      headers: { 'content-type': 'application/json' },
      bodies,
      total: 2000,
      concurrency: CONCURRENCY,
    };
    await runHttpLoadInChild(options); // warm-up: the answers land in Redis, the model in each
    const gatewayPids = replicas.map((g) => g.process.pid);
    const nginxPids = [nginx.pid, ...childrenOf(nginx.pid)];
    const before = {
      machine: ticks(),
      gateways: gatewayPids.map(processTicks),
      nginx: nginxPids.map(processTicks).reduce((a, b) => a + b, 0),
      redis: processTicks(redis.pid),
    };
    const load = await runHttpLoadInChild({ ...options, total: REQUESTS });
    const machine = ticks();
    const share = (used: number) => `${((used / CLOCK_TICKS / load.seconds) * 100).toFixed(0)} %`;
    const gatewayTicks = gatewayPids.map((pid, i) => processTicks(pid) - (before.gateways[i] ?? 0));
    const gatewayCpu = gatewayTicks.map(share);
    // CPU time per request, all replicas together: steadier than throughput on a shared machine.
    const gatewayMicros = (gatewayTicks.reduce((a, b) => a + b, 0) / CLOCK_TICKS / load.requests) * 1e6;
    const nginxCpu = share(nginxPids.map(processTicks).reduce((a, b) => a + b, 0) - before.nginx);
    const redisCpu = share(processTicks(redis.pid) - before.redis);
    const machineBusy = ((machine.busy - before.machine.busy) / (machine.total - before.machine.total)) * 100;
    console.log(
      `  ${label.padEnd(12)} ${load.perSecond.toFixed(0).padStart(6)} req/s  p50 ${load.p50Ms.toFixed(2)} ms  ` +
        `p99 ${load.p99Ms.toFixed(2)} ms  (${load.requests} requests, ${load.errors} errors)\n` +
        `  ${''.padEnd(12)} CPU (100 % = one core): gateways ${gatewayCpu.join(' + ')}, nginx ${nginxCpu}, ` +
        `redis ${redisCpu}; machine ${machineBusy.toFixed(0)} % of ${CORES} cores busy; load average ${uptime()}\n` +
        `  ${''.padEnd(12)} gateway CPU ${gatewayMicros.toFixed(0)} µs per request`,
    );
    return load.perSecond;
  };
  console.log(
    `\n1. warm institution(number) through nginx, ${CONCURRENCY} connections, ${REQUESTS} requests`,
  );
  const one = await startNginx([g1.hostPort]);
  cleanups.push(() => one.stop());
  const rateOne = await measure('1 replica', one, [g1]);
  await one.stop();
  const two = await startNginx([g1.hostPort, g2.hostPort]);
  cleanups.push(() => two.stop());
  const rateTwo = await measure('2 replicas', two, [g1, g2]);
  await two.stop();
  console.log(`  2 replicas / 1 replica: ${(rateTwo / rateOne).toFixed(2)}×`);

  // 2. Kill one of 3 under load.
  console.log(
    `\n2. one of 3 gateways killed (SIGKILL) under load: 16 clients for ${KILL_LOAD_MS / 1000} s, 1 in 10 a mutation`,
  );
  /** Kills the last of `three` under load through nginx, with or without keep-alive to the gateways. */
  const killOneOfThree = async (run: string, keepalive: boolean, three: readonly SpawnedGateway[]) => {
    const victim = three[2];
    if (victim === undefined) throw new Error('three gateways, please');
    const balancer = await startNginx(
      three.map((g) => g.hostPort),
      { keepalive },
    );
    cleanups.push(() => balancer.stop());
    const admin = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
    const mutation = `mutation($input: UpdateAssignmentUnitInput!) { updateAssignmentUnit(input: $input) { assignmentUnit { number email } userErrors { code } } }`;
    interface Outcome {
      /** When it was sent and when its answer (or the failure) came, from the start of the load. */
      atMs: number;
      endMs: number;
      ok: boolean;
      mutation: boolean;
      /** Why it failed: the HTTP status and the first error's code, or the transport error. */
      failure?: string;
    }
    const outcomes: Outcome[] = [];
    const started = Date.now();
    let killedAtMs = Number.POSITIVE_INFINITY;
    let sequence = 0;
    const client = async (c: number) => {
      for (let i = 0; Date.now() - started < KILL_LOAD_MS; i++) {
        const isMutation = i % 10 === c % 10;
        const id = `bench-${isMutation ? 'm' : 'q'}-${run}-${c}-${i}`;
        const body = isMutation
          ? {
              query: mutation,
              variables: { input: { number: 'G10662', email: `b${(sequence += 1)}@hoejvang.dk` } },
            }
          : {
              query: `{ institution(number: "${numbers[i % numbers.length] ?? 'G10662'}") { number name } }`,
            };
        const atMs = Date.now() - started;
        let ok = false;
        let failure: string | undefined;
        try {
          const response = await fetch(balancer.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-request-id': id,
              ...(isMutation && { authorization: admin }),
            },
            body: JSON.stringify(body),
          });
          const text = await response.text();
          const answer = (
            text.startsWith('{') ? JSON.parse(text) : { errors: [{ message: text.slice(0, 60) }] }
          ) as {
            errors?: { message: string; extensions?: { code?: string } }[];
          };
          ok = response.status === 200 && answer.errors === undefined;
          if (!ok)
            failure = `${response.status} ${answer.errors?.[0]?.extensions?.code ?? ''} ${answer.errors?.[0]?.message ?? ''}`;
        } catch (error) {
          ok = false;
          failure = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
        }
        outcomes.push({
          atMs,
          endMs: Date.now() - started,
          ok,
          mutation: isMutation,
          ...(failure !== undefined && { failure }),
        });
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, c) => client(c)));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    killedAtMs = Date.now() - started;
    await victim.kill();
    await load;
    const phase = (from: number, to: number) => {
      // By when the answer came: a request in flight at the killed gateway fails after the kill.
      const inPhase = outcomes.filter((o) => o.endMs >= from && o.endMs < to);
      const failed = inPhase.filter((o) => !o.ok).length;
      const kinds = new Map<string, number>();
      for (const o of inPhase)
        if (o.failure !== undefined) kinds.set(o.failure, (kinds.get(o.failure) ?? 0) + 1);
      const why = [...kinds].map(([kind, n]) => `${n}× ${kind.slice(0, 120)}`).join('; ');
      return `${inPhase.length} requests, ${failed} failed (${((failed / Math.max(1, inPhase.length)) * 100).toFixed(2)} %)${why === '' ? '' : `: ${why}`}`;
    };
    console.log(`  before the kill:                    ${phase(0, killedAtMs)}`);
    console.log(
      `  first ${NOTICE_WINDOW_MS / 1000} s after (nginx notices): ${phase(killedAtMs, killedAtMs + NOTICE_WINDOW_MS)}`,
    );
    console.log(`  after that:                         ${phase(killedAtMs + NOTICE_WINDOW_MS, Infinity)}`);
    const nginxErrors = balancer
      .errorLog()
      .split('\n')
      .filter((line) => / \[(error|warn)\] /.test(line));
    // nginx logs an [error] per request it gave up on; "while reading response header" means it had
    // already sent the request to that gateway, so it passed it to no other (a POST).
    const sentThenLost = nginxErrors.filter(
      (line) => line.includes('[error]') && line.includes('while reading response header from upstream'),
    ).length;
    console.log(
      `  nginx gave up on ${sentThenLost} requests it had already sent to the killed gateway (not retried: POST)`,
    );
    console.log(`  nginx logged ${nginxErrors.length} lines about upstreams, e.g.:`);
    for (const line of nginxErrors.slice(0, 4))
      console.log(`    ${line.replace(/^.*?\[/, '[').slice(0, 200)}`);
    // The register logs every request with the id the gateway passed on: a mutation it received
    // twice would show its id twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const received = new Map<string, number>();
    for (const line of registerLog.join('').split('\n')) {
      const match = new RegExp(`"requestId":"(bench-m-${run}-[^"]+)".*"path":"/ImportService"`).exec(line);
      if (match?.[1] !== undefined) received.set(match[1], (received.get(match[1]) ?? 0) + 1);
    }
    const sent = outcomes.filter((o) => o.mutation).length;
    const twice = [...received.values()].filter((n) => n > 1).length;
    console.log(
      `  mutations: ${sent} sent, ${received.size} reached the register, ${twice} of them more than once` +
        ` (${outcomes.filter((o) => o.mutation && !o.ok).length} failed at the client)`,
    );
    await balancer.stop();
  };
  await killOneOfThree('a', true, [g1, g2, g3]);
  const g4 = await spawnGateway(env);
  cleanups.push(() => g4.stop());
  console.log('\n3. the same, one of 3 killed, without keep-alive connections from nginx to the gateways');
  await killOneOfThree('b', false, [g1, g2, g4]);
  console.log(`\nload average after: ${uptime()}`);
} finally {
  await cleanup();
}
