import { assertNever } from '../assert-never.ts';
import {
  LOOKUP_ORDER,
  type AlternativeAddress,
  type AssignmentUnit,
  type DaycareInstitution,
  type Institution,
  type InstitutionKind,
  type InstitutionOf,
  type RegisterSlice,
} from '../domain/records.ts';
import type { ListRequest } from '../ports/register-client.ts';

/** One level's records by number, and its records in number order (made again after a change). */
class Level<T extends Institution> {
  readonly byNumber = new Map<string, T>();
  #ordered: readonly T[] | null = null;

  /** Keeps `record` unless the held one is newer (a later aendringsSekvens); true if kept. */
  put(record: T): boolean {
    const held = this.byNumber.get(record.number);
    if (held !== undefined && held.changeSequence > record.changeSequence) return false;
    this.byNumber.set(record.number, record);
    this.#ordered = null;
    return true;
  }

  /** Every record, ordered by number as the register's list answers are. */
  all(): readonly T[] {
    this.#ordered ??= [...this.byNumber.values()].sort((a, b) =>
      a.number < b.number ? -1 : a.number > b.number ? 1 : 0,
    );
    return this.#ordered;
  }
}

/**
 * The whole register in memory: every record of the three levels, closed ones too, as the
 * register's GetAll* answers and change feed give them. It answers the ExportService's list reads
 * exactly as the register would (the same records, ordered by number), so the loaders and searches
 * work over it unchanged. Lists are computed from the levels in number order on each call (a few
 * thousand records: microseconds); a level's order is made again only after it changed.
 */
export class RegisterModel {
  readonly #daycare = new Level<DaycareInstitution>();
  readonly #units = new Level<AssignmentUnit>();
  readonly #alternatives = new Level<AlternativeAddress>();

  /** How many records it holds, by level. */
  counts(): Record<InstitutionKind, number> {
    return {
      DaycareInstitution: this.#daycare.byNumber.size,
      AssignmentUnit: this.#units.byNumber.size,
      AlternativeAddress: this.#alternatives.byNumber.size,
    };
  }

  /**
   * Applies a record as the register gave it; one older than what is held (by its own
   * aendringsSekvens) is ignored, so that a load and the feed may overlap in any order.
   */
  put(record: Institution): boolean {
    switch (record.kind) {
      case 'DaycareInstitution':
        return this.#daycare.put(record);
      case 'AssignmentUnit':
        return this.#units.put(record);
      case 'AlternativeAddress':
        return this.#alternatives.put(record);
      default:
        return assertNever(record, 'institution');
    }
  }

  get<K extends InstitutionKind>(level: K, number: string): InstitutionOf<K> | undefined;
  get(level: InstitutionKind, number: string): Institution | undefined {
    return this.#level(level).byNumber.get(number);
  }

  /** A number at whichever level has it, in the gateway's lookup order. */
  find(number: string): Institution | undefined {
    for (const level of LOOKUP_ORDER) {
      const record = this.get(level, number);
      if (record !== undefined) return record;
    }
    return undefined;
  }

  /** Every record of a level, ordered by number. */
  all<K extends InstitutionKind>(level: K): readonly InstitutionOf<K>[];
  all(level: InstitutionKind): readonly Institution[] {
    return this.#level(level).all();
  }

  /** The answer the register would give to one list read. */
  list(request: ListRequest): RegisterSlice {
    const units = (keep: (unit: AssignmentUnit) => boolean) => ({
      ...EMPTY,
      assignmentUnits: this.#units.all().filter(keep),
    });
    const alternatives = (keep: (alternative: AlternativeAddress) => boolean) => ({
      ...EMPTY,
      alternativeAddresses: this.#alternatives.all().filter(keep),
    });
    switch (request.operation) {
      case 'GetAllDaginstitutioner':
        return { ...EMPTY, daycareInstitutions: this.#daycare.all() };
      case 'GetDagtilbudByAdmKommuneNummer': {
        // Like the register: the daginstitutioner it administers, their units, those units' addresses.
        const daycareInstitutions = this.#daycare
          .all()
          .filter((d) => d.administeringMunicipality.code === request.municipalityCode);
        const parents = new Set(daycareInstitutions.map((d) => d.number));
        const assignmentUnits = this.#units.all().filter((u) => parents.has(u.daycareInstitutionNumber));
        const unitNumbers = new Set(assignmentUnits.map((u) => u.number));
        const alternativeAddresses = this.#alternatives
          .all()
          .filter((a) => unitNumbers.has(a.assignmentUnitNumber));
        return { daycareInstitutions, assignmentUnits, alternativeAddresses };
      }
      case 'GetAllAnvisningsEnheder':
        return { ...EMPTY, assignmentUnits: this.#units.all() };
      case 'GetAnvisningsEnhederByCvrnummer':
        return units((u) => u.cvrNumber === request.cvrNumber);
      case 'GetAnvisningsEnhederByPnummer':
        return units((u) => u.pNumber === request.pNumber);
      case 'GetAnvisningsEnhederByDaginstitutionsnummer':
        return units((u) => u.daycareInstitutionNumber === request.daycareInstitutionNumber);
      case 'GetAllAlternativAdresser':
        return { ...EMPTY, alternativeAddresses: this.#alternatives.all() };
      case 'GetAlternativAdresserByCvrnummer':
        return alternatives((a) => a.cvrNumber === request.cvrNumber);
      case 'GetAlternativAdresserByPnummer':
        return alternatives((a) => a.pNumber === request.pNumber);
      case 'GetAlternativAdresserByAnvisningsenhedsnummer':
        return alternatives((a) => a.assignmentUnitNumber === request.assignmentUnitNumber);
      default:
        return assertNever(request, 'list request');
    }
  }

  #level(level: InstitutionKind): Level<Institution> {
    switch (level) {
      case 'DaycareInstitution':
        return this.#daycare as Level<Institution>;
      case 'AssignmentUnit':
        return this.#units as Level<Institution>;
      case 'AlternativeAddress':
        return this.#alternatives as Level<Institution>;
      default:
        return assertNever(level, 'level');
    }
  }
}

const EMPTY: RegisterSlice = { daycareInstitutions: [], assignmentUnits: [], alternativeAddresses: [] };
