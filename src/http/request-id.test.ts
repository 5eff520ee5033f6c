import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.ts';

describe('requestIdFrom', () => {
  it('keeps a sane client id', () => {
    expect(requestIdFrom('test-123')).toBe('test-123');
    expect(requestIdFrom('a.b:c_d-E')).toBe('a.b:c_d-E');
  });

  it('replaces a missing, repeated, overlong or unsafe id with a UUID', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom(['a', 'b'])).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(101))).toMatch(uuid);
    expect(requestIdFrom('bad id\r\nx: y')).toMatch(uuid);
    expect(requestIdFrom('')).toMatch(uuid);
  });
});
