import { CacheEntryTypeError, type CacheEntry, type RegisterCache } from './cache-entry.ts';
import {
  LOOKUP_ORDER,
  type CodeTable,
  type Institution,
  type InstitutionKind,
  type InstitutionOf,
} from '../../domain/records.ts';
import { listKey, type ListRequest, type RegisterClient } from '../../ports/register-client.ts';
import { createEntryAge, STORE_TTL_ONLY, type FreshnessPolicy } from './resilience/entry-age.ts';
import type { RegisterReader } from '../../ports/register-reader.ts';
import { IGNORE_STALENESS, type StalenessRecorder } from '../../ports/staleness.ts';

const recordKey = (level: InstitutionKind, number: string) => `record:${level}:${number}`;
const MISSING: CacheEntry = { type: 'missing' };

const isLevel = <K extends InstitutionKind>(record: Institution, level: K): record is InstitutionOf<K> =>
  record.kind === level;

/**
 * A RegisterReader over a client and the shared cache. Concurrent requests for the same list or code
 * table share one call in flight. With `freshness`, entries are fresh for its TTL and, while the
 * register fails, served for `staleIfErrorMs` longer (the cache must keep them that long).
 */
export function createCachedReader(
  client: RegisterClient,
  cache: RegisterCache,
  freshness?: FreshnessPolicy,
): RegisterReader {
  const age = freshness === undefined ? STORE_TTL_ONLY : createEntryAge(freshness);
  const inFlight = new Map<string, Promise<CacheEntry>>();
  // The list keys stored, so that a write can delete them by key (the cache cannot list its keys).
  const listKeys = new Set<string>();
  // Advanced by every forget(): an answer to a read that started before it is not stored.
  let generation = 0;

  /** Notes in `recorder` when `entry` was read from the register. */
  const noteRead = (entry: CacheEntry, recorder: StalenessRecorder) => {
    const at = age.readAt(entry);
    if (at !== null) recorder.markRead(at);
  };
  /** The entry under `key` if it is within its TTL, noted in `recorder` as served. */
  const fresh = (key: string, recorder: StalenessRecorder = IGNORE_STALENESS): CacheEntry | undefined => {
    const entry = cache.get(key);
    if (entry === undefined || !age.isFresh(entry)) return undefined;
    noteRead(entry, recorder);
    return entry;
  };
  const put = (key: string, entry: CacheEntry) => cache.set(key, age.stamp(entry));
  /** An expired entry that may stand in for the register after `error`, with its age. */
  const staleEntry = (key: string, error: unknown): { entry: CacheEntry; ageMs: number } | null => {
    const entry = cache.get(key);
    const ageMs = entry === undefined ? null : age.staleAge(entry, error);
    return entry === undefined || ageMs === null ? null : { entry, ageMs };
  };
  /** The stand-in for `key` after `error`, noted in `recorder`; rethrows `error` if there is none. */
  const standIn = (key: string, error: unknown, recorder: StalenessRecorder): CacheEntry => {
    const stale = staleEntry(key, error);
    if (stale === null) throw error;
    recorder.markStale(key, stale.ageMs);
    return stale.entry;
  };

  const once = (key: string, load: () => Promise<CacheEntry>): Promise<CacheEntry> => {
    const cached = fresh(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = inFlight.get(key);
    if (pending === undefined) {
      const started: Promise<CacheEntry> = load().finally(() => {
        // A forget() may have replaced it meanwhile; only its own entry is removed.
        if (inFlight.get(key) === started) inFlight.delete(key);
      });
      pending = started;
      inFlight.set(key, pending);
    }
    return pending;
  };

  const prime = (records: readonly Institution[]) => {
    for (const record of records) put(recordKey(record.kind, record.number), { type: 'record', record });
  };

  const peek = (
    level: InstitutionKind | 'any',
    number: string,
    recorder: StalenessRecorder,
  ): Institution | null | undefined => {
    if (level === 'any') {
      for (const at of LOOKUP_ORDER) {
        const entry = fresh(recordKey(at, number), recorder);
        if (entry?.type === 'record') return entry.record;
      }
      return undefined;
    }
    const entry = fresh(recordKey(level, number), recorder);
    return entry?.type === 'record' ? entry.record : entry?.type === 'missing' ? null : undefined;
  };

  /** The expired entries of `misses`, all or none: a partial answer would look complete. */
  const standInsFor = <K extends InstitutionKind>(
    level: K,
    misses: readonly string[],
    error: unknown,
    recorder: StalenessRecorder,
  ): Map<string, InstitutionOf<K> | null> => {
    const found = new Map<string, InstitutionOf<K> | null>();
    const stale = misses.map((number) => [number, staleEntry(recordKey(level, number), error)] as const);
    for (const [number, s] of stale) {
      if (s === null) throw error;
      const { entry } = s;
      found.set(number, entry.type === 'record' && isLevel(entry.record, level) ? entry.record : null);
    }
    for (const [number, s] of stale) if (s !== null) recorder.markStale(recordKey(level, number), s.ageMs);
    return found;
  };

  const byNumbers = async <K extends InstitutionKind>(
    level: K,
    numbers: readonly string[],
    recorder: StalenessRecorder,
  ) => {
    const found = new Map<string, InstitutionOf<K> | null>();
    const misses: string[] = [];
    for (const number of new Set(numbers)) {
      const entry = fresh(recordKey(level, number), recorder);
      if (entry?.type === 'record' && isLevel(entry.record, level)) found.set(number, entry.record);
      else if (entry?.type === 'missing') found.set(number, null);
      else misses.push(number);
    }
    if (misses.length === 0) return found;
    const started = generation;
    let fetched: InstitutionOf<K>[];
    try {
      fetched = await client.byNumbers(level, misses);
    } catch (error) {
      for (const [number, stale] of standInsFor(level, misses, error, recorder)) found.set(number, stale);
      return found;
    }
    const store = started === generation;
    if (store) prime(fetched);
    for (const record of fetched) found.set(record.number, record);
    for (const number of misses) {
      if (!found.has(number)) {
        // Remembered as absent for the TTL, so that finding a number's level costs its calls once.
        if (store) put(recordKey(level, number), MISSING);
        found.set(number, null);
      }
    }
    return found;
  };

  /** The numbers of the records that a cached list shows under one of `parents`. */
  const cachedChildren = (parents: ReadonlySet<string>): string[] => {
    const children: string[] = [];
    for (const key of listKeys) {
      const entry = cache.get(key);
      if (entry?.type !== 'slice') continue;
      for (const unit of entry.slice.assignmentUnits)
        if (parents.has(unit.daycareInstitutionNumber)) children.push(unit.number);
      for (const alternative of entry.slice.alternativeAddresses)
        if (parents.has(alternative.assignmentUnitNumber)) children.push(alternative.number);
    }
    return children;
  };

  const forget = (numbers: readonly string[]) => {
    generation++;
    inFlight.clear();
    const touched = new Set(numbers);
    for (const number of [...touched, ...cachedChildren(touched)]) {
      for (const level of LOOKUP_ORDER) cache.delete(recordKey(level, number));
    }
    // Every list, rather than working out which could hold a record: a write can move a record
    // into or out of any filter (a new CVR, a closed status, another municipality), the lists
    // are few (the three levels, a municipality, a CVR or P-number, a parent) and one call each
    // to read again.
    for (const key of listKeys) cache.delete(key);
    listKeys.clear();
  };

  const list = async (request: ListRequest, recorder: StalenessRecorder) => {
    const key = `list:${listKey(request)}`;
    let entry: CacheEntry;
    try {
      entry = await once(key, async () => {
        const started = generation;
        const slice = await client.list(request);
        const stored: CacheEntry = { type: 'slice', slice };
        if (started !== generation) return stored;
        prime(slice.daycareInstitutions);
        prime(slice.assignmentUnits);
        prime(slice.alternativeAddresses);
        // Stored after its records, so that it is the most recently used of them all.
        put(key, stored);
        listKeys.add(key);
        return stored;
      });
    } catch (error) {
      entry = standIn(key, error, recorder);
    }
    noteRead(entry, recorder);
    if (entry.type !== 'slice') throw new CacheEntryTypeError(key, 'a list');
    return entry.slice;
  };

  const codeTable = async (table: CodeTable, recorder: StalenessRecorder) => {
    const key = `codes:${table}`;
    let entry: CacheEntry;
    try {
      entry = await once(key, async () => {
        const stored: CacheEntry = { type: 'codes', codes: await client.codeTable(table) };
        put(key, stored);
        return stored;
      });
    } catch (error) {
      entry = standIn(key, error, recorder);
    }
    noteRead(entry, recorder);
    if (entry.type !== 'codes') throw new CacheEntryTypeError(key, 'a code table');
    return entry.codes;
  };

  // One view per request recorder; the cache, in-flight reads and generation stay shared.
  const view = (recorder: StalenessRecorder): RegisterReader => ({
    byNumbers: (level, numbers) => byNumbers(level, numbers, recorder),
    peek: ((level: InstitutionKind | 'any', number: string) =>
      peek(level, number, recorder)) as RegisterReader['peek'],
    forget,
    writeGeneration: () => generation,
    async refresh(level, numbers) {
      for (const number of numbers) cache.delete(recordKey(level, number));
      return byNumbers(level, numbers, recorder);
    },
    list: (request) => list(request, recorder),
    hasList: (request) => fresh(`list:${listKey(request)}`)?.type === 'slice',
    codeTable: (table) => codeTable(table, recorder),
    withStaleness: view,
    // forget() has done the cache's part of a write; records read afterwards come from the register.
    caughtUpTo: () => Promise.resolve(),
    holdsEverything: () => false,
  });
  return view(IGNORE_STALENESS);
}
