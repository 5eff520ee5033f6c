import {
  getNamedType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection.ts';

/**
 * The cost an operation may have: a field costs 1, a list multiplies what is under it by its size.
 * A 500-unit page with a 9-field list card costs 7,501; with each unit's daginstitution and
 * alternative addresses 19,501; three page levels nested (500 × 500 × 500) 501,502,001.
 */
export const MAX_COST = 50_000;

/** The sizes assumed for lists that take no size: what the register holds at most, roughly. */
const ASSUMED_SIZES: Readonly<Record<string, number>> = {
  'Query.municipalities': 98,
  'Query.codes': 100,
  // 172 alternative adresser in all over 4,817 units: a handful per unit at most.
  'AssignmentUnit.alternativeAddresses': 10,
};

/** Default page sizes, as the resolvers apply them. */
const DEFAULT_SIZES: Readonly<Record<string, number>> = {
  'Query.search': 10,
  'Query.changes': 100,
};

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * The list estimator: a list field costs 1 + its size × what each item costs. The size is read from
 * the arguments *after* variables are applied (graphql-query-complexity coerces them), so
 * `first: $n` costs what `first: 500` does. A size above the page limit counts as the limit: the
 * connection then refuses it as BAD_USER_INPUT, the answer docs/gateway-api.md ("Limits") promises.
 */
export function listEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection is not counted (GraphiQL needs it; the schema bounds it, and depth is limited).
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const key = `${type.name}.${field.name}`;
    // A connection's edges are its page: the connection field has counted its size already.
    if (type.name.endsWith('Connection')) return undefined;
    const isConnection = getNamedType(field.type).name.endsWith('Connection');
    if (!isConnection && !isList(field.type)) return undefined;
    const asked: unknown =
      args.first ?? args.last ?? (Array.isArray(args.numbers) ? args.numbers.length : undefined);
    const size =
      typeof asked === 'number'
        ? Math.max(0, Math.min(asked, maxPageSize))
        : (ASSUMED_SIZES[key] ?? DEFAULT_SIZES[key] ?? DEFAULT_PAGE_SIZE);
    return 1 + size * childComplexity;
  };
}

/** An operation's cost with its variables; the estimators graphql-query-complexity runs. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxPageSize: number,
): number {
  return getComplexity({
    schema,
    query: document,
    ...(variables !== undefined && { variables }),
    ...(operationName !== undefined && { operationName }),
    estimators: [listEstimator(maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}
