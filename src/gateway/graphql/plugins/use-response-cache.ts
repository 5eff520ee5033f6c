import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { DocumentCachePolicies } from '../cache-policy.ts';
import type { GatewayContext } from '../context.ts';
import type { ResponseStore } from '../response-cache.ts';
import { hashResponseKey, type ResponseGeneration } from '../response-cache-keys.ts';

/** What the plugin reads of a request's context. */
type WithStaleness = BaseContext & Pick<GatewayContext, 'staleness'>;

/**
 * Whole answers to queries, keyed by query text, operation name and variables (Apollo's response
 * cache plugin): a repeated query is answered without executing it. Only what the schema's
 * `@cacheControl` hints make cacheable is stored (never a mutation, an answer with errors, or one
 * of `PRIVATE` scope). A query that could never be stored (its hints give maxAge 0, as for
 * `{ __typename }`) is not looked up either: no key to hash, no miss to count.
 *
 * An answer is kept until the oldest register data it was made from leaves the shared cache's TTL
 * (the request's recorder knows when that was read), so a stored answer is never older than the
 * cache below it would serve. An answer that used expired records because the register failed
 * (stale-if-error) is not stored, so that the next request asks the register again.
 *
 * A write through this gateway that committed or may have (its outcome unknown) advances the
 * reader's `writeGeneration` (watched by `generation`), which is part of every key: answers made
 * before it are never found again (the next request drops them), including one that was still
 * being computed when the write committed.
 * Writes through another gateway instance or straight at the register show when the TTL runs out.
 */
export function useResponseCache<TContext extends WithStaleness>(
  store: ResponseStore,
  generation: ResponseGeneration,
  policies: DocumentCachePolicies,
): ApolloServerPlugin<TContext> {
  return ApolloServerPluginResponseCache<TContext>({
    cache: store,
    // The plugin's own default, written out so that the HTTP layer's early look-up
    // (http/early-answer.ts) computes the same keys with the same function.
    generateCacheKey: (_, keyData) => hashResponseKey(keyData),
    shouldReadFromCache: async ({ schema, document }) =>
      document !== undefined && policies(schema, document).maxAge > 0,
    extraCacheKeyData: async () => generation.current(),
    shouldWriteToCache: async ({ contextValue, overallCachePolicy }) => {
      const served = contextValue.staleness;
      if (served.report().stale) return false;
      const oldest = served.oldestReadAtMs();
      if (oldest === null) return true;
      const freshForSeconds = (oldest + store.ttlMs - Date.now()) / 1000;
      if (freshForSeconds <= 0) return false;
      // The plugin stores for the policy's maxAge, read right after this hook returns; the
      // Cache-Control header was set from the schema's hints before and keeps them.
      overallCachePolicy.restrict({ maxAge: freshForSeconds });
      return true;
    },
  });
}
