import { beforeAll, describe, expect, it } from 'vitest';
import { importCaller, type ImportCaller, type Svar } from '../helpers/import-client.ts';
import { ADRESSE_101, P, REAL } from '../helpers/import-fixtures.ts';
import { readBack } from '../helpers/read-back.ts';
import {
  KINDS,
  MATRIX_USERS,
  matrixUserDirectory,
  newAddress,
  newInstitution,
  newUnit,
  OTHER_PRIVAT,
  P_OTHER_PRIVAT,
  type MatrixUser,
} from '../helpers/rights-fixtures.ts';
import { judgeAttempts, type Attempt } from '../helpers/rights-judge.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * Chains of writes over SOAP, each step by whoever an attacker or a maintainer would be, each
 * judged on its own (a refusal leaves everything it names and the change sequence as it was).
 * The first chains are the attacks of issue 10: a private owner taking over another owner's
 * daginstitution by moving, inserting or being given a unit with its CVR.
 */

const callers = new Map<MatrixUser, ImportCaller>();

const { registry } = useTestStack({ registry: { users: matrixUserDirectory() } });
beforeAll(async () => {
  for (const user of MATRIX_USERS) callers.set(user, await importCaller(registry, user));
});

const call = (user: MatrixUser, operation: string, args: object): Promise<Svar> => {
  const caller = callers.get(user);
  if (caller === undefined) throw new Error(user);
  return caller.call(operation, args);
};

/** Numbers that later steps of a chain act on, filled in by earlier steps. */
type Numbers = Record<string, string>;

/** A step that keeps the number its write issued under `key`. */
const keeping =
  (numbers: Numbers, key: string, run: () => Promise<Svar>, unitKey?: string) => async (): Promise<Svar> => {
    const svar = await run();
    if (svar.nummer !== undefined) numbers[key] = svar.nummer;
    if (unitKey !== undefined && svar.anvisningsenhedsNummer !== undefined) {
      numbers[unitKey] = svar.anvisningsenhedsNummer;
    }
    return svar;
  };

const step = (
  user: MatrixUser,
  write: string,
  allowed: boolean,
  touches: () => string[],
  run: () => Promise<Svar>,
): Attempt & { touchesOf: () => string[] } => ({
  write: `${user}: ${write}`,
  allowed,
  touches: [],
  touchesOf: touches,
  run,
});

/** Judges the steps in order; `touches` are read when the step runs (its numbers exist by then). */
async function chain(steps: ReturnType<typeof step>[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const s of steps) {
    wrong.push(...(await judgeAttempts(registry.store, [{ ...s, touches: s.touchesOf() }])));
  }
  return wrong;
}

const privat = KINDS.privat33178522;
const other = KINDS.privat25330390;
const OWN = REAL.privat751; // G30306, owned by 33178522, Aarhus
const THEIRS = OTHER_PRIVAT.daginstitution; // G30303, owned by 25330390, Aarhus
const rename = (d: string, navn: string) => ({
  Daginstitution: { daginstitutionsNummer: d, daginstitutionsNavn: navn },
});

