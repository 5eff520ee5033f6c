import { beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_101, ADDRESS_751, unitFields } from '../helpers/gateway-writes.ts';
import { judgeMutations, type MutationAttempt } from '../helpers/gateway-rights-judge.ts';
import { importCaller, type ImportCaller } from '../helpers/import-client.ts';
import {
  contractAllows,
  KIND_NAMES,
  KINDS,
  MATRIX_USERS,
  matrixUserDirectory,
  type Kind,
} from '../helpers/rights-fixtures.ts';
import { createPreparer, scopeOfKind } from '../helpers/rights-prepare.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * The rights matrix through the gateway's mutations: every identity × every mutation at all three
 * levels × own, another municipality's, another owner's and closed targets. The caller's own
 * credentials reach the register, whose rights decide; docs/register.md's rights table (contractAllows)
 * says what must happen. A refusal is FORBIDDEN and leaves the records and the change sequence.
 */

let admin: ImportCaller;

const { registry, gateway } = useTestStack({ registry: { users: matrixUserDirectory() }, gateway: {} });
beforeAll(async () => {
  admin = await importCaller(registry, 'admin');
});

const { institution, addressUnder, closedInstitution, uniqueName } = createPreparer(() => admin);
const addressOf = (kind: Kind) => (kind.admKommuneKode === 101 ? ADDRESS_101 : ADDRESS_751);
const unitInput = (kind: Kind, name: string) =>
  unitFields({ name, pNumber: kind.pNumre[0], address: addressOf(kind) });

const outcomes: { allowed: boolean; committed: boolean }[] = [];

describe('every identity × every mutation × own, another municipality’s and another owner’s target', () => {
  for (const user of MATRIX_USERS) {
    for (const kindName of KIND_NAMES) {
      const kind = KINDS[kindName];
      const allowed = contractAllows(user, scopeOfKind(kind));
      it(`${user} on ${kindName}: every mutation ${allowed ? 'commits' : 'is FORBIDDEN'}`, async () => {
        const main = await institution(kind, 3);
        const [, u1 = '', u2 = '', u3 = ''] = main.units;
        const [a1, a2, a3] = [
          await addressUnder(kind, u1),
          await addressUnder(kind, u1),
          await addressUnder(kind, u1),
        ];
        const sibling = await institution(kind);
        const closable = await institution(kind);
        await admin.call('DeleteAnvisningsEnhed', { EnhedsNummer: closable.units[0] });
        const kommune = kind.admKommuneKode === 101 ? 751 : 101;
        const a = (
          mutation: MutationAttempt['mutation'],
          input: () => Record<string, unknown>,
          touches: () => string[],
          mayWrite = allowed,
        ): MutationAttempt => ({ user, mutation, allowed: mayWrite, input, touches });
        const attempts: MutationAttempt[] = [
          a(
            'createDaycareInstitution',
            () => ({
              name: uniqueName('ny'),
              ownershipCode: kind.ejerformKode,
              legalBasisCode: kind.lovgrundlagKode,
              municipalityCode: String(kind.admKommuneKode),
              firstUnit: unitInput(kind, uniqueName('første')),
            }),
            () => [],
          ),
          a(
            'updateDaycareInstitution',
            () => ({ number: main.d, name: uniqueName('navn') }),
            () => [main.d],
          ),
          a(
            'createAssignmentUnit',
            () => ({ daycareInstitutionNumber: main.d, unit: unitInput(kind, uniqueName('enhed')) }),
            () => [main.d],
          ),
          a(
            'updateAssignmentUnit',
            () => ({ number: u1, email: 'ny@example.dk' }),
            () => [u1],
          ),
          a(
            'moveAssignmentUnit',
            () => ({ number: u2, toDaycareInstitutionNumber: sibling.d }),
            () => [u2, main.d, sibling.d],
          ),
          a(
            'closeAssignmentUnit',
            () => ({ number: u3 }),
            () => [u3],
          ),
          a(
            'createAlternativeAddress',
            () => ({
              assignmentUnitNumber: u1,
              alternativeAddress: {
                name: uniqueName('adresse'),
                address: addressOf(kind),
                pNumber: kind.pNumre[1],
              },
            }),
            () => [u1],
          ),
          a(
            'updateAlternativeAddress',
            () => ({ number: a1, name: uniqueName('adresse') }),
            () => [a1],
          ),
          a(
            'moveAlternativeAddress',
            () => ({ number: a2, toAssignmentUnitNumber: sibling.units[0] }),
            () => [a2, u1, sibling.units[0] ?? ''],
          ),
          a(
            'closeAlternativeAddress',
            () => ({ number: a3 }),
            () => [a3],
          ),
          a(
            'closeDaycareInstitution',
            () => ({ number: closable.d }),
            () => [closable.d],
          ),
          a(
            'updateDaycareInstitution',
            () => ({ number: main.d, municipalityCode: String(kommune) }),
            () => [main.d],
            allowed && contractAllows(user, scopeOfKind(kind, { admKommuneKode: kommune })),
          ),
        ];
        const wrong = await judgeMutations(gateway, registry.store, attempts, {}, (o) => outcomes.push(o));
        expect(wrong).toEqual([]);
      });
    }
  }
});

