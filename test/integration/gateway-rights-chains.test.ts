import { describe, expect, it } from 'vitest';
import { ADDRESS_101, ADDRESS_751, daycareInstitutionInput, unitFields } from '../helpers/gateway-writes.ts';
import { P, REAL } from '../helpers/import-fixtures.ts';
import { judgeMutations, type MutationAttempt } from '../helpers/gateway-rights-judge.ts';
import { readBack } from '../helpers/read-back.ts';
import { OTHER_PRIVAT } from '../helpers/rights-fixtures.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * The takeover chains of issue 10 through the gateway's mutations: the caller's own credentials
 * go to the register, whose rights decide. Each step is judged on its own: an allowed one commits
 * exactly one change; a refused one answers FORBIDDEN and leaves the records it names and the
 * change sequence as they were.
 */

const { registry, gateway } = useTestStack({ gateway: {} });

const OWN = REAL.privat751; // G30306, owned by 33178522
const OWN_UNIT = REAL.privatUnit751; // G10662
const THEIRS = OTHER_PRIVAT.daginstitution; // G30303, owned by 25330390
const THEIRS_UNIT = OTHER_PRIVAT.unit; // G10664

/** Numbers later steps act on, filled in from the payloads of earlier ones. */
type Numbers = Record<string, string>;

const chain = (numbers: Numbers, steps: MutationAttempt[]) =>
  judgeMutations(gateway, registry.store, steps, numbers);

const privat = 'privat-33178522';

