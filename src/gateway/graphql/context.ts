import type { RegisterReader } from '../ports/register-reader.ts';
import { CallerCredentials } from '../ports/caller-credentials.ts';
import { RequestLoaders, type Loaders } from '../loaders/loaders.ts';
import type { RegisterWriter } from '../ports/register-writer.ts';
import { RequestSearch, type Search } from '../loaders/search.ts';
import type { ChangeSource } from '../ports/change-source.ts';
import { createStalenessRecorder, type StalenessRecorder } from '../ports/staleness.ts';
import { createWriteService, type WriteService } from '../writes/write-service.ts';

/** What every resolver gets: this request's loaders and searches, nothing shared that holds state. */
export interface GatewayContext {
  loaders: Loaders;
  search: Search;
  /** The code tables, read through the shared cache. */
  codes: Pick<RegisterReader, 'codeTable'>;
  maxPageSize: number;
  /** The caller's own register identity from this request's `Authorization: Basic`; null: none. */
  caller: CallerCredentials | null;
  /** The gateway's writes (checks, the write, freshness, read-back), called with `caller`. */
  writes: WriteService;
  /** Expired answers this request was served because the register failed (stale-if-error). */
  staleness: StalenessRecorder;
  /** The register's change feed, for `changes` and `institutionChanged`. */
  changes: ChangeSource;
}

/** The long-lived things a request's context is built from. */
export interface ContextDependencies {
  reader: RegisterReader;
  writer: RegisterWriter;
  maxPageSize: number;
  changes: ChangeSource;
}

/** What a context takes from its HTTP request. */
export interface RequestFacts {
  authorization: string | undefined;
}

/**
 * Makes a fresh context per request: new DataLoaders (made on first use) over the one shared,
 * cached reader. A plain object: Apollo copies the context value it is given.
 */
export function createContextFactory(deps: ContextDependencies): (request: RequestFacts) => GatewayContext {
  // One write service for every request: it holds no request's state.
  const writes = createWriteService({ writer: deps.writer, freshness: deps.reader });
  return (request) => {
    const staleness = createStalenessRecorder();
    const reader = deps.reader.withStaleness(staleness);
    const loaders = new RequestLoaders(reader);
    return {
      loaders,
      search: new RequestSearch(loaders),
      codes: reader,
      maxPageSize: deps.maxPageSize,
      caller: CallerCredentials.fromHeader(request.authorization),
      writes,
      staleness,
      changes: deps.changes,
    };
  };
}