describe('closed targets through GraphQL: refused for everyone, nothing changes', () => {
  for (const user of MATRIX_USERS) {
    for (const kindName of ['kommunal101', 'privat33178522'] as const) {
      it(`${user} on a closed ${kindName}`, async () => {
        const kind = KINDS[kindName];
        const closed = await closedInstitution(kind);
        const [c0 = ''] = closed.units;
        const open = await institution(kind, 1);
        const r = (
          mutation: MutationAttempt['mutation'],
          input: () => Record<string, unknown>,
          touches: () => string[],
        ): MutationAttempt => ({ user, mutation, allowed: false, refusal: 'refused', input, touches });
        const wrong = await judgeMutations(
          gateway,
          registry.store,
          [
            r(
              'updateDaycareInstitution',
              () => ({ number: closed.d, name: 'Genopstået' }),
              () => [closed.d],
            ),
            r(
              'createAssignmentUnit',
              () => ({ daycareInstitutionNumber: closed.d, unit: unitInput(kind, 'Under lukket') }),
              () => [closed.d],
            ),
            r(
              'updateAssignmentUnit',
              () => ({ number: c0, email: 'x@example.dk' }),
              () => [c0],
            ),
            r(
              'moveAssignmentUnit',
              () => ({ number: c0, toDaycareInstitutionNumber: open.d }),
              () => [c0, open.d],
            ),
            r(
              'moveAssignmentUnit',
              () => ({ number: open.units[1], toDaycareInstitutionNumber: closed.d }),
              () => [open.units[1] ?? '', closed.d],
            ),
            r(
              'createAlternativeAddress',
              () => ({
                assignmentUnitNumber: c0,
                alternativeAddress: {
                  name: 'Under lukket',
                  address: addressOf(kind),
                  pNumber: kind.pNumre[1],
                },
              }),
              () => [c0],
            ),
            r(
              'updateAlternativeAddress',
              () => ({ number: closed.address, name: 'x' }),
              () => [closed.address],
            ),
            r(
              'closeAlternativeAddress',
              () => ({ number: closed.address }),
              () => [closed.address],
            ),
          ],
          {},
          (o) => outcomes.push(o),
        );
        expect(wrong).toEqual([]);
      });
    }
  }
});

// Last: the count over everything this file tried.
describe('the GraphQL matrix as a whole', () => {
  it('has no unauthorized success', () => {
    expect(outcomes.length).toBeGreaterThan(400);
    expect(outcomes.filter((o) => !o.allowed && o.committed)).toEqual([]);
  });
});
