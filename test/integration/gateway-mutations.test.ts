import { describe, expect, it, vi } from 'vitest';
import {
  ADDRESS_101,
  ADDRESS_751,
  daycareInstitutionInput,
  M,
  unitFields,
} from '../helpers/gateway-writes.ts';
import { KOEBENHAVN_CVR, P, REAL } from '../helpers/import-fixtures.ts';
import type { GraphqlResponse } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;
type UserErrors = { field: string[]; code: string; message: string }[];

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
// A TTL far longer than the file: whatever a query sees after a write, eviction made it so.
const { registry, gateway } = useTestStack({
  registry: { changeFeed: false },
  gateway: { env: { CACHE_TTL_MS: String(3600_000) } },
});

const kommune = { user: 'kommune-101' };
const admin = { user: 'admin' };

/** Runs a mutation that must answer without GraphQL errors; returns its payload. */
const mutate = async <T = Rec>(
  name: keyof typeof M,
  input: Rec,
  as: { user: string } = kommune,
): Promise<T & { userErrors: UserErrors }> => {
  const response = await gateway.query<Record<string, T & { userErrors: UserErrors }>>(
    M[name],
    { input },
    as,
  );
  expect(response.errors).toBeUndefined();
  const payload = response.data?.[name];
  if (payload === undefined) throw new Error(`no payload for ${name}`);
  return payload;
};
/** Runs a mutation that must be made; returns its payload. */
const made = async <T = Rec>(name: keyof typeof M, input: Rec, as: { user: string } = kommune) => {
  const payload = await mutate<T>(name, input, as);
  expect(payload.userErrors).toEqual([]);
  return payload;
};
const read = async <T = Rec>(query: string, variables?: Rec): Promise<T> => {
  const response: GraphqlResponse<T> = await gateway.query<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
};

