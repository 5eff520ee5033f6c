import type { RouteHandler } from '../http/graphql-handler.ts';
import { sendError } from '../http/send.ts';
import type { RegisterReader } from '../ports/register-reader.ts';
import {
  ALTERNATIV_ADRESSE_COLUMNS,
  ANVISNINGSENHED_COLUMNS,
  DAGINSTITUTION_COLUMNS,
  SAMLET_COLUMN_NAMES,
  samletValues,
  type Column,
  type SamletRow,
} from './columns.ts';
import { streamCsv } from './csv-stream.ts';
import { parseExportFilter, type ExportFilter } from './export-filter.ts';
import { streamGeojson, type PointFeature } from './geojson-stream.ts';
import {
  addressesMatching,
  createSnapshot,
  daycareInstitutionsMatching,
  unitsMatching,
  type RegisterSnapshot,
} from './register-rows.ts';

/** Where the exports are served; each takes `?kommune=&type=&ejerform=&status=` (export-filter.ts). */
export const EXPORT_PATHS = {
  daginstitutioner: '/export/daginstitutioner.csv',
  anvisningsenheder: '/export/anvisningsenheder.csv',
  alternativeAdresser: '/export/alternative-adresser.csv',
  samlet: '/export/samlet.csv',
  anvisningsenhederGeojson: '/export/anvisningsenheder.geojson',
  alternativeAdresserGeojson: '/export/alternative-adresser.geojson',
} as const;

type Body = (
  snapshot: RegisterSnapshot,
  filter: ExportFilter,
) => { csv: { header: string[]; rows: Iterable<string[]> } } | { geojson: Iterable<PointFeature> };

function* rowsOf<R>(
  records: readonly R[],
  columns: Column<R>[],
  snapshot: RegisterSnapshot,
): Generator<string[]> {
  for (const record of records) yield columns.map((c) => c.value(record, snapshot));
}

const csvOf =
  <R>(columns: Column<R>[], select: (s: RegisterSnapshot, f: ExportFilter) => R[]): Body =>
  (snapshot, filter) => ({
    csv: { header: columns.map((c) => c.name), rows: rowsOf(select(snapshot, filter), columns, snapshot) },
  });

function* featuresOf<R extends { address: { location: PointFeature['location'] } }>(
  records: readonly R[],
  columns: Column<R>[],
  snapshot: RegisterSnapshot,
): Generator<PointFeature> {
  // The coordinates are the geometry; the properties are the CSV's other columns.
  const properties = columns.filter((c) => c.name !== 'geoBredde' && c.name !== 'geoLaengde');
  for (const record of records)
    yield {
      location: record.address.location,
      properties: Object.fromEntries(properties.map((c) => [c.name, c.value(record, snapshot)])),
    };
}

function* samletRows(snapshot: RegisterSnapshot, filter: ExportFilter): Generator<string[]> {
  const rows: Iterable<SamletRow>[] = [
    daycareInstitutionsMatching(snapshot, filter).map(
      (record) => ({ dagtilbudsType: 'daginstitution', record }) as const,
    ),
    unitsMatching(snapshot, filter).map((record) => ({ dagtilbudsType: 'anvisningsenhed', record }) as const),
    addressesMatching(snapshot, filter).map(
      (record) => ({ dagtilbudsType: 'alternativadresse', record }) as const,
    ),
  ];
  for (const level of rows) for (const row of level) yield samletValues(row, snapshot);
}

const BODIES: ReadonlyMap<string, { file: string; body: Body }> = new Map([
  [
    EXPORT_PATHS.daginstitutioner,
    { file: 'daginstitutioner.csv', body: csvOf(DAGINSTITUTION_COLUMNS, daycareInstitutionsMatching) },
  ],
  [
    EXPORT_PATHS.anvisningsenheder,
    { file: 'anvisningsenheder.csv', body: csvOf(ANVISNINGSENHED_COLUMNS, unitsMatching) },
  ],
  [
    EXPORT_PATHS.alternativeAdresser,
    { file: 'alternative-adresser.csv', body: csvOf(ALTERNATIV_ADRESSE_COLUMNS, addressesMatching) },
  ],
  [
    EXPORT_PATHS.samlet,
    {
      file: 'samlet.csv',
      body: (s, f) => ({ csv: { header: SAMLET_COLUMN_NAMES, rows: samletRows(s, f) } }),
    },
  ],
  [
    EXPORT_PATHS.anvisningsenhederGeojson,
    {
      file: 'anvisningsenheder.geojson',
      body: (s, f) => ({ geojson: featuresOf(unitsMatching(s, f), ANVISNINGSENHED_COLUMNS, s) }),
    },
  ],
  [
    EXPORT_PATHS.alternativeAdresserGeojson,
    {
      file: 'alternative-adresser.geojson',
      body: (s, f) => ({ geojson: featuresOf(addressesMatching(s, f), ALTERNATIV_ADRESSE_COLUMNS, s) }),
    },
  ],
]);

/** Reads the three levels whole through the gateway's reader (the live model or the TTL cache). */
async function readSnapshot(reader: RegisterReader): Promise<RegisterSnapshot> {
  const [daycare, units, addresses] = await Promise.all([
    reader.list({ operation: 'GetAllDaginstitutioner' }),
    reader.list({ operation: 'GetAllAnvisningsEnheder' }),
    reader.list({ operation: 'GetAllAlternativAdresser' }),
  ]);
  return createSnapshot({
    daycareInstitutions: daycare.daycareInstitutions,
    assignmentUnits: units.assignmentUnits,
    alternativeAddresses: addresses.alternativeAddresses,
  });
}

/**
 * The register's exports (Eksport.aspx's four CSV files, plus GeoJSON) as gateway routes, made from
 * the gateway's own read of the register and streamed row by row. A bad query is a 400 naming every
 * problem, before anything is read.
 */
export function createExportRoutes(reader: RegisterReader): Map<string, RouteHandler> {
  const routes = new Map<string, RouteHandler>();
  for (const [path, { file, body }] of BODIES) {
    routes.set(path, async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return sendError(res, 405, 'BAD_REQUEST', 'Only GET and HEAD are served here.');
      }
      const parsed = parseExportFilter(new URL(req.url ?? '/', 'http://export').searchParams);
      if ('problems' in parsed)
        return sendError(res, 400, 'BAD_USER_INPUT', `Bad export query: ${parsed.problems.join('; ')}.`);
      const made = body(await readSnapshot(reader), parsed.filter);
      const csv = 'csv' in made;
      res.writeHead(200, {
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file}"`,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return void res.end();
      if ('csv' in made) await streamCsv(res, made.csv.header, made.csv.rows);
      else await streamGeojson(res, made.geojson);
    });
  }
  return routes;
}
