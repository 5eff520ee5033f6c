import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ registry: { seed: false }, gateway: {} });

const at = (path: string) => fetch(new URL(path, gateway.url));

describe('the gateway, operated', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await at('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await at('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', ready: true });
  });

  it('counts GraphQL operations by name and outcome, with durations, at /metrics', async () => {
    await gateway.query('query Probe { __typename }');
    await gateway.query('query Broken { nope }');
    const metrics = await (await at('/metrics')).text();
    expect(metrics).toMatch(/gateway_graphql_operations_total\{operation="Probe",outcome="ok"\} 1/);
    expect(metrics).toMatch(/gateway_graphql_operations_total\{operation="Broken",outcome="error"\} 1/);
    expect(metrics).toMatch(
      /gateway_graphql_operation_duration_seconds_count\{operation="Probe",outcome="ok"\} 1/,
    );
    expect(metrics).toContain('process_resident_memory_bytes');
  });
});