describe('a municipality maintains its institution through GraphQL', () => {
  it('creates with a first unit, adds, moves, updates and closes, each payload read back', async () => {
    const created = await made<{ daycareInstitution: Rec; assignmentUnit: Rec }>(
      'createDaycareInstitution',
      daycareInstitutionInput(),
    );
    const number = created.daycareInstitution.number as string;
    const first = created.assignmentUnit.number as string;
    expect(created.daycareInstitution).toMatchObject({
      name: 'Børnehuset Æblehaven',
      status: 'ACTIVE',
      ownership: { code: 1 },
      legalBasis: { code: 1 },
      administeringMunicipality: { code: 101 },
    });
    // The register fills in the CVR from the P-number.
    expect(created.assignmentUnit).toMatchObject({
      name: 'Æblehaven',
      status: 'ACTIVE',
      cvrNumber: KOEBENHAVN_CVR,
      pNumber: P.koebenhavn[0],
      email: 'aeblehaven@kk.dk',
      institutionType: { code: 6012 },
      address: { street: 'Tyborøn Allé', postalCode: '2720', municipality: { code: 101 } },
      daycareInstitution: { number },
    });

    const second = await made<{ assignmentUnit: Rec }>('createAssignmentUnit', {
      daycareInstitutionNumber: number,
      unit: unitFields({ name: 'Æblehaven Nord', institutionTypeCode: 6010, pNumber: P.koebenhavn[1] }),
    });
    const secondNumber = second.assignmentUnit.number as string;
    expect(second.assignmentUnit).toMatchObject({
      daycareInstitution: { number },
      institutionType: { code: 6010 },
    });

    const moved = await made<Rec>('moveAssignmentUnit', {
      number: secondNumber,
      toDaycareInstitutionNumber: REAL.kommunal101,
    });
    expect(moved).toMatchObject({
      assignmentUnit: { number: secondNumber, daycareInstitution: { number: REAL.kommunal101 } },
      daycareInstitution: { number: REAL.kommunal101 },
      previousDaycareInstitution: { number },
    });

    const updated = await made<{ assignmentUnit: Rec }>('updateAssignmentUnit', {
      number: first,
      email: 'ny@kk.dk',
      phone: '+4533663366',
    });
    // Only the fields sent change.
    expect(updated.assignmentUnit).toMatchObject({
      email: 'ny@kk.dk',
      phone: '+4533663366',
      name: 'Æblehaven',
    });

    const renamed = await made<{ daycareInstitution: Rec }>('updateDaycareInstitution', {
      number,
      name: 'Børnehuset Æblehaven og Pæretræet',
    });
    expect(renamed.daycareInstitution).toMatchObject({
      name: 'Børnehuset Æblehaven og Pæretræet',
      ownership: { code: 1 },
    });

    const alternative = await made<{ alternativeAddress: Rec }>('createAlternativeAddress', {
      assignmentUnitNumber: first,
      alternativeAddress: { name: 'Udflytterhaven', address: ADDRESS_101, pNumber: P.koebenhavn[2] },
    });
    const alternativeNumber = alternative.alternativeAddress.number as string;
    expect(alternative.alternativeAddress).toMatchObject({
      name: 'Udflytterhaven',
      cvrNumber: KOEBENHAVN_CVR,
      assignmentUnit: { number: first },
    });
    const movedAlternative = await made<Rec>('moveAlternativeAddress', {
      number: alternativeNumber,
      toAssignmentUnitNumber: secondNumber,
    });
    expect(movedAlternative).toMatchObject({
      alternativeAddress: { assignmentUnit: { number: secondNumber } },
      assignmentUnit: { number: secondNumber },
      previousAssignmentUnit: { number: first },
    });
    const renamedAlternative = await made<{ alternativeAddress: Rec }>('updateAlternativeAddress', {
      number: alternativeNumber,
      name: 'Skovbørnehaven',
    });
    expect(renamedAlternative.alternativeAddress).toMatchObject({
      name: 'Skovbørnehaven',
      pNumber: P.koebenhavn[2],
    });

    // Children close first: the register does not cascade.
    const tooEarly = await mutate('closeDaycareInstitution', { number });
    expect(tooEarly).toMatchObject({ daycareInstitution: null });
    expect(tooEarly.userErrors).toEqual([
      {
        field: ['input', 'number'],
        code: 'HAR_AKTIVE_BOERN',
        message: expect.stringContaining(first) as string,
      },
    ]);
    const closedAlternative = await made<{ alternativeAddress: Rec }>('closeAlternativeAddress', {
      number: alternativeNumber,
    });
    expect(closedAlternative.alternativeAddress).toMatchObject({
      status: 'CLOSED',
      closedAt: expect.any(String),
    });
    const closedUnit = await made<{ assignmentUnit: Rec }>('closeAssignmentUnit', { number: first });
    expect(closedUnit.assignmentUnit).toMatchObject({ status: 'CLOSED' });
    const closed = await made<{ daycareInstitution: Rec }>('closeDaycareInstitution', { number });
    expect(closed.daycareInstitution).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });

    // The register has what the payloads said.
    expect(registry.store.daginstitutioner({ numre: [number] })[0]).toMatchObject({
      daginstitutionsNavn: 'Børnehuset Æblehaven og Pæretræet',
      aktivitetsstatus: 'Nedlagt',
    });
    expect(registry.store.anvisningsenheder({ numre: [secondNumber] })[0]).toMatchObject({
      daginstitutionsNummer: REAL.kommunal101,
    });
  });

  it('accepts a padded municipality code and coordinates', async () => {
    const created = await made<{ assignmentUnit: Rec }>('createAssignmentUnit', {
      daycareInstitutionNumber: REAL.kommunal101,
      unit: unitFields({
        name: 'Med koordinater',
        pNumber: P.koebenhavn[2],
        address: { ...ADDRESS_101, municipalityCode: '0101', latitude: 55.6872, longitude: 12.4895 },
      }),
    });
    expect(created.assignmentUnit).toMatchObject({ address: { municipality: { code: 101 } } });
    const location = await read<{ institution: { address: { location: Rec } } }>(
      `query($n: InstitutionNumber!) { institution(number: $n) { ... on AssignmentUnit { address { location { latitude longitude } } } } }`,
      { n: created.assignmentUnit.number },
    );
    expect(location.institution.address.location).toEqual({ latitude: 55.6872, longitude: 12.4895 });
  });
});

