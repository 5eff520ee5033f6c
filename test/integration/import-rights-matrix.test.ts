import { beforeAll, describe, expect, it } from 'vitest';
import { importCaller, type ImportCaller, type Svar } from '../helpers/import-client.ts';
import { P } from '../helpers/import-fixtures.ts';
import { judgeAttempts, type Attempt, type Outcome } from '../helpers/rights-judge.ts';
import { createPreparer, scopeOfKind } from '../helpers/rights-prepare.ts';
import {
  contractAllows,
  KIND_NAMES,
  KINDS,
  MATRIX_USERS,
  matrixUserDirectory,
  newAddress,
  newInstitution,
  newUnit,
  P_OTHER_PRIVAT,
  type Kind,
  type KindName,
  type MatrixUser,
} from '../helpers/rights-fixtures.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * The rights matrix over SOAP: every identity kind × every write at all three levels × every kind
 * of target (own, another municipality's, another owner's, closed). What is allowed comes from the
 * docs/register.md's rights table (contractAllows), not from the register's code. Every refusal must be
 * INGEN_ADGANG and leave the records and the change sequence as they were; every allowed write
 * must commit.
 */

const callers = new Map<MatrixUser, ImportCaller>();
let admin: ImportCaller;

const { registry } = useTestStack({ registry: { users: matrixUserDirectory() } });
beforeAll(async () => {
  for (const user of MATRIX_USERS) callers.set(user, await importCaller(registry, user));
  admin = as('admin');
});

function as(user: MatrixUser): ImportCaller {
  const caller = callers.get(user);
  if (caller === undefined) throw new Error(user);
  return caller;
}

const scope = scopeOfKind;
const { prepared, institution, unitUnder, addressUnder, uniqueName } = createPreparer(() => admin);

/** Every outcome of this file, for the count of unauthorized successes at the end. */
const outcomes: (Outcome & { label: string })[] = [];

const judge = (label: string, attempts: Attempt[], refusalCodes?: string[]) =>
  judgeAttempts(registry.store, attempts, {
    ...(refusalCodes === undefined ? {} : { refusalCodes }),
    onOutcome: (outcome) => outcomes.push({ ...outcome, label }),
  });

/** The other municipality of the matrix, and an ejerform each kind may be changed to. */
const otherKommune = (kind: Kind) => (kind.admKommuneKode === 101 ? 751 : 101);
const otherEjerform = (kind: Kind) =>
  kind.ejerformKode === 2 ? { ejerformKode: 1, lovgrundlagKode: 1 } : { ejerformKode: 2, lovgrundlagKode: 2 };
/** A P-number of a CVR other than the kind's owner's, a private one. */
const foreignPNummer = (kind: Kind) =>
  kind.ejerCvrNummer === '33178522'
    ? { p: P_OTHER_PRIVAT[2], cvr: '25330390' }
    : { p: P.privat33178522[2], cvr: '33178522' };
const mayUsePNummer = (user: MatrixUser, cvr: string) =>
  !user.startsWith('privat-') || user === `privat-${cvr}`;

