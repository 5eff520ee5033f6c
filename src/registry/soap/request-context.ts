import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import type { Identity } from '../auth/identity.ts';

/** What an operation may know about the request it serves. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  log: Logger;
  /** The request's XML as received, once read (the ImportService validates its records against the XSD). */
  requestXml: string;
  /** The Body's operation element alone, at its line, once dispatched (what the XSD checks). */
  operationXml?: string;
  /** The operation element's schema errors, once an ImportService write's check has found them. */
  schemaErrors?: readonly { felt: string; kode: string; tekst: string }[];
}

/**
 * Carries the authenticated caller from the HTTP layer into the SOAP operations, which node-soap
 * calls with parsed arguments only.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The current request's context; operations run only inside one. */
export function currentRequest(): RequestContext {
  const context = requestContext.getStore();
  if (context === undefined) throw new Error('A SOAP operation ran outside a request context');
  return context;
}
