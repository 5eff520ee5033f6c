/**
 * The gateway's one vocabulary of errors (style.md habit 7). Every error a client may see carries one
 * of these codes in `extensions.code`; anything else is masked by `graphql/format-error.ts`.
 */

/** The codes the gateway itself raises. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_FAULT'
  | 'INTERNAL_SERVER_ERROR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** Held back before reaching the register (too many failed logins); `retryAfterSeconds` says when. */
  | 'TOO_MANY_REQUESTS'
  | 'QUERY_TOO_COMPLEX';

/**
 * Apollo Server's own request errors (a query that does not parse or validate, a persisted query it
 * does not know, a bad HTTP request): shown as Apollo words them, since they describe the request.
 */
export const PROTOCOL_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * An error with a code and a message that is safe to show; `extensions` are safe facts for the
 * client beside the code (e.g. the institution number of a write whose outcome is unknown);
 * `cause` is for the log only.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly extensions: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; extensions?: Readonly<Record<string, string>> },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.extensions = options?.extensions ?? {};
  }
}

/** Whether an error is one of the gateway's own. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A BAD_USER_INPUT error. */
export function badUserInput(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message);
}
