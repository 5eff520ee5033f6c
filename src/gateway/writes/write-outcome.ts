/**
 * One reason a write was refused: the register's fejlbesked verbatim, or the gateway's own code
 * check. `field` is the register's XML path in the request (`AnvisningsEnhed/Adresse/postNummer`);
 * where that is in the caller's input is the API's business (graphql/mutations/to-payload.ts).
 */
export interface WriteError {
  field: string;
  code: string;
  message: string;
  /** Who found it: the register's rules, or the gateway's check of a code against its tables. */
  by: 'register' | 'gateway';
}

/**
 * What a write came to, short of an error (UNAUTHENTICATED, FORBIDDEN, an upstream failure are
 * AppErrors): each with the payload to answer.
 */
export type WriteOutcome<P> =
  /** Committed: the payload's records read back from the register. */
  | { kind: 'written'; payload: P }
  /** A dry run that found nothing to refuse; nothing was written, the payload's records are null. */
  | { kind: 'valid'; payload: P }
  /** Nothing was changed: every error found, and the payload with its records null. */
  | { kind: 'refused'; payload: P; errors: readonly WriteError[] };
