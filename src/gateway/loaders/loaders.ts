import DataLoader from 'dataloader';
import type { RegisterReader } from '../ports/register-reader.ts';
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

/** The batch extension takes at most 1000 numbers per call; one loader batch is one call. */
const MAX_BATCH_SIZE = 1000;

/** The per-request DataLoaders (dataloader README: a new DataLoader per request). */
export interface Loaders {
  readonly daycareInstitution: DataLoader<string, DaycareInstitution | null>;
  readonly assignmentUnit: DataLoader<string, AssignmentUnit | null>;
  readonly alternativeAddress: DataLoader<string, AlternativeAddress | null>;
  /** Any level: tries each level's batch look-up in turn, at most one call per level. */
  readonly institution: DataLoader<string, Institution | null>;
  readonly assignmentUnitsByDaycareInstitution: DataLoader<string, readonly AssignmentUnit[]>;
  readonly alternativeAddressesByAssignmentUnit: DataLoader<string, readonly AlternativeAddress[]>;
  /**
   * A record by number, at one level or at any: straight from the shared cache when it holds the
   * answer (no promise, no batch to wait for: the warm path), else through the loaders above.
   */
  find<K extends InstitutionKind>(level: K, number: string): MaybePromise<InstitutionOf<K> | null>;
  find(level: 'any', number: string): MaybePromise<Institution | null>;
  /** Forgets what this request has loaded: after its own write, it reads the register afresh. */
  clear(): void;
}

/** A value now, or later. */
export type MaybePromise<T> = T | Promise<T>;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** Runs a batch; a failure fills every key's slot with the error instead of rejecting the batch. */
const settle =
  <V>(batch: (keys: readonly string[]) => Promise<V[]>) =>
  async (keys: readonly string[]): Promise<(V | Error)[]> => {
    try {
      return await batch(keys);
    } catch (error) {
      return keys.map(() => asError(error));
    }
  };

const groupBy = <T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [record]);
    else group.push(record);
  }
  return groups;
};

const WHOLE_UNIT_LEVEL: ListRequest = { operation: 'GetAllAnvisningsEnheder' };
const WHOLE_ALTERNATIVE_LEVEL: ListRequest = { operation: 'GetAllAlternativAdresser' };

/**
 * One request's view of the register: its loaders, and list reads that prime them. Loaders are made
 * on first use, so a request pays only for the ones it needs.
 */
export class RequestLoaders implements Loaders {
  readonly #reader: RegisterReader;
  #primed?: Set<string>;
  #daycareInstitution?: DataLoader<string, DaycareInstitution | null>;
  #assignmentUnit?: DataLoader<string, AssignmentUnit | null>;
  #alternativeAddress?: DataLoader<string, AlternativeAddress | null>;
  #institution?: DataLoader<string, Institution | null>;
  #unitsByParent?: DataLoader<string, readonly AssignmentUnit[]>;
  #alternativesByParent?: DataLoader<string, readonly AlternativeAddress[]>;

  constructor(reader: RegisterReader) {
    this.#reader = reader;
  }

