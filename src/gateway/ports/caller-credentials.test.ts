import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CallerCredentials } from './caller-credentials.ts';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('CallerCredentials', () => {
  it('reads a Basic header with a user name and a password', () => {
    expect(CallerCredentials.fromHeader(basic('kommune-101:kommune-101'))?.authorization()).toBe(
      basic('kommune-101:kommune-101'),
    );
    expect(CallerCredentials.fromHeader(`basic  ${Buffer.from('a:b').toString('base64')}`)).not.toBeNull();
  });

  it('knows its user name: up to the first colon (a password may hold more)', () => {
    expect(CallerCredentials.fromHeader(basic('kommune-101:a:b'))?.userName()).toBe('kommune-101');
  });

  it('none, another scheme, or no user name: null', () => {
    for (const header of [undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', basic('nocolon'), basic(':x')]) {
      expect(CallerCredentials.fromHeader(header)).toBeNull();
    }
  });

  it('never shows itself: not as JSON, not when inspected or logged', () => {
    const credentials = CallerCredentials.fromHeader(basic('admin:hemmelig'));
    const shown = [
      JSON.stringify({ credentials }),
      inspect(credentials),
      `${inspect({ credentials })}`,
    ].join();
    expect(shown).not.toMatch(/Basic|hemmelig|YWRtaW46aGVtbWVsaWc/);
  });
});
