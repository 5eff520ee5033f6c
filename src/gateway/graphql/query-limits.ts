import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

/** The extension code an operation over a limit is refused with (Apollo would say GRAPHQL_VALIDATION_FAILED). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * The limits every operation must keep (docs/gateway-api.md, "Limits"). The graph has cycles (a unit's
 * daginstitution's units …) and each list level may multiply the work by a page size, so depth,
 * aliases and tokens are bounded before anything runs; the page size is capped in
 * the connections; the cost, with the variables applied, in query-cost.ts.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
} as const;

/**
 * Reports a limit's refusal as a validation error with our code (formatError keeps it); armor's
 * Apollo default would report BAD_USER_INPUT, which says the input was wrong, not too big.
 */
const asTooComplex = (context: ValidationContext | null, error: GraphQLError): void => {
  context?.reportError(new GraphQLError(error.message, { extensions: { code: QUERY_TOO_COMPLEX } }));
};

/**
 * graphql-armor's protections for Apollo Server: depth, aliases, directives, tokens, cost, and no
 * field suggestions (they would describe the schema to someone probing it).
 */
export function createQueryLimits(): ReturnType<ApolloArmor['protect']> & {
  parseOptions: { maxTokens: number };
} {
  const onReject = [asTooComplex];
  const report = { onReject, propagateOnRejection: false };
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...report },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...report },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...report },
    // graphql-js's own parser limit instead (parseOptions in app.ts): armor's Apollo plugin turns
    // every syntax error into a validation error and cannot report its own limit with our code.
    maxTokens: { enabled: false },
    // Cost is computed with the variables applied (query-cost.ts): armor's rule runs in validation,
    // before variables are known, and counted `first: $n` as nothing.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/** Whether a parse error is graphql-js refusing a document over the token limit. */
export function isTokenLimitError(message: string): boolean {
  // graphql-js's own wording, typo included ("more that").
  return /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(message);
}