describe('rights chains through GraphQL mutations', () => {
  it('a unit moved into another owner’s daginstitution is refused, and gives no right there, also after closing', async () => {
    const n: Numbers = {};
    const theirs = readBack(registry.store, [THEIRS, THEIRS_UNIT]).records;
    const wrong = await chain(n, [
      {
        user: privat,
        mutation: 'createAssignmentUnit',
        allowed: true,
        input: () => ({
          daycareInstitutionNumber: OWN,
          unit: unitFields({ name: 'Trojansk hest', pNumber: P.privat33178522[0], address: ADDRESS_751 }),
        }),
        touches: () => [OWN],
        keep: ['assignmentUnit', 'unit'],
      },
      {
        user: privat,
        mutation: 'moveAssignmentUnit',
        allowed: false,
        input: () => ({ number: n.unit, toDaycareInstitutionNumber: THEIRS }),
        touches: () => [n.unit ?? '', OWN, THEIRS],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: THEIRS, name: 'Overtaget' }),
        touches: () => [THEIRS],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: THEIRS, municipalityCode: '101' }),
        touches: () => [THEIRS],
      },
      {
        user: privat,
        mutation: 'createAssignmentUnit',
        allowed: false,
        input: () => ({
          daycareInstitutionNumber: THEIRS,
          unit: unitFields({ name: 'Indtrængeren', pNumber: P.privat33178522[1], address: ADDRESS_751 }),
        }),
        touches: () => [THEIRS],
      },
      {
        user: privat,
        mutation: 'closeAssignmentUnit',
        allowed: true,
        input: () => ({ number: n.unit }),
        touches: () => [n.unit ?? ''],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: THEIRS, name: 'Overtaget' }),
        touches: () => [THEIRS],
      },
      {
        user: privat,
        mutation: 'updateAssignmentUnit',
        allowed: false,
        input: () => ({ number: THEIRS_UNIT, email: 'overtaget@example.dk' }),
        touches: () => [THEIRS_UNIT],
      },
    ]);
    expect(wrong).toEqual([]);
    expect(readBack(registry.store, [THEIRS, THEIRS_UNIT]).records).toEqual(theirs);
    // And the gateway reads it back as it was.
    const read = await gateway.query(
      `{ institution(number: "${THEIRS}") { ... on DaycareInstitution { name } } }`,
    );
    expect(read.data).toEqual({
      institution: { name: registry.store.daginstitutioner({ numre: [THEIRS] })[0]?.daginstitutionsNavn },
    });
  });

  it('a unit with its CVR put under another owner’s by admin gives the private owner nothing there', async () => {
    const n: Numbers = {};
    const wrong = await chain(n, [
      {
        user: 'admin',
        mutation: 'createAssignmentUnit',
        allowed: true,
        input: () => ({
          daycareInstitutionNumber: THEIRS,
          unit: unitFields({ name: 'Lånt enhed', pNumber: P.privat33178522[0], address: ADDRESS_751 }),
        }),
        touches: () => [THEIRS],
        keep: ['assignmentUnit', 'unit'],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: THEIRS, name: 'Overtaget' }),
        touches: () => [THEIRS],
      },
      {
        user: privat,
        mutation: 'updateAssignmentUnit',
        allowed: false,
        input: () => ({ number: n.unit, email: 'min@example.dk' }),
        touches: () => [n.unit ?? ''],
      },
      {
        user: privat,
        mutation: 'createAlternativeAddress',
        allowed: false,
        input: () => ({
          assignmentUnitNumber: n.unit,
          alternativeAddress: { name: 'Fodfæste', address: ADDRESS_751, pNumber: P.privat33178522[1] },
        }),
        touches: () => [n.unit ?? ''],
      },
      {
        user: 'admin',
        mutation: 'closeAssignmentUnit',
        allowed: true,
        input: () => ({ number: n.unit }),
        touches: () => [n.unit ?? ''],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: THEIRS, name: 'Overtaget' }),
        touches: () => [THEIRS],
      },
    ]);
    expect(wrong).toEqual([]);
  });

  it('alternative addresses move only between one’s own units', async () => {
    const n: Numbers = {};
    const wrong = await chain(n, [
      {
        user: privat,
        mutation: 'createAlternativeAddress',
        allowed: true,
        input: () => ({
          assignmentUnitNumber: OWN_UNIT,
          alternativeAddress: { name: 'Udflytteren', address: ADDRESS_751, pNumber: P.privat33178522[1] },
        }),
        touches: () => [OWN_UNIT],
        keep: ['alternativeAddress', 'address'],
      },
      {
        user: privat,
        mutation: 'moveAlternativeAddress',
        allowed: false,
        input: () => ({ number: n.address, toAssignmentUnitNumber: THEIRS_UNIT }),
        touches: () => [n.address ?? '', OWN_UNIT, THEIRS_UNIT],
      },
      {
        user: privat,
        mutation: 'createAssignmentUnit',
        allowed: true,
        input: () => ({
          daycareInstitutionNumber: OWN,
          unit: unitFields({ name: 'Højvang 2', pNumber: P.privat33178522[2], address: ADDRESS_751 }),
        }),
        touches: () => [OWN],
        keep: ['assignmentUnit', 'second'],
      },
      {
        user: privat,
        mutation: 'moveAlternativeAddress',
        allowed: true,
        input: () => ({ number: n.address, toAssignmentUnitNumber: n.second }),
        touches: () => [n.address ?? ''],
      },
      {
        user: privat,
        mutation: 'updateAlternativeAddress',
        allowed: true,
        input: () => ({ number: n.address, name: 'Udflytteren 2' }),
        touches: () => [n.address ?? ''],
      },
      {
        user: 'kommune-101',
        mutation: 'closeAlternativeAddress',
        allowed: false,
        input: () => ({ number: n.address }),
        touches: () => [n.address ?? ''],
      },
    ]);
    expect(wrong).toEqual([]);
  });

  it('a municipality keeps its institution within its own rights: no other municipality, no private ownership', async () => {
    const n: Numbers = {};
    const wrong = await chain(n, [
      {
        user: 'kommune-101',
        mutation: 'createDaycareInstitution',
        allowed: true,
        input: () => daycareInstitutionInput({ firstUnit: unitFields({ address: ADDRESS_101 }) }),
        touches: () => [],
        keep: ['daycareInstitution', 'd'],
      },
      {
        user: 'kommune-101',
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: n.d, municipalityCode: '751' }),
        touches: () => [n.d ?? ''],
      },
      {
        user: 'kommune-101',
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: n.d, ownershipCode: 3, legalBasisCode: 4 }),
        touches: () => [n.d ?? ''],
      },
      {
        user: 'kommune-101',
        mutation: 'updateDaycareInstitution',
        allowed: true,
        input: () => ({ number: n.d, ownershipCode: 2, legalBasisCode: 2 }),
        touches: () => [n.d ?? ''],
      },
      {
        user: privat,
        mutation: 'updateDaycareInstitution',
        allowed: false,
        input: () => ({ number: n.d, name: 'Min nu?' }),
        touches: () => [n.d ?? ''],
      },
      {
        user: 'kommune-101',
        mutation: 'updateDaycareInstitution',
        allowed: true,
        input: () => ({ number: n.d, name: 'Selvejende nu' }),
        touches: () => [n.d ?? ''],
      },
    ]);
    expect(wrong).toEqual([]);
  });
});
