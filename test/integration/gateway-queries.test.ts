// node-soap reads xs:dateTime in the machine's time zone when it has no offset: run this file far
// from UTC to show that the gateway's instants do not depend on it.
process.env.TZ = 'Pacific/Chatham';

import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;

// The TTL cache's tests: a register without the change feed, like STIL's (the live model: gateway-live-*).
const { registry, gateway } = useTestStack({ registry: { changeFeed: false }, gateway: {} });

/** Runs a query that must succeed and returns its data. */
const data = async <T = Rec>(query: string, variables?: Rec): Promise<T> => {
  const response = await gateway.query<T>(query, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data as T;
};
const errorCodes = async (query: string, variables?: Rec) =>
  ((await gateway.query(query, variables)).errors ?? []).map((e) => e.extensions?.code);

const INSTITUTION = `
  fragment All on Institution {
    __typename id number name status createdAt closedAt
    municipality { code name }
    unilogin { eligible reasons }
    ... on DaycareInstitution {
      ownership { code text } legalBasis { code text } administeringMunicipality { code name }
    }
    ... on AssignmentUnit {
      institutionType { code text } email phone cvrNumber pNumber
      address { street houseNumber floor door postalCode city supplementaryCity darAddressId
                municipality { code name } location { latitude longitude } }
      daycareInstitution { number }
    }
    ... on AlternativeAddress {
      cvrNumber pNumber address { street houseNumber postalCode city } assignmentUnit { number }
    }
  }`;

describe('institution(number) and node(id)', () => {
  it('reads a real anvisningsenhed with every field, in the register’s words', async () => {
    const { institution } = await data<{ institution: Rec }>(
      `query($n: InstitutionNumber!) { institution(number: $n) { ...All } } ${INSTITUTION}`,
      { n: 'G10662' },
    );
    expect(institution).toMatchObject({
      __typename: 'AssignmentUnit',
      number: 'G10662',
      name: 'Den Private Børnehave Højvang',
      status: 'ACTIVE',
      createdAt: '2026-03-26T23:00:00.000Z',
      closedAt: null,
      municipality: { code: 751, name: 'Aarhus' },
      unilogin: { eligible: true, reasons: [] },
      institutionType: { code: 6012, text: 'Aldersintegreret institution (0-5 år)' },
      email: null,
      phone: null,
      cvrNumber: '33178522',
      pNumber: '8947664198',
      address: {
        street: 'Skæring Hedevej',
        houseNumber: '14A',
        floor: null,
        door: null,
        postalCode: '8250',
        city: 'Egå',
        municipality: { code: 751, name: 'Aarhus' },
        location: { latitude: 56.23123758, longitude: 10.29977301 },
      },
      daycareInstitution: { number: 'G30306' },
    });
    expect(Buffer.from(institution.id as string, 'base64').toString()).toBe('AssignmentUnit:G10662');
  });

  it('finds each level by number, and node(id) finds it again by its id', async () => {
    for (const [number, typename] of [
      ['G30306', 'DaycareInstitution'],
      ['G30504', 'AlternativeAddress'],
      ['D10041', 'AssignmentUnit'],
    ]) {
      const { institution } = await data<{ institution: Rec }>(
        `query($n: InstitutionNumber!) { institution(number: $n) { ...All } } ${INSTITUTION}`,
        { n: number },
      );
      expect(institution).toMatchObject({ __typename: typename, number });
      const { node } = await data<{ node: Rec }>(
        `query($id: ID!) { node(id: $id) { id ...All } } ${INSTITUTION}`,
        {
          id: institution.id,
        },
      );
      expect(node).toEqual(institution);
    }
  });

  it('a daginstitution carries its ejerform, lovgrundlag and administrating kommune', async () => {
    const { institution } = await data<{ institution: Rec }>(
      `{ institution(number: "G30306") { ...All } } ${INSTITUTION}`,
    );
    expect(institution).toMatchObject({
      ownership: { code: 3, text: 'Privat' },
      legalBasis: { code: 4, text: 'Dagtilbudsloven § 19, stk. 5 (privatinstitution)' },
      administeringMunicipality: { code: 751, name: 'Aarhus' },
      municipality: { code: 751, name: 'Aarhus' },
    });
  });

  it('an unknown number or id is null; a malformed one is BAD_USER_INPUT', async () => {
    const unknownId = Buffer.from('AssignmentUnit:G99999').toString('base64');
    expect(
      await data(`query($id: ID!) { institution(number: "G99999") { number } node(id: $id) { id } }`, {
        id: unknownId,
      }),
    ).toEqual({ institution: null, node: null });
    expect(await errorCodes(`{ node(id: "bm9wZQ==") { id } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(`{ institution(number: "12345") { number } }`)).toEqual(['BAD_USER_INPUT']);
  });

  it('institutions(numbers) answers in the order asked, null for the unknown', async () => {
    const { institutions } = await data<{ institutions: (Rec | null)[] }>(
      `{ institutions(numbers: ["G30504", "G99999", "G10662", "G30306", "G10662"]) { __typename number } }`,
    );
    expect(institutions).toEqual([
      { __typename: 'AlternativeAddress', number: 'G30504' },
      null,
      { __typename: 'AssignmentUnit', number: 'G10662' },
      { __typename: 'DaycareInstitution', number: 'G30306' },
      { __typename: 'AssignmentUnit', number: 'G10662' },
    ]);
  });

  it('walks the levels: units of a daginstitution, its alternative addresses and back', async () => {
    const { institution } = await data<{ institution: Rec }>(`{
      institution(number: "G23042") {
        ... on AssignmentUnit {
          daycareInstitution { number units(first: 500) { totalCount edges { node { number } } } }
          alternativeAddresses { number assignmentUnit { number } }
        }
      }
    }`);
    const parent = institution.daycareInstitution as {
      units: { totalCount: number; edges: { node: Rec }[] };
    };
    expect(parent.units.edges.map((e) => e.node.number)).toContain('G23042');
    expect(parent.units.totalCount).toBe(parent.units.edges.length);
    expect(institution.alternativeAddresses).toEqual([
      { number: 'G30504', assignmentUnit: { number: 'G23042' } },
      { number: 'G30505', assignmentUnit: { number: 'G23042' } },
    ]);
  });
});

describe('Unilogin eligibility, one reason at a time, on the real data', () => {
  const eligibility = async (number: string) =>
    (
      await data<{ institution: { unilogin: Rec } }>(
        `query($n: InstitutionNumber!) { institution(number: $n) { unilogin { eligible reasons } } }`,
        {
          n: number,
        },
      )
    ).institution.unilogin;

  it('eligible: an active unit and an active alternative address with CVR and P-nummer', async () => {
    expect(await eligibility('G10662')).toEqual({ eligible: true, reasons: [] });
    expect(await eligibility('G30504')).toEqual({ eligible: true, reasons: [] });
  });

  it('DAYCARE_INSTITUTION_LEVEL: a daginstitution; CLOSED too when it is closed', async () => {
    expect(await eligibility('G30306')).toEqual({ eligible: false, reasons: ['DAYCARE_INSTITUTION_LEVEL'] });
    expect(await eligibility('G29837')).toEqual({
      eligible: false,
      reasons: ['DAYCARE_INSTITUTION_LEVEL', 'CLOSED'],
    });
  });

  it('MISSING_CVR_NUMBER and MISSING_P_NUMBER: a selvejende unit the register has no CVR for', async () => {
    expect(await eligibility('D10041')).toEqual({
      eligible: false,
      reasons: ['MISSING_CVR_NUMBER', 'MISSING_P_NUMBER'],
    });
  });

  it('CLOSED: a closed unit with CVR and P-nummer', async () => {
    expect(await eligibility('G13047')).toEqual({ eligible: false, reasons: ['CLOSED'] });
  });
});

describe('code tables', () => {
  it('municipalities: the 98 kommuner', async () => {
    const { municipalities } = await data<{ municipalities: Rec[] }>(`{ municipalities { code name } }`);
    expect(municipalities).toHaveLength(98);
    expect(municipalities).toContainEqual({ code: 400, name: 'Bornholm' });
  });

  it('codes(table): institution types, ownership and legal bases with the register’s Danish texts', async () => {
    const codes = await data<Record<string, Rec[]>>(`{
      types: codes(table: INSTITUTION_TYPE) { code text }
      ownership: codes(table: OWNERSHIP) { code text }
      legal: codes(table: LEGAL_BASIS) { code text }
    }`);
    expect(codes.types).toContainEqual({ code: 6013, text: 'Dagpleje' });
    expect(codes.types).toContainEqual({ code: 6010, text: 'Vuggestue (0-2 år)' });
    expect(codes.ownership).toEqual([
      { code: 1, text: 'Kommunal' },
      { code: 2, text: 'Selvejende' },
      { code: 3, text: 'Privat' },
      { code: 4, text: 'Udliciteret' },
    ]);
    expect(codes.legal?.[0]).toEqual({
      code: 1,
      text: 'Dagtilbudsloven § 19, stk. 2 (kommunal daginstitution)',
    });
  });
});

describe('filters', () => {
  const units = async (filter: Rec, first = 500) =>
    (
      await data<{ assignmentUnits: { totalCount: number; edges: { node: Rec }[] } }>(
        `query($f: AssignmentUnitFilter, $first: Int) {
          assignmentUnits(first: $first, filter: $f) {
            totalCount
            edges { node { number name status cvrNumber pNumber institutionType { code }
                           address { postalCode municipality { code } } daycareInstitution { ownership { code } }
                           unilogin { eligible } } }
          }
        }`,
        { f: filter, first },
      )
    ).assignmentUnits;

  it('active only by default; status CLOSED gives the 7 closed units', async () => {
    const all = await units({}, 0);
    expect(all.totalCount).toBe(4810);
    const closed = await units({ status: 'CLOSED' });
    expect(closed.edges.map((e) => e.node.number)).toEqual([
      'G11406',
      'G13047',
      'G15618',
      'G16693',
      'G16716',
      'G17466',
      'G18743',
    ]);
    expect((await units({ status: ['ACTIVE', 'CLOSED'] }, 0)).totalCount).toBe(4817);
  });

  it('name contains, with Danish letters spelt either way and in any case', async () => {
    const expected = (await units({ nameContains: 'æblehaven' })).edges.map((e) => e.node.number);
    expect(expected).toContain('G23269');
    expect(expected).toContain('G18802'); // "DAGINSTITUTIONEN ÆBLEHAVEN"
    for (const search of ['aeblehaven', 'Aeblehaven', 'ÆBLEHAVEN', '  æblehaven ']) {
      expect((await units({ nameContains: search })).edges.map((e) => e.node.number)).toEqual(expected);
    }
    // o for ø as well as oe (issue 14: `borne` found nothing).
    for (const search of ['Hojvang', 'Hoejvang', 'højvang']) {
      expect((await units({ nameContains: search })).edges.map((e) => e.node.number)).toContain('G10662');
    }
  });

  it('municipality, institution types, postal code and ownership combine', async () => {
    const found = await units({ municipalityCode: 751, institutionTypeCodes: [6012], ownershipCodes: [3] });
    expect(found.totalCount).toBeGreaterThan(0);
    for (const { node } of found.edges) {
      expect(node).toMatchObject({
        institutionType: { code: 6012 },
        address: { municipality: { code: 751 } },
        daycareInstitution: { ownership: { code: 3 } },
      });
    }
    const egaa = await units({ postalCode: '8250' });
    expect(egaa.edges.every((e) => (e.node.address as Rec).postalCode === '8250')).toBe(true);
    expect(egaa.edges.map((e) => e.node.number)).toContain('G10662');
  });

  it('CVR and P-nummer', async () => {
    const byP = await units({ pNumber: '4437807074' });
    expect(byP.totalCount).toBe(25);
    const byCvr = await units({ cvrNumber: '33178522' });
    expect(byCvr.edges.map((e) => e.node.number)).toContain('G10662');
    expect(byCvr.edges.every((e) => e.node.cvrNumber === '33178522')).toBe(true);
  });

  it('Unilogin-eligible splits the units', async () => {
    const yes = await units({ uniloginEligible: true }, 0);
    const no = await units({ uniloginEligible: false });
    expect(yes.totalCount + no.totalCount).toBe(4810);
    expect(no.totalCount).toBe(376);
    expect(no.edges.every((e) => (e.node.unilogin as Rec).eligible === false)).toBe(true);
  });

  it('a malformed CVR, P-nummer, postal code or radius is BAD_USER_INPUT', async () => {
    const query = `query($f: AssignmentUnitFilter) { assignmentUnits(filter: $f) { totalCount } }`;
    for (const f of [
      { cvrNumber: '1234' },
      { pNumber: 'abc' },
      { postalCode: '82500' },
      { status: [] },
      { near: { latitude: 56, longitude: 10, radiusMeters: 0 } },
    ]) {
      expect(await errorCodes(query, { f })).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('daginstitutioner by administrating kommune, ejerform and lovgrundlag', async () => {
    const { daycareInstitutions } = await data<{
      daycareInstitutions: { totalCount: number; edges: { node: Rec }[] };
    }>(`{
      daycareInstitutions(first: 500, filter: { municipalityCode: 210, ownershipCodes: [1] }) {
        totalCount edges { node { number administeringMunicipality { code } ownership { code } legalBasis { code } } }
      }
    }`);
    expect(daycareInstitutions.totalCount).toBeGreaterThan(0);
    for (const { node } of daycareInstitutions.edges) {
      expect(node).toMatchObject({ administeringMunicipality: { code: 210 }, ownership: { code: 1 } });
    }
    const bySection = await data<{ daycareInstitutions: { edges: { node: Rec }[] } }>(`{
      daycareInstitutions(first: 500, filter: { legalBasisCodes: [5], nameContains: "dagplejen" }) { edges { node { legalBasis { code } name } } }
    }`);
    expect(bySection.daycareInstitutions.edges.length).toBeGreaterThan(0);
    expect(bySection.daycareInstitutions.edges.every((e) => (e.node.legalBasis as Rec).code === 5)).toBe(
      true,
    );
    const never = await data<{ daycareInstitutions: { totalCount: number } }>(
      `{ daycareInstitutions(filter: { uniloginEligible: true }) { totalCount } }`,
    );
    expect(never.daycareInstitutions.totalCount).toBe(0);
  });

  it('alternative adresser by kommune, CVR, P-nummer and name', async () => {
    const { alternativeAddresses } = await data<{
      alternativeAddresses: { totalCount: number; edges: { node: Rec }[] };
    }>(`{
      alternativeAddresses(first: 500) { totalCount edges { node { number name cvrNumber pNumber municipality { code } unilogin { eligible reasons } } } }
    }`);
    expect(alternativeAddresses.totalCount).toBe(171);
    const withoutCvr = alternativeAddresses.edges.filter((e) => e.node.cvrNumber === null);
    expect(withoutCvr).toHaveLength(19);
    expect(
      withoutCvr.every((e) => ((e.node.unilogin as Rec).reasons as string[]).includes('MISSING_CVR_NUMBER')),
    ).toBe(true);
    const filtered = await data<{ alternativeAddresses: { edges: { node: Rec }[] } }>(`{
      alternativeAddresses(filter: { cvrNumber: "64942212", pNumber: "5215453761", nameContains: "nansensgade" }) {
        edges { node { number } }
      }
    }`);
    expect(filtered.alternativeAddresses.edges.map((e) => e.node.number)).toEqual(['G30504']);
  });
});

// Last: it adds a unit to the register, which the counts above must not see.
describe('Unilogin eligibility, a case the real data lacks', () => {
  it('MISSING_P_NUMBER alone: a unit with CVR but no P-nummer, written straight into the store', async () => {
    const [template] = registry.store.anvisningsenheder({ numre: ['G10662'] });
    if (template === undefined) throw new Error('G10662 is missing from the seed');
    registry.store.write((w) =>
      w.putAnvisningsEnhed({ ...template, anvisningsenhedsNummer: w.issueNumber(), pNummer: null }),
    );
    const [inserted] = registry.store
      .anvisningsenheder({ cvrNummer: '33178522' })
      .filter((u) => u.pNummer === null);
    const { institution } = await data<{ institution: { unilogin: Rec } }>(
      `query($n: InstitutionNumber!) { institution(number: $n) { unilogin { eligible reasons } } }`,
      { n: inserted?.anvisningsenhedsNummer },
    );
    expect(institution.unilogin).toEqual({
      eligible: false,
      reasons: ['MISSING_P_NUMBER'],
    });
  });
});