describe('every identity × every write × own, another municipality’s and another owner’s target', () => {
  for (const user of MATRIX_USERS) {
    for (const kindName of KIND_NAMES) {
      const kind = KINDS[kindName];
      const allowed = contractAllows(user, scope(kind));
      it(`${user} on ${kindName}: every write ${allowed ? 'commits' : 'is refused'}`, async () => {
        const caller = as(user);
        // Made by admin: the records each write acts on, one each, so the writes do not interfere.
        const main = await institution(kind, 3);
        const [u0 = '', u1 = '', u2 = '', u3 = ''] = main.units;
        const [a1, a2, a3, a4] = [
          await addressUnder(kind, u1),
          await addressUnder(kind, u1),
          await addressUnder(kind, u1),
          await addressUnder(kind, u0),
        ];
        const sibling = await institution(kind);
        const [v0 = ''] = sibling.units;
        const closable = await institution(kind);
        await prepared('DeleteAnvisningsEnhed', { EnhedsNummer: closable.units[0] });
        const ejerform = otherEjerform(kind);
        const kommune = otherKommune(kind);
        const foreign = foreignPNummer(kind);
        const insertName = uniqueName('ny institution');

        const attempts: Attempt[] = [
          {
            write: 'InsertDaginstitution',
            touches: [],
            allowed,
            run: async () => {
              const svar = await caller.call('InsertDaginstitution', newInstitution(kind, insertName));
              // Nothing named it beforehand: a refusal must leave no daginstitution of that name.
              if (svar.status !== 'OK')
                expect(registry.store.daginstitutioner({ navnIndeholder: insertName })).toEqual([]);
              return svar;
            },
          },
          {
            write: 'UpdateDaginstitution (name)',
            touches: [main.d],
            allowed,
            run: () =>
              caller.call('UpdateDaginstitution', {
                Daginstitution: {
                  daginstitutionsNummer: main.d,
                  daginstitutionsNavn: uniqueName('nyt navn'),
                },
              }),
          },
          {
            write: 'InsertAnvisningsEnhed',
            touches: [main.d],
            allowed,
            run: () =>
              caller.call('InsertAnvisningsEnhed', {
                AnvisningsEnhed: { DagInstitutionsNummer: main.d, ...newUnit(kind, uniqueName('enhed')) },
              }),
          },
          {
            write: `InsertAnvisningsEnhed with a P-number of CVR ${foreign.cvr}`,
            touches: [main.d],
            allowed: allowed && mayUsePNummer(user, foreign.cvr),
            run: () =>
              caller.call('InsertAnvisningsEnhed', {
                AnvisningsEnhed: {
                  DagInstitutionsNummer: main.d,
                  ...newUnit(kind, uniqueName('fremmed enhed'), { PNummer: foreign.p }),
                },
              }),
          },
          {
            write: 'UpdateAnvisningsEnhed',
            touches: [u1],
            allowed,
            run: () =>
              caller.call('UpdateAnvisningsEnhed', {
                AnvisningsEnhed: { EnhedsNummer: u1, Email: `ny${u1.toLowerCase()}@example.dk` },
              }),
          },
          {
            write: 'MoveAnvisningsEnhed (to a daginstitution of the same kind)',
            touches: [u2, main.d, sibling.d],
            allowed,
            run: () =>
              caller.call('MoveAnvisningsEnhed', { EnhedsNummer: u2, DagInstitutionsNummer: sibling.d }),
          },
          {
            write: 'DeleteAnvisningsEnhed',
            touches: [u3],
            allowed,
            run: () => caller.call('DeleteAnvisningsEnhed', { EnhedsNummer: u3 }),
          },
          {
            write: 'InsertAlternativAdresse',
            touches: [u1],
            allowed,
            run: () =>
              caller.call('InsertAlternativAdresse', {
                AlternativAdresse: newAddress(kind, u1, uniqueName('adresse')),
              }),
          },
          {
            write: `InsertAlternativAdresse with a P-number of CVR ${foreign.cvr}`,
            touches: [u0],
            allowed: allowed && mayUsePNummer(user, foreign.cvr),
            run: () =>
              caller.call('InsertAlternativAdresse', {
                AlternativAdresse: newAddress(kind, u0, uniqueName('fremmed adresse'), foreign.p),
              }),
          },
          {
            write: `UpdateAnvisningsEnhed to a P-number of CVR ${foreign.cvr}`,
            touches: [u0],
            allowed: allowed && mayUsePNummer(user, foreign.cvr),
            run: () =>
              caller.call('UpdateAnvisningsEnhed', {
                AnvisningsEnhed: { EnhedsNummer: u0, PNummer: foreign.p },
              }),
          },
          {
            write: `UpdateAlternativAdresse to a P-number of CVR ${foreign.cvr}`,
            touches: [a4],
            allowed: allowed && mayUsePNummer(user, foreign.cvr),
            run: () =>
              caller.call('UpdateAlternativAdresse', {
                AlternativAdresse: { AlternativAdresseNummer: a4, PNummer: foreign.p },
              }),
          },
          {
            write: 'UpdateAlternativAdresse',
            touches: [a1],
            allowed,
            run: () =>
              caller.call('UpdateAlternativAdresse', {
                AlternativAdresse: { AlternativAdresseNummer: a1, Navn: uniqueName('adresse') },
              }),
          },
          {
            write: 'MoveAlternativAdresse (to a unit of the same kind)',
            touches: [a2, u1, v0],
            allowed,
            run: () =>
              caller.call('MoveAlternativAdresse', { AlternativAdresseNummer: a2, EnhedsNummer: v0 }),
          },
          {
            write: 'DeleteAlternativAdresse',
            touches: [a3],
            allowed,
            run: () => caller.call('DeleteAlternativAdresse', { AlternativAdresseNummer: a3 }),
          },
          {
            write: 'DeleteDaginstitution',
            touches: [closable.d],
            allowed,
            run: () => caller.call('DeleteDaginstitution', { DagInstitutionsNummer: closable.d }),
          },
          {
            write: `UpdateDaginstitution (ejerform to ${ejerform.ejerformKode})`,
            touches: [sibling.d],
            allowed: allowed && contractAllows(user, scope(kind, { ejerformKode: ejerform.ejerformKode })),
            run: () =>
              caller.call('UpdateDaginstitution', {
                Daginstitution: {
                  daginstitutionsNummer: sibling.d,
                  ejerformKode: String(ejerform.ejerformKode),
                  lovgrundlagKode: String(ejerform.lovgrundlagKode),
                },
              }),
          },
          {
            write: `UpdateDaginstitution (municipality to ${kommune})`,
            touches: [main.d],
            allowed: allowed && contractAllows(user, scope(kind, { admKommuneKode: kommune })),
            run: () =>
              caller.call('UpdateDaginstitution', {
                Daginstitution: { daginstitutionsNummer: main.d, admKommuneKode: String(kommune) },
              }),
          },
        ];
        expect(await judge(`${user} on ${kindName}`, attempts)).toEqual([]);
      });
    }
  }
});