  get daycareInstitution(): DataLoader<string, DaycareInstitution | null> {
    return (this.#daycareInstitution ??= this.#byNumber('DaycareInstitution'));
  }

  get assignmentUnit(): DataLoader<string, AssignmentUnit | null> {
    return (this.#assignmentUnit ??= this.#byNumber('AssignmentUnit'));
  }

  get alternativeAddress(): DataLoader<string, AlternativeAddress | null> {
    return (this.#alternativeAddress ??= this.#byNumber('AlternativeAddress'));
  }

  get institution(): DataLoader<string, Institution | null> {
    return (this.#institution ??= new DataLoader(
      settle((numbers) => this.#findAtAnyLevel(numbers)),
      { maxBatchSize: MAX_BATCH_SIZE, name: 'institutionByNumber' },
    ));
  }

  get assignmentUnitsByDaycareInstitution(): DataLoader<string, readonly AssignmentUnit[]> {
    return (this.#unitsByParent ??= this.#children(
      'assignmentUnitsByDaycareInstitution',
      WHOLE_UNIT_LEVEL,
      (daycareInstitutionNumber) => ({
        operation: 'GetAnvisningsEnhederByDaginstitutionsnummer',
        daycareInstitutionNumber,
      }),
      (slice) => slice.assignmentUnits,
      (unit) => unit.daycareInstitutionNumber,
    ));
  }

  get alternativeAddressesByAssignmentUnit(): DataLoader<string, readonly AlternativeAddress[]> {
    return (this.#alternativesByParent ??= this.#children(
      'alternativeAddressesByAssignmentUnit',
      WHOLE_ALTERNATIVE_LEVEL,
      (assignmentUnitNumber) => ({
        operation: 'GetAlternativAdresserByAnvisningsenhedsnummer',
        assignmentUnitNumber,
      }),
      (slice) => slice.alternativeAddresses,
      (alternative) => alternative.assignmentUnitNumber,
    ));
  }

  find<K extends InstitutionKind>(level: K, number: string): MaybePromise<InstitutionOf<K> | null>;
  find(level: 'any', number: string): MaybePromise<Institution | null>;
  find(level: InstitutionKind | 'any', number: string): MaybePromise<Institution | null> {
    if (level === 'any') return this.#reader.peek('any', number) ?? this.institution.load(number);
    const cached = this.#reader.peek(level, number);
    return cached === undefined ? this.#level(level).load(number) : cached;
  }

  /**
   * One list read; its records are primed into this request's by-number loaders, so that the rest
   * of the request sees them even if the shared cache lets them go meanwhile.
   */
  async list(request: ListRequest): Promise<RegisterSlice> {
    const slice = await this.#reader.list(request);
    // The live model answers every look-up by number at once: nothing to prime.
    if (this.#reader.holdsEverything()) return slice;
    const key = JSON.stringify(request);
    this.#primed ??= new Set();
    if (!this.#primed.has(key)) {
      this.#primed.add(key);
      for (const r of slice.daycareInstitutions) this.daycareInstitution.prime(r.number, r);
      for (const r of slice.assignmentUnits) this.assignmentUnit.prime(r.number, r);
      for (const r of slice.alternativeAddresses) this.alternativeAddress.prime(r.number, r);
    }
    return slice;
  }

  /** Whether a list answer is in the shared cache now. */
  hasList(request: ListRequest): boolean {
    return this.#reader.hasList(request);
  }

  clear(): void {
    this.#primed = undefined;
    this.#daycareInstitution = undefined;
    this.#assignmentUnit = undefined;
    this.#alternativeAddress = undefined;
    this.#institution = undefined;
    this.#unitsByParent = undefined;
    this.#alternativesByParent = undefined;
  }

  #level<K extends InstitutionKind>(level: K): DataLoader<string, InstitutionOf<K> | null>;
  #level(level: InstitutionKind): DataLoader<string, Institution | null> {
    switch (level) {
      case 'DaycareInstitution':
        return this.daycareInstitution;
      case 'AssignmentUnit':
        return this.assignmentUnit;
      case 'AlternativeAddress':
        return this.alternativeAddress;
    }
  }

  #byNumber<K extends InstitutionKind>(level: K): DataLoader<string, InstitutionOf<K> | null> {
    return new DataLoader<string, InstitutionOf<K> | null>(
      settle(async (numbers) => {
        const found = await this.#reader.byNumbers(level, numbers);
        return numbers.map((number) => found.get(number) ?? null);
      }),
      { maxBatchSize: MAX_BATCH_SIZE, name: `${level}ByNumber` },
    );
  }

  async #findAtAnyLevel(numbers: readonly string[]): Promise<(Institution | null)[]> {
    const found = new Map<string, Institution>();
    let remaining: string[] = [];
    for (const number of numbers) {
      const cached = this.#reader.peek('any', number);
      if (cached === undefined) remaining.push(number);
      else found.set(number, cached);
    }
    for (const level of LOOKUP_ORDER) {
      if (remaining.length === 0) break;
      const answers = await this.#level(level).loadMany(remaining);
      const next: string[] = [];
      for (const [i, answer] of answers.entries()) {
        const number = remaining[i] ?? '';
        if (answer instanceof Error) throw answer;
        if (answer === null) next.push(number);
        else found.set(number, answer);
      }
      remaining = next;
    }
    return numbers.map((number) => found.get(number) ?? null);
  }

  /**
   * Children by parent number: one parent asks STIL's by-parent operation; several (a page of
   * parents) read the whole level once, which is also what a cached whole level costs: nothing.
   */
  #children<T>(
    name: string,
    whole: ListRequest,
    one: (parent: string) => ListRequest,
    pick: (slice: RegisterSlice) => readonly T[],
    parentOf: (record: T) => string,
  ): DataLoader<string, readonly T[]> {
    return new DataLoader<string, readonly T[]>(
      settle(async (parents) => {
        const single = parents.length === 1 && !this.#reader.hasList(whole) ? parents[0] : undefined;
        const slice = await this.list(single === undefined ? whole : one(single));
        const groups = groupBy(pick(slice), parentOf);
        return parents.map((parent) => groups.get(parent) ?? []);
      }),
      { maxBatchSize: MAX_BATCH_SIZE, name },
    );
  }
}
