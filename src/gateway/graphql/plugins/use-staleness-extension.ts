import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.ts';

/**
 * Says so in the response when any of it came from the cache past its TTL because the register
 * failed (stale-if-error): `extensions.staleness = { stale: true, maxAgeMs }`.
 */
export function useStalenessExtension(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const staleness = contextValue.staleness.report();
          if (!staleness.stale || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, staleness };
        },
      };
    },
  };
}