describe('moves between kinds need the right where the record leaves and where it goes', () => {
  // One daginstitution per kind, made by admin; its first unit stays, so it never runs empty.
  const homes = {} as Record<KindName, { d: string; units: string[] }>;
  beforeAll(async () => {
    for (const kindName of KIND_NAMES) homes[kindName] = await institution(KINDS[kindName]);
  });
  // Within one municipality (moves across municipalities are refused for everyone).
  const pairs = KIND_NAMES.flatMap((from) =>
    KIND_NAMES.filter((to) => to !== from && KINDS[to].admKommuneKode === KINDS[from].admKommuneKode).map(
      (to) => [from, to] as const,
    ),
  );

  for (const user of MATRIX_USERS) {
    it(`${user}: units and addresses between ${pairs.length} pairs of kinds`, async () => {
      const attempts: Attempt[] = [];
      for (const [from, to] of pairs) {
        const allowed = contractAllows(user, scope(KINDS[from])) && contractAllows(user, scope(KINDS[to]));
        const unit = await unitUnder(KINDS[from], homes[from].d);
        const address = await addressUnder(KINDS[from], homes[from].units[0] ?? '');
        const target = homes[to];
        attempts.push(
          {
            write: `MoveAnvisningsEnhed ${from} → ${to}`,
            touches: [unit, homes[from].d, target.d],
            allowed,
            run: () =>
              as(user).call('MoveAnvisningsEnhed', { EnhedsNummer: unit, DagInstitutionsNummer: target.d }),
          },
          {
            write: `MoveAlternativAdresse ${from} → ${to}`,
            touches: [address, homes[from].units[0] ?? '', target.units[0] ?? ''],
            allowed,
            run: () =>
              as(user).call('MoveAlternativAdresse', {
                AlternativAdresseNummer: address,
                EnhedsNummer: target.units[0],
              }),
          },
        );
      }
      expect(await judge(`${user} between kinds`, attempts)).toEqual([]);
    });
  }
});

