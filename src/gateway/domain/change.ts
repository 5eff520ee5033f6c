import type { Institution, InstitutionKind } from './records.ts';

/** aendringsType: Oprettet → CREATED, Aendret → UPDATED, Flyttet → MOVED, Nedlagt → CLOSED. */
export type ChangeKind = 'CREATED' | 'UPDATED' | 'MOVED' | 'CLOSED';

/** One Aendring of the register's change feed (GetAendringer): one changed record. */
export interface ChangeEvent {
  /** aendringsSekvens: unique and strictly increasing over the whole register. */
  sequence: number;
  kind: ChangeKind;
  /** tidspunkt: when the change committed, ISO 8601 in UTC. */
  occurredAt: string;
  level: InstitutionKind;
  number: string;
  /** The record as it was when the page was read (closed ones included). */
  institution: Institution;
}

/** One page of the feed: changes after a sequence, oldest first, and the register's latest sequence. */
export interface ChangePage {
  /** senesteSekvens: the latest committed sequence, also when the page is empty. */
  latestSequence: number;
  changes: readonly ChangeEvent[];
}

/** Which changes an integrator wants; every condition given must hold. */
export interface ChangeFilter {
  /** As Institution.municipality: administrating for a daginstitution, the address's otherwise. */
  municipalityCode?: number;
  levels?: readonly InstitutionKind[];
  kinds?: readonly ChangeKind[];
}

const municipalityOf = (institution: Institution): number =>
  institution.kind === 'DaycareInstitution'
    ? institution.administeringMunicipality.code
    : institution.address.municipality.code;

/** Whether a change passes a filter. */
export function matchesChange(filter: ChangeFilter, change: ChangeEvent): boolean {
  if (filter.levels !== undefined && !filter.levels.includes(change.level)) return false;
  if (filter.kinds !== undefined && !filter.kinds.includes(change.kind)) return false;
  return (
    filter.municipalityCode === undefined || municipalityOf(change.institution) === filter.municipalityCode
  );
}
