import { describe, expect, it } from 'vitest';
import type { AdresseInput } from '../domain/import-input.ts';
import { validateAdresseFields } from './adresse-fields.ts';

const path = 'AnvisningsEnhed/Adresse';

const valid: AdresseInput = {
  vejNavn: 'Amagerfælledvej',
  husNummer: '38',
  postNummer: '2300',
  byNavn: 'København S',
  kommuneKode: '101',
};

function fakeChecks(known = true) {
  const looked: AdresseInput[] = [];
  return {
    looked,
    ctx: {
      isKnownPostNummer: (p: string): boolean => p !== '9999',
      addressExists: (a: AdresseInput): boolean => {
        looked.push(a);
        return known;
      },
    },
  };
}

describe('validateAdresseFields', () => {
  it('accepts a complete, known address with Danish letters', () => {
    const { ctx } = fakeChecks();
    expect(validateAdresseFields(valid, ctx, path)).toEqual([]);
  });

  it('accepts every optional field, padded kommunekode and comma coordinates', () => {
    const { ctx } = fakeChecks();
    const full: AdresseInput = {
      ...valid,
      etage: 'st',
      doer: 'tv',
      supplerendeBynavn: 'Islands Brygge',
      kommuneKode: '0101',
      geoBredde: '55,66446766',
      geoLaengde: '12,59414746',
      dawaId: '1b37bf64-7bcb-431b-8d1b-46cf5ba08eb6',
    };
    expect(validateAdresseFields(full, ctx, path)).toEqual([]);
  });

  it('passes the address register a trimmed address without blank fields', () => {
    const { ctx, looked } = fakeChecks();
    validateAdresseFields({ ...valid, vejNavn: ' Amagerfælledvej ', etage: '' }, ctx, path);
    expect(looked).toEqual([valid]);
  });

  it('reports every missing mandatory field with its path', () => {
    const { ctx, looked } = fakeChecks();
    const errors = validateAdresseFields({}, ctx, path);
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      [`${path}/vejNavn`, 'FELT_MANGLER'],
      [`${path}/husNummer`, 'FELT_MANGLER'],
      [`${path}/postNummer`, 'FELT_MANGLER'],
      [`${path}/byNavn`, 'FELT_MANGLER'],
      [`${path}/kommuneKode`, 'FELT_MANGLER'],
    ]);
    expect(looked).toEqual([]);
  });

  it('reports all format errors together and does not look the address up', () => {
    const { ctx, looked } = fakeChecks();
    const errors = validateAdresseFields(
      {
        vejNavn: 'v'.repeat(41),
        husNummer: '38-40',
        etage: '1234',
        doer: 'tv',
        postNummer: '9999',
        byNavn: 'København S',
        supplerendeBynavn: 'b'.repeat(35),
        kommuneKode: '102',
        geoBredde: '55.6',
        dawaId: 'nope',
      },
      ctx,
      path,
    );
    expect(errors.map((e) => [e.felt, e.kode])).toEqual([
      [`${path}/vejNavn`, 'FELT_FOR_LANGT'],
      [`${path}/husNummer`, 'FELT_FOR_LANGT'],
      [`${path}/etage`, 'FELT_FOR_LANGT'],
      [`${path}/postNummer`, 'POSTNUMMER_UKENDT'],
      [`${path}/supplerendeBynavn`, 'FELT_FOR_LANGT'],
      [`${path}/kommuneKode`, 'KOMMUNEKODE_UKENDT'],
      [`${path}/geoLaengde`, 'FELT_MANGLER'],
      [`${path}/dawaId`, 'FORMAT_UGYLDIG'],
    ]);
    expect(looked).toEqual([]);
  });

  it('accepts the widths exactly and rejects one more', () => {
    const { ctx } = fakeChecks();
    const atMax = { ...valid, vejNavn: 'æ'.repeat(40), byNavn: 'ø'.repeat(34), etage: 'k12', doer: '12AB' };
    expect(validateAdresseFields(atMax, ctx, path)).toEqual([]);
    expect(validateAdresseFields({ ...atMax, byNavn: 'ø'.repeat(35) }, ctx, path).map((e) => e.kode)).toEqual(
      ['FELT_FOR_LANGT'],
    );
  });

  it('reports a well-formed address that the register does not know', () => {
    const { ctx } = fakeChecks(false);
    expect(validateAdresseFields({ ...valid, etage: '2', doer: 'tv' }, ctx, path)).toEqual([
      {
        felt: path,
        kode: 'ADRESSE_UKENDT',
        tekst:
          'Adressen "Amagerfælledvej 38, 2. tv, 2300 København S" findes ikke i adresseregisteret (DAR); ' +
          'kontrollér vejnavn, husnummer, postnummer og kommunekode.',
      },
    ]);
  });
});
