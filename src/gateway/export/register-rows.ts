import type {
  AlternativeAddress,
  AssignmentUnit,
  DaycareInstitution,
  RegisterSlice,
} from '../domain/records.ts';
import type { ExportFilter } from './export-filter.ts';

/** The whole register at one moment, with the look-ups the export's columns and filters need. */
export interface RegisterSnapshot extends RegisterSlice {
  daycareByNumber: ReadonlyMap<string, DaycareInstitution>;
  unitByNumber: ReadonlyMap<string, AssignmentUnit>;
}

/** Builds the look-ups of a snapshot from the three levels. */
export function createSnapshot(levels: RegisterSlice): RegisterSnapshot {
  return {
    ...levels,
    daycareByNumber: new Map(levels.daycareInstitutions.map((d) => [d.number, d])),
    unitByNumber: new Map(levels.assignmentUnits.map((u) => [u.number, u])),
  };
}

const within = (list: readonly number[] | undefined, value: number | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));

/** The anvisningsenheder an export holds, in the register's order (by number). */
export function unitsMatching(snapshot: RegisterSnapshot, filter: ExportFilter): AssignmentUnit[] {
  return snapshot.assignmentUnits.filter(
    (unit) =>
      filter.statuses.includes(unit.status) &&
      (filter.municipalityCode === undefined || unit.address.municipality.code === filter.municipalityCode) &&
      within(filter.institutionTypeCodes, unit.institutionType.code) &&
      within(
        filter.ownershipCodes,
        snapshot.daycareByNumber.get(unit.daycareInstitutionNumber)?.ownership.code,
      ),
  );
}

/** The alternative adresser an export holds; type and ejerform are those of the levels above. */
export function addressesMatching(snapshot: RegisterSnapshot, filter: ExportFilter): AlternativeAddress[] {
  return snapshot.alternativeAddresses.filter((address) => {
    const unit = snapshot.unitByNumber.get(address.assignmentUnitNumber);
    const daycare =
      unit === undefined ? undefined : snapshot.daycareByNumber.get(unit.daycareInstitutionNumber);
    return (
      filter.statuses.includes(address.status) &&
      (filter.municipalityCode === undefined ||
        address.address.municipality.code === filter.municipalityCode) &&
      within(filter.institutionTypeCodes, unit?.institutionType.code) &&
      within(filter.ownershipCodes, daycare?.ownership.code)
    );
  });
}

/**
 * The daginstitutioner an export holds: kommune is the administrating one; with `type`, those with
 * an anvisningsenhed of that type (of the statuses asked).
 */
export function daycareInstitutionsMatching(
  snapshot: RegisterSnapshot,
  filter: ExportFilter,
): DaycareInstitution[] {
  const withType =
    filter.institutionTypeCodes === undefined
      ? undefined
      : new Set(
          snapshot.assignmentUnits
            .filter(
              (u) =>
                filter.statuses.includes(u.status) &&
                within(filter.institutionTypeCodes, u.institutionType.code),
            )
            .map((u) => u.daycareInstitutionNumber),
        );
  return snapshot.daycareInstitutions.filter(
    (d) =>
      filter.statuses.includes(d.status) &&
      (filter.municipalityCode === undefined ||
        d.administeringMunicipality.code === filter.municipalityCode) &&
      within(filter.ownershipCodes, d.ownership.code) &&
      (withType === undefined || withType.has(d.number)),
  );
}
