import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { CachePolicy, DocumentCachePolicies } from '../cache-policy.ts';

/**
 * The `cache-control` header from the schema's `@cacheControl` hints, as Apollo's cacheControl plugin
 * writes it (`max-age=60, public`; `no-store` when not cacheable or on errors), so that GET and
 * persisted queries can be cached by a CDN or a phone.
 *
 * Used instead of Apollo's plugin, which wraps every field's resolver to add up hints while the
 * query runs: on a warm `institution(number)` that per-field work was a third of the execution
 * time. Every hint of this schema is static (no resolver sets one), so the policy is a function of
 * the document alone, computed once per parsed document and remembered by `policies`.
 */
export function useCacheControl<TContext extends BaseContext>(
  policies: DocumentCachePolicies,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ schema }) {
      return {
        async willSendResponse({ document, response, overallCachePolicy }) {
          let policy: CachePolicy | undefined;
          if (document !== undefined) {
            policy = policies(schema, document);
            overallCachePolicy.restrict(policy);
          }
          const header =
            policy !== undefined &&
            policy.maxAge > 0 &&
            response.body.kind === 'single' &&
            response.body.singleResult.errors === undefined
              ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}`
              : 'no-store';
          response.http.headers.set('cache-control', header);
        },
      };
    },
  };
}
