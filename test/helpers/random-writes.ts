import type { ImportCaller, Svar } from './import-client.ts';
import { ADRESSE_101, daginstitution, P, REAL, unit } from './import-fixtures.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same writes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a run of random writes did. */
export interface RandomWriteReport {
  byOperation: Record<string, { ok: number; refused: number }>;
  /** The highest aendringsSekvens an OK answer gave. */
  lastSequence: number;
}

/**
 * Random ImportService writes of every kind at every level, in København (101) as admin, with
 * some refused on purpose (a malformed phone number, a caller without the right) and some refused
 * by the register's own rules (closing a parent with active children, moving a last unit,
 * changing a closed record). The numbers it acts on are those it created plus two real
 * daginstitutioner, so that the rest of the register stays as the seed has it.
 */
export async function runRandomWrites(
  callers: { admin: ImportCaller; outsider: ImportCaller },
  count: number,
  random: () => number,
): Promise<RandomWriteReport> {
  const daycare: string[] = [REAL.kommunal101, REAL.dagpleje101];
  const units: string[] = [];
  const alternatives: string[] = [];
  const report: RandomWriteReport = { byOperation: {}, lastSequence: 0 };
  const pick = (list: readonly string[]): string | undefined => list[Math.floor(random() * list.length)];
  const pNumber = () => P.koebenhavn[Math.floor(random() * P.koebenhavn.length)];
  const note = (operation: string, svar: Svar) => {
    const entry = (report.byOperation[operation] ??= { ok: 0, refused: 0 });
    if (svar.status === 'OK') {
      entry.ok += 1;
      report.lastSequence = Math.max(report.lastSequence, svar.aendringsSekvens ?? 0);
    } else entry.refused += 1;
    return svar;
  };
  const call = async (operation: string, args: object, as: ImportCaller = callers.admin) =>
    note(operation, await as.call(operation, args));

  for (let i = 0; i < count; i++) {
    const r = random();
    const n = i + 1;
    if (r < 0.1 || units.length === 0) {
      const svar = await call('InsertDaginstitution', {
        Daginstitution: daginstitution({ daginstitutionsNavn: `Tilfældig ${n}` }),
        AnvisningsEnhed: unit({ EnhedsNavn: `Første ${n}`, PNummer: pNumber() }),
      });
      if (svar.nummer !== undefined) daycare.push(svar.nummer);
      if (svar.anvisningsenhedsNummer !== undefined) units.push(svar.anvisningsenhedsNummer);
    } else if (r < 0.2) {
      const svar = await call('InsertAnvisningsEnhed', {
        AnvisningsEnhed: unit({
          DagInstitutionsNummer: pick(daycare),
          EnhedsNavn: `Enhed ${n}`,
          PNummer: pNumber(),
        }),
      });
      if (svar.status === 'OK' && svar.nummer !== undefined) units.push(svar.nummer);
    } else if (r < 0.3) {
      const svar = await call('InsertAlternativAdresse', {
        AlternativAdresse: {
          EnhedsNummer: pick(units),
          Navn: `Lokalitet ${n}`,
          Adresse: ADRESSE_101,
          PNummer: pNumber(),
        },
      });
      if (svar.status === 'OK' && svar.nummer !== undefined) alternatives.push(svar.nummer);
    } else if (r < 0.4) {
      await call('UpdateDaginstitution', {
        Daginstitution: {
          daginstitutionsNummer: pick(daycare.slice(2)) ?? daycare[0],
          daginstitutionsNavn: `Omdøbt ${n}`,
        },
      });
    } else if (r < 0.55) {
      // One in four is refused: a phone number of the wrong shape.
      const phone = random() < 0.25 ? '12' : `33 ${String(10 + (n % 89))} 00 ${String(10 + (n % 89))}`;
      await call('UpdateAnvisningsEnhed', {
        AnvisningsEnhed: { EnhedsNummer: pick(units), TelefonNummer: phone },
      });
    } else if (r < 0.62) {
      await call('UpdateAlternativAdresse', {
        AlternativAdresse: {
          AlternativAdresseNummer: pick(alternatives) ?? 'G99999',
          Navn: `Ny lokalitet ${n}`,
        },
      });
    } else if (r < 0.7) {
      await call('MoveAnvisningsEnhed', { EnhedsNummer: pick(units), DagInstitutionsNummer: pick(daycare) });
    } else if (r < 0.76) {
      await call('MoveAlternativAdresse', {
        AlternativAdresseNummer: pick(alternatives) ?? 'G99999',
        EnhedsNummer: pick(units),
      });
    } else if (r < 0.82) {
      await call('DeleteAlternativAdresse', { AlternativAdresseNummer: pick(alternatives) ?? 'G99999' });
    } else if (r < 0.88) {
      await call('DeleteAnvisningsEnhed', { EnhedsNummer: pick(units) });
    } else if (r < 0.93) {
      await call('DeleteDaginstitution', { DagInstitutionsNummer: pick(daycare.slice(2)) ?? daycare[0] });
    } else {
      // Refused for rights: a private owner may not touch a municipality's institution.
      await call(
        'UpdateAnvisningsEnhed',
        { AnvisningsEnhed: { EnhedsNummer: pick(units), Email: 'ude@example.dk' } },
        callers.outsider,
      );
    }
  }
  return report;
}
