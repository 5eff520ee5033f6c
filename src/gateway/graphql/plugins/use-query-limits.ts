import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';

/**
 * What the gateway uses of graphql-armor's Apollo plugins, typed by their shape: armor's types come
 * from Apollo's CommonJS build and the gateway's from its ES module build, the same shapes that
 * TypeScript keeps apart (by HeaderMap's private field). With the protections query-limits.ts
 * turns on, armor's one plugin masks field suggestions in error messages (`didEncounterErrors`);
 * the rest of the limits are validation rules, which need no plugin.
 */
export interface ArmorPlugin {
  requestDidStart?(requestContext: object): Promise<ArmorListener | void>;
}

/** The hook armor's suggestion masking uses. */
export interface ArmorListener {
  didEncounterErrors?(requestContext: { readonly errors: readonly GraphQLError[] }): Promise<void>;
}

/**
 * graphql-armor's plugins (createQueryLimits().plugins) as one plugin of the gateway's context type.
 * Armor's listeners are started only when a request has errors to mask: on every other request
 * (nearly all) they would be made for nothing.
 */
export function useQueryLimits<T extends BaseContext>(
  plugins: readonly ArmorPlugin[],
): ApolloServerPlugin<T> {
  return {
    async requestDidStart(requestContext) {
      return {
        async didEncounterErrors(errorsContext) {
          for (const plugin of plugins) {
            const listener = await plugin.requestDidStart?.(requestContext);
            await listener?.didEncounterErrors?.(errorsContext);
          }
        },
      };
    },
  };
}
