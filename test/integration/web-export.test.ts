import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createExportRoutes, EXPORT_PATHS } from '../../src/gateway/export/routes.ts';
import type { GraphqlResponse } from '../helpers/start-test-gateway.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Row = Record<string, string>;

let origin: string;

const { gateway } = useTestStack({ gateway: { routes: (reader) => createExportRoutes(reader) } });
beforeAll(async () => {
  origin = new URL(gateway.url).origin;
});

/** A CSV in the register's format: the header and the rows as objects. */
function parseRegisterCsv(text: string): { header: string[]; rows: Row[] } {
  const records = parse(text, { bom: true, delimiter: ';', relax_quotes: false }) as string[][];
  const [header = [], ...body] = records;
  return {
    header,
    rows: body.map((values) => Object.fromEntries(header.map((name, i) => [name, values[i] ?? '']))),
  };
}

/** The seed file the fresh register was loaded from: the register's own export format. */
const seed = (file: string) => parseRegisterCsv(readFileSync(`data/register/${file}`, 'utf8'));

async function download(path: string): Promise<{ response: Response; bytes: Buffer; text: string }> {
  const response = await fetch(`${origin}${path}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString('utf8') };
}

interface UnitPage {
  assignmentUnits: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { number: string } }[];
  };
}

/** Every anvisningsenhed number the API gives for a filter, page by page. */
async function apiUnitNumbers(
  filter: Record<string, unknown>,
): Promise<{ totalCount: number; numbers: string[] }> {
  const numbers: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const answer: GraphqlResponse<UnitPage> = await gateway.query<UnitPage>(
      'query ($filter: AssignmentUnitFilter, $after: String) { assignmentUnits(first: 500, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { number } } } }',
      { filter, after },
    );
    const page = answer.data?.assignmentUnits;
    if (page === undefined) throw new Error(JSON.stringify(answer.errors));
    totalCount = page.totalCount;
    numbers.push(...page.edges.map((e) => e.node.number));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { totalCount, numbers };
}

describe('the register’s exports, streamed by the gateway', () => {
  it('anvisningsenheder.csv?kommune=101: the register’s format and header, the API’s count and numbers', async () => {
    const { response, bytes, text } = await download(`${EXPORT_PATHS.anvisningsenheder}?kommune=101`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="anvisningsenheder.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const csv = parseRegisterCsv(text);
    const register = seed('anvisningsenhed.csv');
    expect(csv.header).toEqual(register.header);

    const api = await apiUnitNumbers({ municipalityCode: 101 });
    expect(csv.rows).toHaveLength(api.totalCount);
    expect(csv.rows.map((r) => r.anvisningsenhedsNummer)).toEqual(api.numbers);
    // A fresh register exports exactly what it was seeded with: every value, decimal commas and all.
    const expected = register.rows.filter((r) => r.kommuneKode === '101' && r.aktivitetsstatus === 'Aktiv');
    expect(csv.rows).toEqual(expected);
    expect(csv.rows.some((r) => /^\d+,\d+$/.test(r.geoBredde ?? ''))).toBe(true);
  });

  it('daginstitutioner.csv and alternative-adresser.csv?status=alle equal the register’s own files', async () => {
    const daginstitutioner = parseRegisterCsv((await download(EXPORT_PATHS.daginstitutioner)).text);
    const register = seed('daginstitution.csv');
    expect(daginstitutioner.header).toEqual(register.header);
    expect(daginstitutioner.rows).toEqual(register.rows.filter((r) => r.aktivitetsstatus === 'Aktiv'));
    const total = await gateway.query<{ daycareInstitutions: { totalCount: number } }>(
      '{ daycareInstitutions { totalCount } }',
    );
    expect(daginstitutioner.rows).toHaveLength(total.data?.daycareInstitutions.totalCount ?? -1);

    const adresser = parseRegisterCsv(
      (await download(`${EXPORT_PATHS.alternativeAdresser}?status=alle`)).text,
    );
    expect(adresser).toEqual(seed('alternativadresse.csv'));
  });

  it('samlet.csv stacks the three levels under dagtilbudsType, each as its own file has it', async () => {
    const query = '?kommune=101&type=6011';
    const samlet = parseRegisterCsv((await download(`${EXPORT_PATHS.samlet}${query}`)).text);
    expect(samlet.header[0]).toBe('dagtilbudsType');
    const level = (type: string) => samlet.rows.filter((r) => r.dagtilbudsType === type);
    const units = parseRegisterCsv((await download(`${EXPORT_PATHS.anvisningsenheder}${query}`)).text);
    const parents = parseRegisterCsv((await download(`${EXPORT_PATHS.daginstitutioner}${query}`)).text);
    const addresses = parseRegisterCsv((await download(`${EXPORT_PATHS.alternativeAdresser}${query}`)).text);
    expect(units.rows.length).toBe(
      (await apiUnitNumbers({ municipalityCode: 101, institutionTypeCodes: [6011] })).totalCount,
    );
    expect(level('anvisningsenhed')).toHaveLength(units.rows.length);
    expect(level('daginstitution')).toHaveLength(parents.rows.length);
    expect(level('alternativadresse')).toHaveLength(addresses.rows.length);
    expect(samlet.rows).toHaveLength(units.rows.length + parents.rows.length + addresses.rows.length);
    // A unit's row carries the same values as in its own file.
    const first = units.rows[0];
    if (first === undefined) throw new Error('no 6011 units in 101');
    const same = level('anvisningsenhed').find(
      (r) => r.anvisningsenhedsNummer === first.anvisningsenhedsNummer,
    );
    for (const [name, value] of Object.entries(first)) expect(same?.[name], name).toBe(value);
    // Every daginstitution listed has a listed 6011 unit.
    const withUnits = new Set(units.rows.map((r) => r.daginstitutionsNummer));
    expect(parents.rows.every((r) => withUnits.has(r.daginstitutionsNummer ?? ''))).toBe(true);
  });

  it('anvisningsenheder.geojson: one point feature per unit of the filter, longitude first', async () => {
    const { response, text } = await download(`${EXPORT_PATHS.anvisningsenhederGeojson}?kommune=751`);
    expect(response.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const geojson = JSON.parse(text) as {
      type: string;
      features: { geometry: { coordinates: [number, number] } | null; properties: Row }[];
    };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength((await apiUnitNumbers({ municipalityCode: 751 })).totalCount);
    const hojvang = geojson.features.find((f) => f.properties.anvisningsenhedsNummer === 'G10662');
    const api = await gateway.query<{
      institution: { address: { location: { latitude: number; longitude: number } } };
    }>(
      '{ institution(number: "G10662") { ... on AssignmentUnit { address { location { latitude longitude } } } } }',
    );
    const location = api.data?.institution.address.location;
    expect(hojvang?.geometry?.coordinates).toEqual([location?.longitude, location?.latitude]);
    expect(hojvang?.properties.dagtilbudsNavn).toBe('Den Private Børnehave Højvang');
  });

  it('a bad query is refused whole with every problem named, before anything is read', async () => {
    gateway.clearCaches();
    gateway.metrics.reset();
    const { response, text } = await download(`${EXPORT_PATHS.anvisningsenheder}?kommune=abc&status=x&foo=1`);
    expect(response.status).toBe(400);
    expect(text).toContain('kommune must be a kommunekode');
    expect(text).toContain('status must be aktiv, nedlagt or alle');
    expect(text).toContain('unknown parameter \\"foo\\"');
    expect(gateway.metrics.total()).toBe(0);
    expect((await fetch(`${origin}${EXPORT_PATHS.samlet}`, { method: 'POST' })).status).toBe(405);
  });

  it('a saved change is in the next export', async () => {
    const created = await gateway.query<{
      createAssignmentUnit: { assignmentUnit: { number: string } | null };
    }>(
      `mutation { createAssignmentUnit(input: { daycareInstitutionNumber: "G29215", unit: { name: "Eksportprøven", institutionTypeCode: 6010,
        address: { street: "Tyborøn Allé", houseNumber: "47", postalCode: "2720", city: "Vanløse", municipalityCode: "101" },
        pNumber: "8676166552" } }) { assignmentUnit { number } userErrors { code } } }`,
      {},
      { user: 'kommune-101' },
    );
    const number = created.data?.createAssignmentUnit.assignmentUnit?.number;
    expect(number).toMatch(/^G\d{5}$/);
    const csv = parseRegisterCsv((await download(`${EXPORT_PATHS.anvisningsenheder}?kommune=101`)).text);
    expect(csv.rows.find((r) => r.anvisningsenhedsNummer === number)?.dagtilbudsNavn).toBe('Eksportprøven');
  });
});
