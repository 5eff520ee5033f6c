import { describe, expect, it } from 'vitest';
import { basicAuthorization, parseBasicAuthorization } from './basic-credentials.ts';

describe('Basic credentials, as the gateway sends them and the register reads them', () => {
  it('reads back what it writes: UTF-8, and a colon in the password', () => {
    for (const credentials of [
      { userName: 'kommune-101', password: 'kommune-101' },
      { userName: 'Søren', password: 'æøå:with:colons' },
    ]) {
      expect(parseBasicAuthorization(basicAuthorization(credentials))).toEqual(credentials);
    }
    expect(basicAuthorization({ userName: 'admin', password: 'admin' })).toBe('Basic YWRtaW46YWRtaW4=');
  });

  it('refuses what is not well-formed Basic: null, never a guess', () => {
    for (const header of [
      undefined,
      '',
      'Bearer abc',
      'Basic',
      'Basic !!!',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
      `Basic ${Buffer.from(':empty-user').toString('base64')}`,
    ]) {
      expect(parseBasicAuthorization(header)).toBeNull();
    }
    expect(parseBasicAuthorization(`basic   ${Buffer.from('a:').toString('base64')}`)).toEqual({
      userName: 'a',
      password: '',
    });
  });
});