describe('closed records: nobody changes them, nor writes under them', () => {
  for (const user of MATRIX_USERS) {
    for (const kindName of ['kommunal101', 'privat33178522', 'privat25330390'] as const) {
      it(`${user} on a closed ${kindName}: every write is refused`, async () => {
        const kind = KINDS[kindName];
        const caller = as(user);
        const open = await institution(kind, 1);
        const [o0 = '', o1 = ''] = open.units;
        const openAddress = await addressUnder(kind, o0);
        const closed = await institution(kind, 1);
        const [c0 = '', c1 = ''] = closed.units;
        const closedAddress = await addressUnder(kind, c0);
        await prepared('DeleteAlternativAdresse', { AlternativAdresseNummer: closedAddress });
        await prepared('DeleteAnvisningsEnhed', { EnhedsNummer: c0 });
        await prepared('DeleteAnvisningsEnhed', { EnhedsNummer: c1 });
        await prepared('DeleteDaginstitution', { DagInstitutionsNummer: closed.d });

        const no = (write: string, touches: string[], run: () => Promise<Svar>): Attempt => ({
          write,
          touches,
          allowed: false,
          run,
        });
        const attempts: Attempt[] = [
          no('UpdateDaginstitution', [closed.d], () =>
            caller.call('UpdateDaginstitution', {
              Daginstitution: {
                daginstitutionsNummer: closed.d,
                daginstitutionsNavn: uniqueName('genopstået'),
              },
            }),
          ),
          no('DeleteDaginstitution', [closed.d], () =>
            caller.call('DeleteDaginstitution', { DagInstitutionsNummer: closed.d }),
          ),
          no('InsertAnvisningsEnhed', [closed.d], () =>
            caller.call('InsertAnvisningsEnhed', {
              AnvisningsEnhed: { DagInstitutionsNummer: closed.d, ...newUnit(kind, uniqueName('enhed')) },
            }),
          ),
          no('UpdateAnvisningsEnhed', [c0], () =>
            caller.call('UpdateAnvisningsEnhed', {
              AnvisningsEnhed: { EnhedsNummer: c0, Email: 'x@example.dk' },
            }),
          ),
          no('DeleteAnvisningsEnhed', [c0], () => caller.call('DeleteAnvisningsEnhed', { EnhedsNummer: c0 })),
          no('MoveAnvisningsEnhed (a closed unit out)', [c0, open.d], () =>
            caller.call('MoveAnvisningsEnhed', { EnhedsNummer: c0, DagInstitutionsNummer: open.d }),
          ),
          no('MoveAnvisningsEnhed (into a closed daginstitution)', [o1, closed.d], () =>
            caller.call('MoveAnvisningsEnhed', { EnhedsNummer: o1, DagInstitutionsNummer: closed.d }),
          ),
          no('InsertAlternativAdresse (under a closed unit)', [c0], () =>
            caller.call('InsertAlternativAdresse', {
              AlternativAdresse: newAddress(kind, c0, uniqueName('adresse')),
            }),
          ),
          no('UpdateAlternativAdresse', [closedAddress], () =>
            caller.call('UpdateAlternativAdresse', {
              AlternativAdresse: { AlternativAdresseNummer: closedAddress, Navn: 'x' },
            }),
          ),
          no('DeleteAlternativAdresse', [closedAddress], () =>
            caller.call('DeleteAlternativAdresse', { AlternativAdresseNummer: closedAddress }),
          ),
          no('MoveAlternativAdresse (a closed address out)', [closedAddress, o0], () =>
            caller.call('MoveAlternativAdresse', {
              AlternativAdresseNummer: closedAddress,
              EnhedsNummer: o0,
            }),
          ),
          no('MoveAlternativAdresse (under a closed unit)', [openAddress, c0], () =>
            caller.call('MoveAlternativAdresse', { AlternativAdresseNummer: openAddress, EnhedsNummer: c0 }),
          ),
        ];
        // The identities with the right hear why (closed); the others may hear INGEN_ADGANG first.
        const why = ['NEDLAGT_KAN_IKKE_AENDRES', 'FORAELDER_NEDLAGT'];
        const refusals = contractAllows(user, scope(kind)) ? why : [...why, 'INGEN_ADGANG'];
        expect(await judge(`${user} on closed ${kindName}`, attempts, refusals)).toEqual([]);
      });
    }
  }
});

// Last: the count over everything this file tried.
describe('the matrix as a whole', () => {
  it('has no unauthorized success, and every allowed write went through', () => {
    const unauthorized = outcomes.filter((o) => !o.allowed && o.status === 'OK');
    const refusedAllowed = outcomes.filter((o) => o.allowed && o.status !== 'OK');
    expect(outcomes.length).toBeGreaterThan(500);
    expect(outcomes.filter((o) => !o.allowed).length).toBeGreaterThan(300);
    expect({ unauthorized, refusedAllowed }).toEqual({ unauthorized: [], refusedAllowed: [] });
  });
});
