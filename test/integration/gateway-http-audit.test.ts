import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ gateway: {} });

/**
 * The SHOULD audits the gateway fails, each explained in docs/gateway-api.md ("GraphQL over HTTP"): Apollo
 * answers a request error with 400 also to a client that accepts only `application/json`, where
 * the spec's legacy advice is 200; a new failure is a new decision to make and explain.
 */
const EXPLAINED = [
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe("graphql-http's audit suite", () => {
  it('has no MUST failure; the SHOULD failures are listed', async () => {
    const results = await auditServer({ url: gateway.url });
    const failures = results.filter((r) => r.status === 'error').map((r) => r.name);
    expect(failures).toEqual([]);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => r.name);
    expect(warnings).toEqual(EXPLAINED);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });
});
