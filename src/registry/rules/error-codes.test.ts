import { describe, expect, it } from 'vitest';
import { RULE_ERROR_CODES } from './error-codes.ts';

describe('RULE_ERROR_CODES', () => {
  it('holds the field codes and the reserved structure and rights codes', () => {
    const codes = Object.keys(RULE_ERROR_CODES);
    for (const required of [
      'FELT_MANGLER',
      'FELT_FOR_LANGT',
      'FORMAT_UGYLDIG',
      'CVR_UGYLDIG',
      'PNUMMER_UGYLDIG',
      'EMAIL_UGYLDIG',
      'TELEFON_UGYLDIG',
      'KOMMUNEKODE_UKENDT',
      'POSTNUMMER_UGYLDIG',
      'POSTNUMMER_UKENDT',
      'KODE_UKENDT',
      'KRYDSVALIDERING',
      'PNUMMER_IKKE_AKTIV',
      'ADRESSE_UKENDT',
      'NUMMER_TILDELES_AF_REGISTERET',
      'FORAELDER_FINDES_IKKE',
      'FORAELDER_NEDLAGT',
      'HAR_AKTIVE_BOERN',
      'FLYTNING_TVAERS_AF_KOMMUNE',
      'NEDLAGT_KAN_IKKE_AENDRES',
      'FINDES_IKKE',
      'MANGLER_ANVISNINGSENHED',
      'INGEN_ADGANG',
      'SKEMA_FEJL',
    ]) {
      expect(codes).toContain(required);
    }
  });

  it('spells every code in SCREAMING_SNAKE ASCII and gives each a one-line meaning', () => {
    for (const [code, meaning] of Object.entries(RULE_ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(meaning).not.toContain('\n');
      expect(meaning.length).toBeGreaterThan(10);
    }
  });
});