describe('chains of writes: a private owner cannot take over another owner’s daginstitution', () => {
  it('insert a unit under one’s own, move it to another owner’s, then write there: refused, also after closing it', async () => {
    const n: Numbers = {};
    const theirsBefore = readBack(registry.store, [THEIRS, OTHER_PRIVAT.unit]).records;
    const wrong = await chain([
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed under its own',
        true,
        () => [OWN],
        keeping(n, 'unit', () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: OWN, ...newUnit(privat, 'Trojansk hest') },
          }),
        ),
      ),
      step(
        'privat-33178522',
        'MoveAnvisningsEnhed into the other owner’s',
        false,
        () => [n.unit ?? '', OWN, THEIRS],
        () =>
          call('privat-33178522', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: THEIRS,
          }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s name',
        false,
        () => [THEIRS],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(THEIRS, 'Overtaget')),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s municipality',
        false,
        () => [THEIRS],
        () =>
          call('privat-33178522', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: THEIRS, admKommuneKode: '101' },
          }),
      ),
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed under the other’s',
        false,
        () => [THEIRS],
        () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: THEIRS, ...newUnit(privat, 'Indtrængeren') },
          }),
      ),
      step(
        'privat-33178522',
        'DeleteAnvisningsEnhed its own unit',
        true,
        () => [n.unit ?? ''],
        () => call('privat-33178522', 'DeleteAnvisningsEnhed', { EnhedsNummer: n.unit }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s name, after closing',
        false,
        () => [THEIRS],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(THEIRS, 'Overtaget')),
      ),
      step(
        'privat-33178522',
        'UpdateAnvisningsEnhed the other’s unit',
        false,
        () => [OTHER_PRIVAT.unit],
        () =>
          call('privat-33178522', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: OTHER_PRIVAT.unit, Email: 'overtaget@example.dk' },
          }),
      ),
    ]);
    expect(wrong).toEqual([]);
    expect(readBack(registry.store, [THEIRS, OTHER_PRIVAT.unit]).records).toEqual(theirsBefore);
  });

  it('across municipalities: move one’s own institution’s municipality, then move units to another owner’s: refused', async () => {
    const n: Numbers = {};
    const privat101 = { ...privat, admKommuneKode: 101, adresse: ADRESSE_101 };
    const wrong = await chain([
      step(
        'privat-33178522',
        'InsertDaginstitution in 101',
        true,
        () => [],
        keeping(
          n,
          'd',
          () =>
            call('privat-33178522', 'InsertDaginstitution', newInstitution(privat101, 'Højvang København')),
          'first',
        ),
      ),
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed',
        true,
        () => [n.d ?? ''],
        keeping(n, 'unit', () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: n.d, ...newUnit(privat101, 'Højvang København 2') },
          }),
        ),
      ),
      step(
        'privat-33178522',
        'InsertAlternativAdresse',
        true,
        () => [n.unit ?? ''],
        keeping(n, 'address', () =>
          call('privat-33178522', 'InsertAlternativAdresse', {
            AlternativAdresse: newAddress(privat101, n.unit ?? '', 'Udflytteren'),
          }),
        ),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution its own to 751',
        true,
        () => [n.d ?? ''],
        () =>
          call('privat-33178522', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, admKommuneKode: '751' },
          }),
      ),
      step(
        'privat-33178522',
        'MoveAnvisningsEnhed into the other owner’s in 751',
        false,
        () => [n.unit ?? '', n.d ?? '', THEIRS],
        () =>
          call('privat-33178522', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: THEIRS,
          }),
      ),
      step(
        'privat-33178522',
        'MoveAlternativAdresse under the other owner’s unit',
        false,
        () => [n.address ?? '', n.unit ?? '', OTHER_PRIVAT.unit],
        () =>
          call('privat-33178522', 'MoveAlternativAdresse', {
            AlternativAdresseNummer: n.address,
            EnhedsNummer: OTHER_PRIVAT.unit,
          }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s',
        false,
        () => [THEIRS],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(THEIRS, 'Overtaget')),
      ),
      step(
        'privat-33178522',
        'MoveAnvisningsEnhed into its own G30306 (same owner, same municipality)',
        true,
        () => [n.unit ?? '', n.d ?? '', OWN],
        () =>
          call('privat-33178522', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: OWN,
          }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution its own back to 101',
        true,
        () => [n.d ?? ''],
        () =>
          call('privat-33178522', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, admKommuneKode: '101' },
          }),
      ),
      step(
        'privat-33178522',
        'MoveAnvisningsEnhed from G30306 into another owner’s in 101 (G29402)',
        false,
        () => [n.unit ?? '', OWN, 'G29402'],
        () =>
          call('privat-33178522', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: 'G29402',
          }),
      ),
    ]);
    expect(wrong).toEqual([]);
  });

  it('a unit with its CVR put under another owner’s (by admin) gives the private owner no right there, open or closed', async () => {
    const n: Numbers = {};
    const wrong = await chain([
      step(
        'admin',
        'InsertAnvisningsEnhed with a 33178522 P-number under the other owner’s',
        true,
        () => [THEIRS],
        keeping(n, 'unit', () =>
          call('admin', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: {
              DagInstitutionsNummer: THEIRS,
              ...newUnit(other, 'Lånt enhed', { PNummer: P.privat33178522[0] }),
            },
          }),
        ),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s',
        false,
        () => [THEIRS],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(THEIRS, 'Overtaget')),
      ),
      step(
        'privat-33178522',
        'UpdateAnvisningsEnhed the unit with its CVR',
        false,
        () => [n.unit ?? ''],
        () =>
          call('privat-33178522', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, Email: 'min@example.dk' },
          }),
      ),
      step(
        'privat-33178522',
        'InsertAlternativAdresse under it',
        false,
        () => [n.unit ?? ''],
        () =>
          call('privat-33178522', 'InsertAlternativAdresse', {
            AlternativAdresse: newAddress(privat, n.unit ?? '', 'Fodfæste', P.privat33178522[1]),
          }),
      ),
      step(
        'privat-33178522',
        'MoveAnvisningsEnhed it into its own G30306',
        false,
        () => [n.unit ?? '', THEIRS, OWN],
        () =>
          call('privat-33178522', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: OWN,
          }),
      ),
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed under the other’s',
        false,
        () => [THEIRS],
        () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: THEIRS, ...newUnit(privat, 'Indtrængeren') },
          }),
      ),
      step(
        'admin',
        'DeleteAnvisningsEnhed it',
        true,
        () => [n.unit ?? ''],
        () => call('admin', 'DeleteAnvisningsEnhed', { EnhedsNummer: n.unit }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution the other’s, the unit closed',
        false,
        () => [THEIRS],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(THEIRS, 'Overtaget')),
      ),
      step(
        'privat-25330390',
        'UpdateDaginstitution its own',
        true,
        () => [THEIRS],
        () => call('privat-25330390', 'UpdateDaginstitution', rename(THEIRS, 'Stadig vores')),
      ),
    ]);
    expect(wrong).toEqual([]);
  });

  it('a private owner cannot put another owner’s P-numbers under its institution', async () => {
    const n: Numbers = {};
    const wrong = await chain([
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed with a 25330390 P-number',
        false,
        () => [OWN],
        () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: {
              DagInstitutionsNummer: OWN,
              ...newUnit(privat, 'Lånt', { PNummer: P_OTHER_PRIVAT[0] }),
            },
          }),
      ),
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed with its own P-number',
        true,
        () => [OWN],
        keeping(n, 'unit', () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: OWN, ...newUnit(privat, 'Egen') },
          }),
        ),
      ),
      step(
        'privat-33178522',
        'UpdateAnvisningsEnhed to a 25330390 P-number',
        false,
        () => [n.unit ?? ''],
        () =>
          call('privat-33178522', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, PNummer: P_OTHER_PRIVAT[1] },
          }),
      ),
      step(
        'privat-33178522',
        'InsertAlternativAdresse with a 25330390 P-number',
        false,
        () => [n.unit ?? ''],
        () =>
          call('privat-33178522', 'InsertAlternativAdresse', {
            AlternativAdresse: newAddress(privat, n.unit ?? '', 'Lånt adresse', P_OTHER_PRIVAT[2]),
          }),
      ),
      step(
        'privat-33178522',
        'UpdateAnvisningsEnhed its e-mail',
        true,
        () => [n.unit ?? ''],
        () =>
          call('privat-33178522', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, Email: 'egen@example.dk' },
          }),
      ),
      step(
        'privat-25330390',
        'UpdateAnvisningsEnhed the other owner’s unit',
        false,
        () => [n.unit ?? ''],
        () =>
          call('privat-25330390', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, Email: 'fremmed@example.dk' },
          }),
      ),
    ]);
    expect(wrong).toEqual([]);
  });
});

