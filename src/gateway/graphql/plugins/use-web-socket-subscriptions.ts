import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses a subscription sent over HTTP with a clear error before it runs: subscriptions are served
 * over WebSocket (graphql-ws) only, and Apollo would otherwise execute one as a query and fail it
 * with a masked INTERNAL_SERVER_ERROR.
 */
export function useWebSocketSubscriptions<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at /graphql, not over HTTP.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
