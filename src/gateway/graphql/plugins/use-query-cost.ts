import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { MAX_COST, operationCost } from '../query-cost.ts';
import { QUERY_TOO_COMPLEX } from '../query-limits.ts';

/** How many variable sets a document's costs are remembered for (a bound, not a tuning knob). */
const COSTS_PER_DOCUMENT = 64;

/**
 * Refuses, before anything runs, an operation whose cost with its variables is over the limit.
 * A plugin, not a validation rule: validation runs once per document and is cached, before the
 * variables are known, which is how a page size passed as a variable used to count as nothing.
 *
 * A cost is a function of the document, the operation name and the variables alone (one schema), and Apollo
 * hands the same parsed document to every request with the same text (its document store): the
 * costs are remembered per document, so that a repeated request does not walk its document again
 * (that walk was a twentieth of the gateway's time on `{ __typename }`).
 */
export function useQueryCost<T extends BaseContext>(
  maxPageSize: number,
  maxCost = MAX_COST,
): ApolloServerPlugin<T> {
  // null: the variables do not coerce; execution refuses them with BAD_USER_INPUT, nothing runs.
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): number | null => {
    const key = `${operationName ?? ''}\n${variables === undefined ? '' : JSON.stringify(variables)}`;
    let known = costs.get(document);
    const remembered = known?.get(key);
    if (remembered !== undefined) return remembered;
    let cost: number | null;
    try {
      cost = operationCost(schema, document, variables, operationName, maxPageSize);
    } catch {
      cost = null;
    }
    if (known === undefined || known.size >= COSTS_PER_DOCUMENT) {
      known = new Map();
      costs.set(document, known);
    }
    known.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = costOf(schema, document, request.variables, operationName ?? undefined);
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(
              `The operation costs ${cost}, more than the limit of ${maxCost}: ask for smaller pages or fewer nested lists.`,
              { extensions: { code: QUERY_TOO_COMPLEX, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
