import type { InstitutionStatus } from '../domain/records.ts';

/** Which records an export holds; every given criterion must hold. */
export interface ExportFilter {
  statuses: readonly InstitutionStatus[];
  /** kommuneKode of the address (admKommuneKode for a daginstitution). */
  municipalityCode?: number;
  /** instType3 of the anvisningsenhed (of the one above an alternative adresse; of one below a daginstitution). */
  institutionTypeCodes?: readonly number[];
  /** ejerformKode of the daginstitution the record belongs to. */
  ownershipCodes?: readonly number[];
}

/** The query parameters an export URL takes, in the register's Danish. */
export const EXPORT_PARAMETERS = ['kommune', 'type', 'ejerform', 'status'] as const;

const STATUSES: Readonly<Record<string, readonly InstitutionStatus[]>> = {
  aktiv: ['ACTIVE'],
  nedlagt: ['CLOSED'],
  alle: ['ACTIVE', 'CLOSED'],
};

const codes = (raw: string): number[] | null => {
  const parts = raw.split(',').map((part) => part.trim());
  return parts.every((part) => /^\d{1,4}$/.test(part)) ? parts.map(Number) : null;
};

/**
 * Reads an export URL's query: `kommune=101`, `type=6010,6012`, `ejerform=1,3`,
 * `status=aktiv|nedlagt|alle` (aktiv by default, as the register's own export). Any other or
 * repeated parameter, or a bad value, is a problem; the export is then refused whole.
 */
export function parseExportFilter(query: URLSearchParams): { filter: ExportFilter } | { problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of query.keys()) {
    if (!(EXPORT_PARAMETERS as readonly string[]).includes(name))
      problems.push(`unknown parameter "${name}" (known: ${EXPORT_PARAMETERS.join(', ')})`);
    else if (seen.has(name)) problems.push(`"${name}" is given more than once`);
    seen.add(name);
  }
  const filter: ExportFilter = { statuses: ['ACTIVE'] };
  const status = query.get('status');
  if (status !== null) {
    const statuses = STATUSES[status.toLowerCase()];
    if (statuses === undefined) problems.push(`status must be aktiv, nedlagt or alle; got "${status}"`);
    else filter.statuses = statuses;
  }
  const kommune = query.get('kommune');
  if (kommune !== null) {
    if (/^\d{1,4}$/.test(kommune)) filter.municipalityCode = Number(kommune);
    else problems.push(`kommune must be a kommunekode such as 101; got "${kommune}"`);
  }
  const type = query.get('type');
  if (type !== null) {
    const list = codes(type);
    if (list === null) problems.push(`type must be instType3 codes separated by commas; got "${type}"`);
    else filter.institutionTypeCodes = list;
  }
  const ejerform = query.get('ejerform');
  if (ejerform !== null) {
    const list = codes(ejerform);
    if (list === null)
      problems.push(`ejerform must be ejerformKode codes separated by commas; got "${ejerform}"`);
    else filter.ownershipCodes = list;
  }
  return problems.length > 0 ? { problems } : { filter };
}
