import type {
  Code,
  CodeTable,
  Institution,
  InstitutionKind,
  InstitutionOf,
  RegisterSlice,
} from '../domain/records.ts';
import type { ListRequest } from './register-client.ts';
import type { StalenessRecorder } from './staleness.ts';

/**
 * The register as the loaders read it: through the TTL cache (`ttl-cache/`) or from the live read
 * model (`read-model/`), chosen at start from the register's WSDL.
 */
export interface RegisterReader {
  /** Records of one level by number; null for a number that level does not have. */
  byNumbers<K extends InstitutionKind>(
    level: K,
    numbers: readonly string[],
  ): Promise<Map<string, InstitutionOf<K> | null>>;
  /**
   * What the cache already holds for a number, without a call: the record (at `level`, or at any
   * level), null when it is known not to exist there, undefined when the cache does not know.
   */
  peek<K extends InstitutionKind>(level: K, number: string): InstitutionOf<K> | null | undefined;
  peek(level: 'any', number: string): Institution | undefined;
  /** One list read; its records are also cached by number. */
  list(request: ListRequest): Promise<RegisterSlice>;
  /** Whether a list answer is in the cache now. */
  hasList(request: ListRequest): boolean;
  codeTable(table: CodeTable): Promise<readonly Code[]>;
  /**
   * After a committed write: deletes the by-number entries of `numbers` at every level (records
   * and "known missing" alike), those of their children that a cached list shows, and every list.
   * A read that started before does not store its (possibly older) answer.
   */
  forget(numbers: readonly string[]): void;
  /**
   * How many times forget() has run: an answer computed while this was lower may hold what a
   * committed write has changed since (the response cache keys its entries by it).
   */
  writeGeneration(): number | string;
  /** Records of one level read from the register, not the cache, and stored in it for everyone. */
  refresh<K extends InstitutionKind>(
    level: K,
    numbers: readonly string[],
  ): Promise<Map<string, InstitutionOf<K> | null>>;
  /**
   * This reader for one request: an expired answer served because the register failed
   * (stale-if-error) is noted in `recorder`.
   */
  withStaleness(recorder: StalenessRecorder): RegisterReader;
  /**
   * Resolves when reads reflect the committed change `sequence` (a write's aendringsSekvens): at
   * once for the TTL cache (forget() did its part), when the live model has applied it otherwise.
   */
  caughtUpTo(sequence: number): Promise<void>;
  /** Whether every record is held (the live model): loaders need not prime what a list returned. */
  holdsEverything(): boolean;
}
