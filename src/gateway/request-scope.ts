import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** What belongs to the HTTP request being served: its id and its child logger. */
export interface RequestScope {
  requestId: string;
  logger: Logger;
}

// Async-local rather than threaded through every port: the id must reach SOAP calls made deep below
// DataLoaders, the shared cache and the coalescer, none of which should know about HTTP requests.
// A coalesced or batched call runs in the context of the request that started it.
const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` as part of one request; everything it starts sees that request's scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being served, if any (none at startup or in a background task). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