describe('every error of the register is a userError with its code, text and input path', () => {
  it('reports every error of both records at once, and changes nothing', async () => {
    const before = registry.store.changeSequence();
    const payload = await mutate('createDaycareInstitution', {
      ...daycareInstitutionInput({ name: 'x'.repeat(133) }),
      firstUnit: unitFields({
        name: '',
        address: { ...ADDRESS_101, postalCode: '0001' },
        pNumber: P.koebenhavnOphoert,
        phone: '12',
      }),
    });
    expect(payload).toMatchObject({ daycareInstitution: null, assignmentUnit: null });
    const byField = Object.fromEntries(payload.userErrors.map((e) => [e.field.join('.'), e.code]));
    expect(byField).toMatchObject({
      'input.name': 'FELT_FOR_LANGT',
      'input.firstUnit.name': 'FELT_MANGLER',
      'input.firstUnit.address.postalCode': 'POSTNUMMER_UKENDT',
      'input.firstUnit.pNumber': 'PNUMMER_IKKE_AKTIV',
      'input.firstUnit.phone': 'TELEFON_UGYLDIG',
    });
    for (const error of payload.userErrors) expect(error.message).toMatch(/[a-zæøå]{3,}.*\./i);
    expect(registry.store.changeSequence()).toBe(before);
  });

  it.each([
    [
      'an address DAR does not know',
      'createAssignmentUnit',
      () => ({
        daycareInstitutionNumber: REAL.kommunal101,
        unit: unitFields({ address: { ...ADDRESS_101, houseNumber: '999' } }),
      }),
      ['input', 'unit', 'address'],
      'ADRESSE_UKENDT',
    ],
    [
      'a house number of the wrong shape',
      'createAssignmentUnit',
      () => ({
        daycareInstitutionNumber: REAL.kommunal101,
        unit: unitFields({ address: { ...ADDRESS_101, houseNumber: 'A1' } }),
      }),
      ['input', 'unit', 'address', 'houseNumber'],
      'FORMAT_UGYLDIG',
    ],
    [
      'an unlawful ownership × legal basis',
      'createDaycareInstitution',
      () => daycareInstitutionInput({ legalBasisCode: 4 }),
      ['input', 'ownershipCode'],
      'KRYDSVALIDERING',
    ],
    [
      'a unit type its daginstitution does not allow',
      'createAssignmentUnit',
      () => ({ daycareInstitutionNumber: REAL.dagpleje101, unit: unitFields() }),
      ['input', 'unit', 'institutionTypeCode'],
      'KRYDSVALIDERING',
    ],
    [
      'a parent that does not exist',
      'createAssignmentUnit',
      () => ({ daycareInstitutionNumber: 'G99998', unit: unitFields() }),
      ['input', 'daycareInstitutionNumber'],
      'FORAELDER_FINDES_IKKE',
    ],
    [
      'an update of what does not exist',
      'updateAssignmentUnit',
      () => ({ number: 'G99998', email: 'a@b.dk' }),
      ['input', 'number'],
      'FINDES_IKKE',
    ],
    [
      'a close of a daginstitution with active units',
      'closeDaycareInstitution',
      () => ({ number: REAL.kommunal101 }),
      ['input', 'number'],
      'HAR_AKTIVE_BOERN',
    ],
    [
      'a move to a parent that is not a daginstitution',
      'moveAssignmentUnit',
      () => ({ number: 'G10432', toDaycareInstitutionNumber: 'G10432' }),
      ['input', 'toDaycareInstitutionNumber'],
      'FORAELDER_FINDES_IKKE',
    ],
    [
      'a move of an alternative address that does not exist',
      'moveAlternativeAddress',
      () => ({ number: 'G99997', toAssignmentUnitNumber: 'G10432' }),
      ['input', 'number'],
      'FINDES_IKKE',
    ],
    [
      'a code not in the register’s code table (the gateway then sends the write as a dry run only)',
      'createAssignmentUnit',
      () => ({
        daycareInstitutionNumber: REAL.kommunal101,
        unit: unitFields({ institutionTypeCode: 7000 }),
      }),
      ['input', 'unit', 'institutionTypeCode'],
      'KODE_UKENDT',
    ],
  ] as const)('%s', async (_, name, input, field, code) => {
    const before = registry.store.changeSequence();
    gateway.metrics.reset();
    const payload = await mutate(name, input(), admin);
    expect(payload.userErrors).toContainEqual({ field, code, message: expect.any(String) as string });
    expect(registry.store.changeSequence()).toBe(before);
    if (code === 'KODE_UKENDT') {
      // An unknown code never reaches the register as a write: only as its dry run, which collects
      // the register's other errors (gateway-validate-only.test.ts).
      expect(Object.keys(gateway.metrics.byOperation()).filter((op) => !op.startsWith('Get'))).toEqual([
        name === 'createAssignmentUnit' ? 'InsertAnvisningsEnhed' : 'UpdateDaginstitution',
      ]);
    }
  });

  it('a code that is not a number is refused by its type (Int), before any call', async () => {
    gateway.metrics.reset();
    const response = await gateway.query(
      M.updateDaycareInstitution,
      { input: { number: REAL.kommunal101, ownershipCode: 'kommunal' } },
      admin,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateway.metrics.total()).toBe(0);
  });

  it('moves across municipalities, moves of a last unit, and changes of a closed record', async () => {
    const created = await made<{ daycareInstitution: Rec; assignmentUnit: Rec }>(
      'createDaycareInstitution',
      daycareInstitutionInput(),
      admin,
    );
    const lastUnit = created.assignmentUnit.number as string;
    const across = await mutate(
      'moveAssignmentUnit',
      { number: lastUnit, toDaycareInstitutionNumber: REAL.privat751 },
      admin,
    );
    expect(across.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual(
      expect.arrayContaining([
        ['input.toDaycareInstitutionNumber', 'FLYTNING_TVAERS_AF_KOMMUNE'],
        ['input.number', 'MANGLER_ANVISNINGSENHED'],
      ]),
    );
    await made('closeAssignmentUnit', { number: lastUnit }, admin);
    const closedAgain = await mutate('updateAssignmentUnit', { number: lastUnit, name: 'Genopstået' }, admin);
    expect(closedAgain.userErrors).toEqual([
      { field: ['input', 'number'], code: 'NEDLAGT_KAN_IKKE_AENDRES', message: expect.any(String) as string },
    ]);
    const underClosed = await mutate(
      'createAlternativeAddress',
      {
        assignmentUnitNumber: lastUnit,
        alternativeAddress: { name: 'Lokalitet', address: ADDRESS_101, pNumber: P.koebenhavn[2] },
      },
      admin,
    );
    expect(underClosed.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.assignmentUnitNumber', 'FORAELDER_NEDLAGT'],
    ]);
  });
});

