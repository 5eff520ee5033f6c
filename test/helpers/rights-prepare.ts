import { expect } from 'vitest';
import { codes, type ImportCaller, type Svar } from './import-client.ts';
import { newAddress, newInstitution, newUnit, type ContractScope, type Kind } from './rights-fixtures.ts';

/** The contract scope of a kind, with changes. */
export const scopeOfKind = (kind: Kind, change: Partial<ContractScope> = {}): ContractScope => ({
  ejerformKode: kind.ejerformKode,
  admKommuneKode: kind.admKommuneKode,
  ejerCvrNummer: kind.ejerCvrNummer,
  ...change,
});

/** Records made by admin over SOAP for the identities to act on; every such write must succeed. */
export function createPreparer(admin: () => ImportCaller) {
  let serial = 0;
  const uniqueName = (what: string) => `Matrix ${what} ${++serial}`;
  const number = (svar: Svar): string => svar.nummer ?? '';

  const prepared = async (operation: string, args: object): Promise<Svar> => {
    const svar = await admin().call(operation, args);
    expect({ operation, status: svar.status, codes: codes(svar) }).toEqual({
      operation,
      status: 'OK',
      codes: [],
    });
    return svar;
  };
  const unitUnder = async (kind: Kind, d: string): Promise<string> =>
    number(
      await prepared('InsertAnvisningsEnhed', {
        AnvisningsEnhed: { DagInstitutionsNummer: d, ...newUnit(kind, uniqueName('enhed')) },
      }),
    );
  const addressUnder = async (kind: Kind, unit: string): Promise<string> =>
    number(
      await prepared('InsertAlternativAdresse', {
        AlternativAdresse: newAddress(kind, unit, uniqueName('adresse')),
      }),
    );
  /** A daginstitution of `kind` with its first unit and `more` further units. */
  const institution = async (kind: Kind, more = 0): Promise<{ d: string; units: string[] }> => {
    const created = await prepared('InsertDaginstitution', newInstitution(kind, uniqueName('institution')));
    const units = [created.anvisningsenhedsNummer ?? ''];
    for (let i = 0; i < more; i++) units.push(await unitUnder(kind, number(created)));
    return { d: number(created), units };
  };
  /** A closed daginstitution of `kind` with two closed units and a closed address under the first. */
  const closedInstitution = async (kind: Kind) => {
    const made = await institution(kind, 1);
    const [c0 = '', c1 = ''] = made.units;
    const address = await addressUnder(kind, c0);
    await prepared('DeleteAlternativAdresse', { AlternativAdresseNummer: address });
    await prepared('DeleteAnvisningsEnhed', { EnhedsNummer: c0 });
    await prepared('DeleteAnvisningsEnhed', { EnhedsNummer: c1 });
    await prepared('DeleteDaginstitution', { DagInstitutionsNummer: made.d });
    return { d: made.d, units: made.units, address };
  };
  return { prepared, institution, unitUnder, addressUnder, closedInstitution, uniqueName };
}
