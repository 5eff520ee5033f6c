import { describe, expect, it } from 'vitest';
import { ADDRESS_101, daycareInstitutionInput, unitFields } from '../helpers/gateway-writes.ts';
import { P, REAL } from '../helpers/import-fixtures.ts';
import { importCaller } from '../helpers/import-client.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type UserErrors = { field: string[]; code: string; message: string }[];
type Rec = Record<string, unknown>;

const { registry, gateway } = useTestStack({ gateway: {} });

const kommune = { user: 'kommune-101' };

const CREATE = `mutation($input: CreateDaycareInstitutionInput!, $validateOnly: Boolean!) {
  createDaycareInstitution(input: $input, validateOnly: $validateOnly) {
    daycareInstitution { number } assignmentUnit { number } userErrors { field code message } } }`;
const UPDATE_UNIT = `mutation($input: UpdateAssignmentUnitInput!, $validateOnly: Boolean!) {
  updateAssignmentUnit(input: $input, validateOnly: $validateOnly) {
    assignmentUnit { number email } userErrors { field code message } } }`;
const CLOSE = `mutation($input: CloseInput!) {
  closeDaycareInstitution(input: $input, validateOnly: true) { daycareInstitution { number } userErrors { code } } }`;

/** What the register holds: its last change and its daginstitutioner. */
const registerState = () => ({
  sequence: registry.store.changeSequence(),
  daginstitutioner: registry.store.daginstitutioner().length,
  enheder: registry.store.anvisningsenheder().length,
});

const run = async (query: string, variables: Rec, as: { user: string } = kommune) => {
  const response = await gateway.query<Record<string, Rec & { userErrors: UserErrors }>>(
    query,
    variables,
    as,
  );
  return response;
};

describe('validateOnly: a dry run of any write', () => {
  it('answers no errors for a valid create and commits nothing: no number issued, no change recorded', async () => {
    const before = registerState();
    const response = await run(CREATE, { input: daycareInstitutionInput(), validateOnly: true });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createDaycareInstitution).toEqual({
      daycareInstitution: null,
      assignmentUnit: null,
      userErrors: [],
    });
    expect(registerState()).toEqual(before);
    // The same input written for real is made: the dry run judged what the write does.
    const made = await run(CREATE, { input: daycareInstitutionInput(), validateOnly: false });
    expect(made.data?.createDaycareInstitution?.userErrors).toEqual([]);
    expect(registerState().daginstitutioner).toBe(before.daginstitutioner + 1);
  });

  it("returns every error the register finds in one answer, the gateway's unknown code among them", async () => {
    const before = registerState();
    const input = daycareInstitutionInput({
      legalBasisCode: 77,
      firstUnit: unitFields({
        institutionTypeCode: 9999,
        address: { ...ADDRESS_101, postalCode: '0999' },
        phone: '12',
      }),
    });
    for (const validateOnly of [true, false]) {
      const response = await run(CREATE, { input, validateOnly });
      expect(response.errors).toBeUndefined();
      const payload = response.data?.createDaycareInstitution;
      const found = (payload?.userErrors ?? []).map((e) => `${e.field.join('.')} ${e.code}`);
      // Before, the gateway answered the two KODE_UKENDT alone and the form learnt the rest later.
      expect(found).toEqual(
        expect.arrayContaining([
          'input.legalBasisCode KODE_UKENDT',
          'input.firstUnit.institutionTypeCode KODE_UKENDT',
          'input.firstUnit.address.postalCode POSTNUMMER_UKENDT',
        ]),
      );
      expect(found.length).toBeGreaterThan(3);
      // Each field once: the gateway's own check does not repeat what the register said.
      expect(new Set(payload?.userErrors.map((e) => e.field.join('.'))).size).toBe(found.length);
      expect(payload?.daycareInstitution).toBeNull();
    }
    expect(registerState()).toEqual(before);
  });

  it('checks an update without changing the record', async () => {
    const before = registerState();
    const unit = registry.store.anvisningsenheder({ daginstitutionsNumre: [REAL.kommunal101] })[0];
    if (unit === undefined) throw new Error('no unit');
    const ok = await run(UPDATE_UNIT, {
      input: { number: unit.anvisningsenhedsNummer, email: 'dry@kk.dk' },
      validateOnly: true,
    });
    expect(ok.data?.updateAssignmentUnit).toEqual({ assignmentUnit: null, userErrors: [] });
    const bad = await run(UPDATE_UNIT, {
      input: { number: unit.anvisningsenhedsNummer, phone: '12', pNumber: P.koebenhavnOphoert },
      validateOnly: true,
    });
    expect(bad.data?.updateAssignmentUnit?.userErrors.map((e) => e.field.join('.')).sort()).toEqual([
      'input.pNumber',
      'input.phone',
    ]);
    expect(registerState()).toEqual(before);
    expect(registry.store.anvisningsenheder({ numre: [unit.anvisningsenhedsNummer] })[0]?.email).toBe(
      unit.email,
    );
  });

  it('is refused like the write for a record the caller may not maintain, and needs credentials', async () => {
    const refused = await run(CLOSE, { input: { number: REAL.privat751 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gateway.query(CLOSE, { input: { number: REAL.kommunal101 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("the register's KunValidering header", () => {
  it('runs an ImportService write as a dry run for any SOAP client; without it the write is made', async () => {
    const caller = await importCaller(registry, 'kommune-101');
    const before = registerState();
    const args = {
      AnvisningsEnhed: {
        EnhedsNummer: registry.store.anvisningsenheder({ daginstitutionsNumre: [REAL.kommunal101] })[0]
          ?.anvisningsenhedsNummer,
        Email: 'header@kk.dk',
      },
    };
    caller.client.addSoapHeader(
      '<KunValidering xmlns="urn:dagtilbudsregister:import:v1">true</KunValidering>',
    );
    const dry = await caller.call('UpdateAnvisningsEnhed', args);
    expect(dry).toMatchObject({ status: 'OK', fejl: [] });
    expect(dry.nummer).toBeUndefined();
    expect(dry.aendringsSekvens).toBeUndefined();
    expect(registerState()).toEqual(before);
    caller.client.clearSoapHeaders();
    const made = await caller.call('UpdateAnvisningsEnhed', args);
    expect(made).toMatchObject({ status: 'OK', aendringsSekvens: before.sequence + 1 });
  });
});
