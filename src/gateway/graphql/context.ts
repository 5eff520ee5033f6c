import type { RegistryReader } from '../registry/cached-registry.ts';
import { RequestRegistry, type Loaders } from '../registry/loaders.ts';
import { RegistrySearch, type Search } from '../registry/search.ts';

/** What every resolver gets: this request's loaders and searches, nothing shared that holds state. */
export interface GatewayContext {
  loaders: Loaders;
  search: Search;
  /** The code tables, read through the shared cache. */
  codes: Pick<RegistryReader, 'codeTable'>;
  maxPageSize: number;
}

/** The long-lived things a request's context is built from. */
export interface ContextDependencies {
  reader: RegistryReader;
  maxPageSize: number;
}

/**
 * Makes a fresh context per request: new DataLoaders (made on first use) over the one shared,
 * cached reader. A plain object: Apollo copies the context value it is given.
 */
export function createContextFactory(deps: ContextDependencies): () => GatewayContext {
  return () => {
    const loaders = new RequestRegistry(deps.reader);
    return {
      loaders,
      search: new RegistrySearch(loaders),
      codes: deps.reader,
      maxPageSize: deps.maxPageSize,
    };
  };
}
