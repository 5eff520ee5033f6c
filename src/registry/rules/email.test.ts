import { describe, expect, it } from 'vitest';
import { checkEmail } from './email.ts';
import { MANDATORY } from './require-text.ts';

const felt = 'AnvisningsEnhed/Email';

describe('checkEmail', () => {
  it('accepts ordinary addresses', () => {
    expect(checkEmail('boernehuset@kk.dk', felt)).toEqual([]);
    expect(checkEmail('leder.hansen+dtr@fredensborg.dk', felt)).toEqual([]);
    expect(checkEmail('søren@børnehave.dk', felt)).toEqual([]);
    expect(checkEmail(' info@aero.dk ', felt)).toEqual([]);
  });

  it('rejects addresses without the expected shape', () => {
    for (const bad of [
      'kk.dk',
      'a@b@kk.dk',
      '@kk.dk',
      'info@kk',
      'info@.dk',
      'info@kk..dk',
      'info@kk.',
      'in fo@kk.dk',
    ]) {
      expect(
        checkEmail(bad, felt).map((e) => e.kode),
        bad,
      ).toEqual(['EMAIL_UGYLDIG']);
    }
  });

  it('rejects two addresses in one field', () => {
    expect(checkEmail('a@kk.dk;b@kk.dk', felt).map((e) => e.kode)).toEqual(['EMAIL_UGYLDIG']);
  });

  it('names the field and the value', () => {
    expect(checkEmail('kk.dk', felt)).toEqual([
      {
        felt,
        kode: 'EMAIL_UGYLDIG',
        tekst: 'Email skal være én e-mailadresse på formen navn@domæne.dk; fik "kk.dk".',
      },
    ]);
  });

  it('accepts 132 characters and rejects 133', () => {
    const at132 = `${'a'.repeat(126)}@kk.dk`;
    expect(at132).toHaveLength(132);
    expect(checkEmail(at132, felt)).toEqual([]);
    expect(checkEmail(`a${at132}`, felt).map((e) => e.kode)).toEqual(['FELT_FOR_LANGT']);
  });

  it('is optional: absent or blank is fine unless mandatory', () => {
    expect(checkEmail(undefined, felt)).toEqual([]);
    expect(checkEmail('', felt)).toEqual([]);
    expect(checkEmail('', felt, MANDATORY).map((e) => e.kode)).toEqual(['FELT_MANGLER']);
  });
});
