import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port.ts';

/** Debian's nginx, where `.ci/install-system-deps` puts it. */
export const NGINX = '/usr/sbin/nginx';

/** nginx in front of gateways on loopback. */
export interface Nginx {
  /** The GraphQL endpoint through nginx. */
  url: string;
  port: number;
  /** The master process's id (the worker is its child); for a benchmark's CPU figures. */
  pid: number | undefined;
  /** What nginx logged (warnings and errors: upstreams it gave up on, retries). */
  errorLog(): string;
  /** SIGQUIT (graceful) and wait; removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The load balancer's configuration (docs/scaling.md shows the same): round robin over the gateways,
 * WebSocket upgrade for subscriptions, keep-alive to the upstreams. `proxy_next_upstream` keeps its
 * default (`error timeout`): nginx tries the next gateway when it cannot connect or send, and never
 * passes a request that was already sent (a POST: every GraphQL request here, mutations included)
 * to another one — since nginx 1.9.13 non-idempotent requests are not retried unless
 * `non_idempotent` is named, so a mutation is never sent twice.
 */
export function nginxConfig(options: {
  dir: string;
  port: number;
  upstreams: readonly string[];
  /** Keep-alive connections to the gateways (on unless false). */
  keepalive?: boolean;
}): string {
  const { dir } = options;
  const servers = options.upstreams.map((hostPort) => `    server ${hostPort} max_fails=1 fail_timeout=5s;`);
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Upgrade for WebSocket (graphql-ws); otherwise an empty Connection header, so that the
  # connections to the gateways are kept alive.
  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' '';
  }
  upstream gateways {
${servers.join('\n')}
${options.keepalive === false ? '' : '    keepalive 64;\n'}  }
  server {
    listen 127.0.0.1:${options.port};
    # Above the gateway's own 1 MiB limit, so that the gateway answers 413 itself.
    client_max_body_size 2m;
    location / {
      proxy_pass http://gateways;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 1s;
      # Subscriptions stay open; the gateway pings every 12 s.
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

/** Starts nginx on a free loopback port in front of `upstreams` (`127.0.0.1:port` each). */
export async function startNginx(
  upstreams: readonly string[],
  options: { keepalive?: boolean } = {},
): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'dtr-nginx-'));
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let port = 0;
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, port, upstreams, ...options }));
    const proc = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let gone = false;
    exited = new Promise((resolve) => proc.once('exit', () => ((gone = true), resolve())));
    child = proc;
    try {
      await waitForPort(port, 10_000, () => gone);
      break;
    } catch (error) {
      proc.kill('SIGKILL');
      await exited;
      if (attempt >= 3) throw error;
    }
  }
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    pid: child?.pid,
    errorLog: () => {
      try {
        return readFileSync(join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const proc = child;
      if (proc !== null && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGQUIT');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
