import { assertNever } from '../assert-never.ts';
import {
  alternativeAddressSources,
  assignmentUnitSources,
  chooseSource,
  daycareInstitutionSources,
} from './candidate-source.ts';
import {
  alternativeAddressPredicate,
  assignmentUnitPredicate,
  daycareInstitutionPredicate,
  type AlternativeAddressFilter,
  type AssignmentUnitFilter,
  type DaycareInstitutionFilter,
} from '../domain/filters.ts';
import type { RequestLoaders } from './loaders.ts';
import type {
  AlternativeAddress,
  AssignmentUnit,
  DaycareInstitution,
  RegisterSlice,
} from '../domain/records.ts';
import { autocomplete, type SearchHit } from '../domain/autocomplete.ts';
import type { InstitutionKind, InstitutionStatus } from '../domain/records.ts';
import { rank, type Ranked } from '../domain/rank.ts';
import type { ListRequest } from '../ports/register-client.ts';

/** Filtered, ordered result lists, computed in memory from cached candidate lists. */
export interface Search {
  /** Anvisningsenheder; with `daycareInstitutionNumber`, only that daginstitution's. */
  assignmentUnits(
    filter: AssignmentUnitFilter,
    scope?: { daycareInstitutionNumber: string },
  ): Promise<Ranked<AssignmentUnit>[]>;
  daycareInstitutions(filter: DaycareInstitutionFilter): Promise<Ranked<DaycareInstitution>[]>;
  alternativeAddresses(filter: AlternativeAddressFilter): Promise<Ranked<AlternativeAddress>[]>;
  /** Autocomplete suggestions over the given levels' whole lists, best first. */
  autocomplete(query: {
    text: string;
    first: number;
    levels: readonly InstitutionKind[];
    statuses: readonly InstitutionStatus[];
  }): Promise<SearchHit[]>;
}

/** The searches of one request, over its loaders. */
export class RequestSearch implements Search {
  readonly #loaders: RequestLoaders;

  constructor(loaders: RequestLoaders) {
    this.#loaders = loaders;
  }

  async assignmentUnits(
    filter: AssignmentUnitFilter,
    scope?: { daycareInstitutionNumber: string },
  ): Promise<Ranked<AssignmentUnit>[]> {
    const candidates =
      scope === undefined
        ? (await this.#read(assignmentUnitSources(filter))).assignmentUnits
        : await this.#loaders.assignmentUnitsByDaycareInstitution.load(scope.daycareInstitutionNumber);
    // Ejerform belongs to the daginstitution: one read of that level answers it for every unit.
    const ownership =
      filter.ownershipCodes === undefined
        ? new Map<string, number>()
        : new Map(
            (await this.#loaders.list({ operation: 'GetAllDaginstitutioner' })).daycareInstitutions.map(
              (d) => [d.number, d.ownership.code],
            ),
          );
    const matches = assignmentUnitPredicate(filter, (number) => ownership.get(number));
    return rank(candidates.filter(matches), (unit) => unit.address.location, filter.near);
  }

  async daycareInstitutions(filter: DaycareInstitutionFilter): Promise<Ranked<DaycareInstitution>[]> {
    const candidates = (await this.#read(daycareInstitutionSources(filter))).daycareInstitutions;
    return rank(candidates.filter(daycareInstitutionPredicate(filter)), () => null, undefined);
  }

  async alternativeAddresses(filter: AlternativeAddressFilter): Promise<Ranked<AlternativeAddress>[]> {
    const candidates = (await this.#read(alternativeAddressSources(filter))).alternativeAddresses;
    return rank(
      candidates.filter(alternativeAddressPredicate(filter)),
      (alternative) => alternative.address.location,
      filter.near,
    );
  }

  async autocomplete(query: {
    text: string;
    first: number;
    levels: readonly InstitutionKind[];
    statuses: readonly InstitutionStatus[];
  }): Promise<SearchHit[]> {
    const lists = await Promise.all(
      query.levels.map(async (level) => {
        switch (level) {
          case 'DaycareInstitution':
            return (await this.#loaders.list({ operation: 'GetAllDaginstitutioner' })).daycareInstitutions;
          case 'AssignmentUnit':
            return (await this.#loaders.list({ operation: 'GetAllAnvisningsEnheder' })).assignmentUnits;
          case 'AlternativeAddress':
            return (await this.#loaders.list({ operation: 'GetAllAlternativAdresser' })).alternativeAddresses;
          default:
            return assertNever(level, 'level');
        }
      }),
    );
    const records = lists.flat().filter((record) => query.statuses.includes(record.status));
    return autocomplete(records, query.text, query.first);
  }

  #read(sources: readonly ListRequest[]): Promise<RegisterSlice> {
    return this.#loaders.list(chooseSource(sources, (request) => this.#loaders.hasList(request)));
  }
}