describe('chains of writes: changes of ownership and of municipality', () => {
  it('a selvejende institution becomes private: only admin crosses over, then only its owner writes it', async () => {
    const n: Numbers = {};
    // Its first unit's P-number is 33178522's: the selvejende institution's own CVR, its owner.
    const selvejende = { ...KINDS.selvejende101, pNumre: P.privat33178522 };
    const toPrivat = { ejerformKode: '3', lovgrundlagKode: '4' };
    const wrong = await chain([
      step(
        'kommune-101',
        'InsertDaginstitution selvejende',
        true,
        () => [],
        keeping(n, 'd', () =>
          call('kommune-101', 'InsertDaginstitution', newInstitution(selvejende, 'Selvejet')),
        ),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution (not private yet)',
        false,
        () => [n.d ?? ''],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(n.d ?? '', 'For tidligt')),
      ),
      step(
        'kommune-101',
        'UpdateDaginstitution to privat',
        false,
        () => [n.d ?? ''],
        () =>
          call('kommune-101', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, ...toPrivat },
          }),
      ),
      step(
        'admin',
        'UpdateDaginstitution to privat',
        true,
        () => [n.d ?? ''],
        () =>
          call('admin', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, ...toPrivat },
          }),
      ),
      step(
        'kommune-101',
        'UpdateDaginstitution (now private)',
        false,
        () => [n.d ?? ''],
        () => call('kommune-101', 'UpdateDaginstitution', rename(n.d ?? '', 'Stadig kommunens?')),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution (now its own)',
        true,
        () => [n.d ?? ''],
        () => call('privat-33178522', 'UpdateDaginstitution', rename(n.d ?? '', 'Privat nu')),
      ),
      step(
        'privat-33178522',
        'InsertAnvisningsEnhed under it',
        true,
        () => [n.d ?? ''],
        () =>
          call('privat-33178522', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: n.d, ...newUnit(selvejende, 'Ny privat enhed') },
          }),
      ),
      step(
        'privat-33178522',
        'UpdateDaginstitution back to selvejende',
        false,
        () => [n.d ?? ''],
        () =>
          call('privat-33178522', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, ejerformKode: '2', lovgrundlagKode: '2' },
          }),
      ),
      step(
        'privat-25330390',
        'UpdateDaginstitution (another owner)',
        false,
        () => [n.d ?? ''],
        () => call('privat-25330390', 'UpdateDaginstitution', rename(n.d ?? '', 'Vores?')),
      ),
    ]);
    expect(wrong).toEqual([]);
  });

  it('a municipal institution handed to another municipality: the old one loses it, the new one gains it', async () => {
    const n: Numbers = {};
    const aarhus = KINDS.kommunal751;
    const wrong = await chain([
      step(
        'kommune-101',
        'InsertDaginstitution',
        true,
        () => [],
        keeping(n, 'd', () =>
          call('kommune-101', 'InsertDaginstitution', newInstitution(KINDS.kommunal101, 'Flyttes')),
        ),
      ),
      step(
        'kommune-101',
        'InsertAnvisningsEnhed',
        true,
        () => [n.d ?? ''],
        keeping(n, 'unit', () =>
          call('kommune-101', 'InsertAnvisningsEnhed', {
            AnvisningsEnhed: { DagInstitutionsNummer: n.d, ...newUnit(KINDS.kommunal101, 'Flyttes 2') },
          }),
        ),
      ),
      step(
        'kommune-101',
        'UpdateDaginstitution to 751',
        false,
        () => [n.d ?? ''],
        () =>
          call('kommune-101', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, admKommuneKode: '751' },
          }),
      ),
      step(
        'kommune-751',
        'UpdateDaginstitution to 751 (not its own yet)',
        false,
        () => [n.d ?? ''],
        () =>
          call('kommune-751', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, admKommuneKode: '751' },
          }),
      ),
      step(
        'admin',
        'UpdateDaginstitution to 751',
        true,
        () => [n.d ?? ''],
        () =>
          call('admin', 'UpdateDaginstitution', {
            Daginstitution: { daginstitutionsNummer: n.d, admKommuneKode: '751' },
          }),
      ),
      step(
        'kommune-101',
        'UpdateAnvisningsEnhed',
        false,
        () => [n.unit ?? ''],
        () =>
          call('kommune-101', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, Email: 'kk@example.dk' },
          }),
      ),
      step(
        'kommune-751',
        'UpdateAnvisningsEnhed',
        true,
        () => [n.unit ?? ''],
        () =>
          call('kommune-751', 'UpdateAnvisningsEnhed', {
            AnvisningsEnhed: { EnhedsNummer: n.unit, Email: 'aarhus@example.dk' },
          }),
      ),
      step(
        'admin',
        'InsertDaginstitution kommunal in 751',
        true,
        () => [],
        keeping(n, 'aarhus', () =>
          call('admin', 'InsertDaginstitution', newInstitution(aarhus, 'Aarhus-modtager')),
        ),
      ),
      step(
        'kommune-101',
        'MoveAnvisningsEnhed to 751’s',
        false,
        () => [n.unit ?? '', n.d ?? '', n.aarhus ?? ''],
        () =>
          call('kommune-101', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: n.aarhus,
          }),
      ),
      step(
        'kommune-751',
        'MoveAnvisningsEnhed to its other institution',
        true,
        () => [n.unit ?? '', n.d ?? '', n.aarhus ?? ''],
        () =>
          call('kommune-751', 'MoveAnvisningsEnhed', {
            EnhedsNummer: n.unit,
            DagInstitutionsNummer: n.aarhus,
          }),
      ),
      step(
        'kommune-751',
        'MoveAnvisningsEnhed into a private institution in 751',
        false,
        () => [n.unit ?? '', n.aarhus ?? '', OWN],
        () =>
          call('kommune-751', 'MoveAnvisningsEnhed', { EnhedsNummer: n.unit, DagInstitutionsNummer: OWN }),
      ),
    ]);
    expect(wrong).toEqual([]);
  });
});
