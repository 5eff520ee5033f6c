import type { Logger } from 'pino';
import type { Identity } from '../auth/identity.ts';

/**
 * Who sent a request, as the HTTP layer authenticated it: handed to the SOAP service with the
 * request and from there to the operation, explicitly (node-soap calls operations with parsed
 * arguments only, so nothing of it can travel through node-soap).
 */
export interface Caller {
  identity: Identity;
  requestId: string;
  /** The request's logger: every line it writes carries the request id and the user. */
  log: Logger;
}
