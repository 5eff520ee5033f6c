import { describe, expect, it } from 'vitest';
import { ADDRESS_101, M, unitFields } from '../helpers/gateway-writes.ts';
import { REAL } from '../helpers/import-fixtures.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * Text kept exactly through GraphQL: a lone surrogate (which JSON can carry and UTF-8 cannot) is
 * refused before any write, naming the field; a name is sent composed and reads back exactly.
 */

const { registry, gateway } = useTestStack({ gateway: {} });

const kommune = { user: 'kommune-101' };
const READ_BACK = `query($n: InstitutionNumber!) { institution(number: $n) { number name
  ... on AssignmentUnit { address { street } } } }`;

type Created = { createAssignmentUnit: { assignmentUnit: { number: string; name: string } | null } };

describe('gateway: text', () => {
  it.each([
    ['the name', { name: 'Æble\ud800haven' }, 'input.unit.name'],
    [
      'the street',
      { address: { ...ADDRESS_101, street: 'Tyborøn \udc00Allé' } },
      'input.unit.address.street',
    ],
    ['the phone', { phone: '33 66\ud83d' }, 'input.unit.phone'],
  ])('refuses a lone surrogate in %s with BAD_USER_INPUT naming the field', async (_what, fields, path) => {
    const before = registry.store.changeSequence();
    const response = await gateway.query(
      M.createAssignmentUnit,
      { input: { daycareInstitutionNumber: REAL.kommunal101, unit: unitFields(fields) } },
      kommune,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain(`"${path}"`);
    expect(response.errors?.[0]?.message).toContain('lone surrogate');
    expect(registry.store.changeSequence()).toBe(before);
  });

  it('stores a decomposed name composed and reads it back exactly', async () => {
    const name = 'Åbyhøj Børnehus 🌳';
    const street = ADDRESS_101.street;
    const created = await gateway.query<Created>(
      M.createAssignmentUnit,
      {
        input: {
          daycareInstitutionNumber: REAL.kommunal101,
          unit: unitFields({
            name: name.normalize('NFD'),
            address: { ...ADDRESS_101, street: street.normalize('NFD') },
          }),
        },
      },
      kommune,
    );
    expect(created.errors).toBeUndefined();
    const unit = created.data?.createAssignmentUnit.assignmentUnit;
    expect(unit?.name).toBe(name);
    const number = unit?.number ?? '';
    expect(registry.store.anvisningsenheder({ numre: [number] })[0]).toMatchObject({
      enhedsNavn: name,
      adresse: { vejNavn: street },
    });

    const read = await gateway.query<{ institution: { name: string; address: { street: string } } }>(
      READ_BACK,
      {
        n: number,
      },
    );
    expect(read.data?.institution).toMatchObject({ name, address: { street } });
    expect(JSON.stringify(read.data)).toContain(name);
  });
});
