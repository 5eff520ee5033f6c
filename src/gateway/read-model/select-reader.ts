import type { InstitutionKind } from '../domain/records.ts';
import type { RegisterReader } from '../ports/register-reader.ts';
import type { StalenessRecorder } from '../ports/staleness.ts';

/** Which reader serves: the live model (the register offers the feed) or the TTL cache. */
export type ReadMode = 'live' | 'ttl';

/** What the selecting reader is made of. */
export interface SelectReaderOptions {
  /** Asks the register's WSDL; rejects while it cannot be read. */
  detect(): Promise<ReadMode>;
  ttl: RegisterReader;
  /** Makes (and starts) the live reader, once. */
  live(): RegisterReader;
  /** How long to wait before asking the WSDL again after it could not be read. */
  retryDelayMs: number;
  onSelected?(mode: ReadMode): void;
}

/** A reader that serves from one mode once it is known, and says which. */
export interface SelectingReader extends RegisterReader {
  /** The mode, once the WSDL has been read; null before. */
  mode(): ReadMode | null;
  /** Resolves with the mode once it is known. */
  selected(): Promise<ReadMode>;
  stop(): void;
}

/**
 * The reader chosen once, at start, from the register's WSDL: the live model when it offers the
 * change feed, the TTL cache otherwise. The gateway listens before that is known (the register may
 * be down at start); until then reads wait for the choice, and fail as the TTL cache would while
 * the register cannot be reached. The choice is never revisited: a register that gains or loses
 * the feed is a new deployment.
 */
export function createSelectingReader(options: SelectReaderOptions): SelectingReader {
  let chosen: { mode: ReadMode; reader: RegisterReader } | null = null;
  let pending: Promise<RegisterReader> | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let resolveSelected: (mode: ReadMode) => void = () => {};
  const selected = new Promise<ReadMode>((resolve) => (resolveSelected = resolve));

  const current = (): Promise<RegisterReader> => {
    if (chosen !== null) return Promise.resolve(chosen.reader);
    pending ??= options.detect().then(
      (mode) => {
        const reader = mode === 'live' ? options.live() : options.ttl;
        chosen = { mode, reader };
        options.onSelected?.(mode);
        resolveSelected(mode);
        return reader;
      },
      (error: unknown) => {
        pending = null;
        if (!stopped) {
          retry = setTimeout(() => void current().catch(() => {}), options.retryDelayMs);
          retry.unref();
        }
        throw error;
      },
    );
    return pending;
  };
  // Chosen in the background from the start, so that the live model loads before the first query.
  void current().catch(() => {});

  const view = (recorder: StalenessRecorder | null): SelectingReader => {
    const reader = async () => {
      const r = await current();
      return recorder === null ? r : r.withStaleness(recorder);
    };
    const now = (): RegisterReader | null =>
      chosen === null ? null : recorder === null ? chosen.reader : chosen.reader.withStaleness(recorder);
    return {
      byNumbers: async (level, numbers) => (await reader()).byNumbers(level, numbers),
      peek: ((level: InstitutionKind | 'any', number: string) => {
        const r = now();
        if (r === null) return undefined;
        return level === 'any' ? r.peek('any', number) : r.peek(level, number);
      }) as RegisterReader['peek'],
      list: async (request) => (await reader()).list(request),
      hasList: (request) => now()?.hasList(request) ?? false,
      codeTable: async (table) => (await reader()).codeTable(table),
      // Before the choice nothing is held; the TTL cache's forget() is harmless either way.
      forget: (numbers) => (chosen?.reader ?? options.ttl).forget(numbers),
      writeGeneration: () => (chosen === null ? 'pending' : chosen.reader.writeGeneration()),
      refresh: async (level, numbers) => (await reader()).refresh(level, numbers),
      withStaleness: (next) => view(next),
      caughtUpTo: async (sequence) => (await reader()).caughtUpTo(sequence),
      holdsEverything: () => now()?.holdsEverything() ?? false,
      mode: () => chosen?.mode ?? null,
      selected: () => selected,
      stop: () => {
        stopped = true;
        if (retry !== null) clearTimeout(retry);
      },
    };
  };
  return view(null);
}
