import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, PROTOCOL_ERROR_CODES } from '../errors.ts';
import { currentRequestScope } from '../request-scope.ts';
import { isTokenLimitError, QUERY_TOO_COMPLEX } from './query-limits.ts';

// Duck-typed, not `instanceof GraphQLError`: graphql ships both CJS and ESM builds, and a test
// runner may load Apollo's copy and the gateway's copy as two different classes.
interface GraphqlErrorLike {
  path?: unknown;
  originalError?: unknown;
  extensions?: { code?: unknown };
}
const asGraphqlError = (error: unknown): GraphqlErrorLike =>
  typeof error === 'object' && error !== null ? (error as GraphqlErrorLike) : {};

/** The error a resolver threw, out of graphql-js's wrapper (what Apollo's unwrapResolverError does). */
const unwrapResolverError = (error: unknown): unknown => {
  const e = asGraphqlError(error);
  return e.path !== undefined && e.originalError !== undefined && e.originalError !== null
    ? e.originalError
    : error;
};

/** The code a validation rule or a scalar gave the error it raised (Apollo relabels it). */
const originalCode = (error: unknown): unknown =>
  asGraphqlError(asGraphqlError(error).originalError).extensions?.code;

/**
 * Apollo's formatError: the gateway's own errors and Apollo's request errors keep their message and
 * code; everything else is logged and shown as a bare INTERNAL_SERVER_ERROR. Only message,
 * locations, path and `extensions.code` ever leave: no stack, no upstream envelope, no credentials.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // The request's child logger, so that the line carries the request id.
    const log = currentRequestScope()?.logger ?? logger;
    const where = {
      ...(formatted.locations !== undefined && { locations: formatted.locations }),
      ...(formatted.path !== undefined && { path: formatted.path }),
    };
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      if (original.code.startsWith('UPSTREAM_') || original.code === 'INTERNAL_SERVER_ERROR') {
        log.warn({ code: original.code, cause: original.cause, path: formatted.path }, original.message);
      }
      return {
        message: original.message,
        ...where,
        extensions: { ...original.extensions, code: original.code },
      };
    }
    const tooComplex =
      originalCode(error) === QUERY_TOO_COMPLEX ||
      // The cost plugin's refusal, raised before execution (query-cost.ts).
      (formatted.extensions?.code === QUERY_TOO_COMPLEX && formatted.path === undefined);
    if (tooComplex || isTokenLimitError(formatted.message))
      return { message: formatted.message, ...where, extensions: { code: QUERY_TOO_COMPLEX } };
    // A scalar's refusal of a literal (scalars/text-scalar.ts) is bad input, not a bad document.
    if (originalCode(error) === 'BAD_USER_INPUT' && formatted.path === undefined)
      return { message: formatted.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
    // Apollo's automatic persisted queries: a hash that is not the query's, sent without a code.
    if (formatted.message === 'provided sha does not match query' && formatted.path === undefined) {
      return {
        message:
          'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it: send the hash of this query text, or no hash.',
        ...where,
        extensions: { code: 'BAD_REQUEST' },
      };
    }
    const code = formatted.extensions?.code;
    // Apollo's request errors come before execution; an error with a path came from a resolver.
    if (typeof code === 'string' && PROTOCOL_ERROR_CODES.has(code) && formatted.path === undefined) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error, masked for the client');
    return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
