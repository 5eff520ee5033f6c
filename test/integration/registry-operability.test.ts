import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { spawnRegistry } from '../helpers/spawn-registry.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

const { registry } = useTestStack({
  registry: { seed: false, authFailureLimit: { maxFailures: 3, windowMs: 60_000 } },
});

const hello = (authorization: string) =>
  httpsRequest(`${registry.url}/ExportService`, {
    method: 'POST',
    ca: registry.ca,
    headers: { authorization, 'content-type': 'text/xml' },
    body: soapEnvelope('HelloWorld'),
  });

describe('the register, operated', () => {
  it('answers /healthz without credentials and without data', async () => {
    const health = await httpsRequest(`${registry.url}/healthz`, { ca: registry.ca });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
  });

  it('refuses a client after repeated wrong passwords, with Retry-After, even with the right one', async () => {
    for (let i = 0; i < 3; i++) expect((await hello(basicAuth('admin', `guess-${i}`))).status).toBe(401);
    const blocked = await hello(basicAuth('admin', 'guess-4'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await hello(basicAuth('admin'))).status).toBe(429);
  });

  it('finishes a request in flight on SIGTERM, then exits cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-shutdown-'));
    try {
      const child = await spawnRegistry(dir);
      const inFlight = httpsRequest(`${child.url}/ExportService`, {
        method: 'POST',
        ca: child.ca,
        headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml' },
        body: soapEnvelope('GetAllDagtilbud'),
      });
      // Give the request time to arrive, then ask the register to stop while it is being answered.
      await new Promise((resolve) => setTimeout(resolve, 50));
      child.process.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.body).toContain('</GetAllDagtilbudResponse>');
      expect(await child.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