describe('after a write, the next query from anyone sees it (TTL 1 h)', () => {
  const UNITS_OF = `query($n: InstitutionNumber!) { institution(number: $n) { ... on DaycareInstitution {
    units(first: 500) { totalCount edges { node { number email } } } } } }`;
  const BY_CVR = `{ assignmentUnits(first: 1, filter: { cvrNumber: "33178522" }) { totalCount } }`;
  const UNIT_EMAIL = `query($n: InstitutionNumber!) { institution(number: $n) { number ... on AssignmentUnit { email } } }`;

  it('a changed record, a new child and a filter that now holds it; a number that was unknown', async () => {
    // Warm the cache as an anonymous reader (the gateway's own identity).
    const unitsBefore = await read<{ institution: { units: { totalCount: number } } }>(UNITS_OF, {
      n: REAL.privat751,
    });
    const byCvrBefore = await read<{ assignmentUnits: { totalCount: number } }>(BY_CVR);
    expect(
      (await read<{ institution: Rec }>(UNIT_EMAIL, { n: REAL.privatUnit751 })).institution.email,
    ).toBeNull();
    // The next number the register will issue, asked before it exists: remembered as missing.
    const probe = await made<{ assignmentUnit: Rec }>('createAssignmentUnit', {
      daycareInstitutionNumber: REAL.kommunal101,
      unit: unitFields({ name: 'Pejling' }),
    });
    const next = `G${Number((probe.assignmentUnit.number as string).slice(1)) + 1}`;
    expect((await read<{ institution: unknown }>(UNIT_EMAIL, { n: next })).institution).toBeNull();
    gateway.metrics.reset();
    expect((await read<{ institution: unknown }>(UNIT_EMAIL, { n: next })).institution).toBeNull();
    expect(gateway.metrics.total()).toBe(0);

    const privat = { user: 'privat-33178522' };
    await made('updateAssignmentUnit', { number: REAL.privatUnit751, email: 'kontakt@hoejvang.dk' }, privat);
    const added = await made<{ assignmentUnit: Rec }>(
      'createAssignmentUnit',
      {
        daycareInstitutionNumber: REAL.privat751,
        unit: unitFields({ name: 'Højvang 2', address: ADDRESS_751, pNumber: P.privat33178522[0] }),
      },
      privat,
    );
    expect(added.assignmentUnit.number).toBe(next);

    expect((await read<{ institution: Rec }>(UNIT_EMAIL, { n: REAL.privatUnit751 })).institution.email).toBe(
      'kontakt@hoejvang.dk',
    );
    const unitsAfter = await read<{ institution: { units: { totalCount: number; edges: { node: Rec }[] } } }>(
      UNITS_OF,
      { n: REAL.privat751 },
    );
    expect(unitsAfter.institution.units.totalCount).toBe(unitsBefore.institution.units.totalCount + 1);
    expect(unitsAfter.institution.units.edges).toContainEqual({
      node: { number: REAL.privatUnit751, email: 'kontakt@hoejvang.dk' },
    });
    expect((await read<{ assignmentUnits: { totalCount: number } }>(BY_CVR)).assignmentUnits.totalCount).toBe(
      byCvrBefore.assignmentUnits.totalCount + 1,
    );
    expect((await read<{ institution: Rec }>(UNIT_EMAIL, { n: next })).institution).toEqual({
      number: next,
      email: 'aeblehaven@kk.dk',
    });
  });

  it('a refused or rejected write evicts nothing and changes nothing', async () => {
    await read(UNITS_OF, { n: REAL.privat751 });
    const unitBefore = await read<{ institution: Rec }>(UNIT_EMAIL, { n: REAL.privatUnit751 });
    const deletes = vi.spyOn(gateway.cache, 'delete');
    const clears = vi.spyOn(gateway.cache, 'clear');
    const listKey = 'list:GetAnvisningsEnhederByDaginstitutionsnummer:' + REAL.privat751;
    const recordKey = `record:AssignmentUnit:${REAL.privatUnit751}`;
    const cachedList = gateway.cache.get(listKey);
    const cachedRecord = gateway.cache.get(recordKey);
    expect(cachedRecord).toBeDefined();
    const sequence = registry.store.changeSequence();
    const storedUnit = registry.store.anvisningsenheder({ numre: [REAL.privatUnit751] })[0];
    try {
      const refused = await gateway.query(
        M.updateAssignmentUnit,
        { input: { number: REAL.privatUnit751, email: 'hacked@example.dk' } },
        { user: 'kommune-101' },
      );
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(refused.data).toBeNull();
      const rejected = await mutate(
        'updateAssignmentUnit',
        { number: REAL.privatUnit751, phone: '12' },
        admin,
      );
      expect(rejected.userErrors.map((e) => e.code)).toEqual(['TELEFON_UGYLDIG']);
      expect(deletes).not.toHaveBeenCalled();
      expect(clears).not.toHaveBeenCalled();
    } finally {
      deletes.mockRestore();
      clears.mockRestore();
    }
    expect(gateway.cache.get(listKey)).toBe(cachedList);
    expect(gateway.cache.get(recordKey)).toBe(cachedRecord);
    // Nor the response cache: the same question is still answered whole.
    const answeredWhole = gateway.responseCache?.report().hits ?? Number.NaN;
    expect(await read(UNIT_EMAIL, { n: REAL.privatUnit751 })).toEqual(unitBefore);
    expect(gateway.responseCache?.report().hits).toBe(answeredWhole + 1);
    expect(registry.store.changeSequence()).toBe(sequence);
    expect(registry.store.anvisningsenheder({ numre: [REAL.privatUnit751] })[0]).toEqual(storedUnit);
  });

  it('a mutation’s response is never cacheable', async () => {
    const response = await gateway.query(
      M.updateDaycareInstitution,
      { input: { number: REAL.kommunal101, name: 'Dagtilbud København' } },
      kommune,
    );
    expect(response.errors).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
