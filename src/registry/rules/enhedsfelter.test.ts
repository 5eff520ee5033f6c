import { describe, expect, it } from 'vitest';
import type { AdresseInput } from '../domain/import-input.ts';
import { validateEnhedsfelter } from './enhedsfelter.ts';
import type { ExternalChecks } from './external-checks.ts';

const ctx: ExternalChecks = {
  isKnownPostNummer: () => true,
  isActivePNummer: (p) => p === '1003388394',
  addressExists: () => true,
};

const adresse: AdresseInput = {
  vejNavn: 'Broengen',
  husNummer: '4',
  postNummer: '2980',
  byNavn: 'Kokkedal',
  kommuneKode: '210',
};

describe('validateEnhedsfelter', () => {
  it('accepts a complete insert', () => {
    expect(
      validateEnhedsfelter(
        { Adresse: adresse, Email: 'bh@fredensborg.dk', TelefonNummer: '72 56 00 00', PNummer: '1003388394' },
        'insert',
        ctx,
        'AnvisningsEnhed',
      ),
    ).toEqual([]);
  });

  it('requires the address and the P-number on insert, not the contact fields', () => {
    expect(validateEnhedsfelter({}, 'insert', ctx, 'AnvisningsEnhed').map((e) => [e.felt, e.kode])).toEqual([
      ['AnvisningsEnhed/Adresse', 'FELT_MANGLER'],
      ['AnvisningsEnhed/PNummer', 'FELT_MANGLER'],
    ]);
  });

  it('requires nothing on update, but checks what is given', () => {
    expect(validateEnhedsfelter({}, 'update', ctx, 'AnvisningsEnhed')).toEqual([]);
    expect(
      validateEnhedsfelter({ PNummer: '', Email: 'x' }, 'update', ctx, 'AnvisningsEnhed').map((e) => [
        e.felt,
        e.kode,
      ]),
    ).toEqual([
      ['AnvisningsEnhed/Email', 'EMAIL_UGYLDIG'],
      ['AnvisningsEnhed/PNummer', 'FELT_MANGLER'],
    ]);
  });

  it('lets an update clear an optional contact field', () => {
    expect(validateEnhedsfelter({ Email: '', TelefonNummer: '' }, 'update', ctx, 'AnvisningsEnhed')).toEqual(
      [],
    );
  });

  it('checks a given address whole on update', () => {
    expect(
      validateEnhedsfelter({ Adresse: { vejNavn: 'Broengen' } }, 'update', ctx, 'AnvisningsEnhed').map(
        (e) => e.felt,
      ),
    ).toEqual([
      'AnvisningsEnhed/Adresse/husNummer',
      'AnvisningsEnhed/Adresse/postNummer',
      'AnvisningsEnhed/Adresse/byNavn',
      'AnvisningsEnhed/Adresse/kommuneKode',
    ]);
  });
});
