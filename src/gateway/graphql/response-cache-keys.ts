import { hash } from 'node:crypto';
import type { ResponseStore } from './response-cache.ts';

/**
 * The prefix Apollo's response cache plugin puts before every key it reads and writes
 * (`PrefixingKeyValueCache(cache, 'fqc:')` in @apollo/server-plugin-response-cache 5).
 */
export const RESPONSE_KEY_PREFIX = 'fqc:';

/**
 * What an answer is stored by, in the plugin's own order (its `baseCacheKey` then `sessionMode`):
 * the query text, the operation's resolved name (null: anonymous), the variables as sent, the
 * read model's generation, and the plugin's session mode (0: no session, the only one used here).
 */
export interface ResponseKeyData {
  source: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  extra: number | string;
  sessionMode: 0;
}

/**
 * The plugin's key of `data` (its default: SHA-256 of the JSON, hex), written once for both paths;
 * Node's one-shot `hash` makes no Hash object per request.
 */
export function hashResponseKey(data: unknown): string {
  return hash('sha256', JSON.stringify(data), 'hex');
}

/** The read model's generation as answers are keyed by it; answers of an older one are let go. */
export interface ResponseGeneration {
  /** The generation now; when it has moved since the last call, the store is emptied first. */
  current(): number | string;
}

/**
 * One watch over the reader's write generation for the plugin and the HTTP layer's early look-up,
 * so that whichever sees a new generation first empties the store (answers of an older generation
 * can never be found again: let them go at once rather than leave them for the LRU to push out).
 */
export function createResponseGeneration(
  store: Pick<ResponseStore, 'clear'>,
  source: { writeGeneration(): number | string },
): ResponseGeneration {
  let seen = source.writeGeneration();
  return {
    current() {
      const generation = source.writeGeneration();
      if (generation !== seen) {
        seen = generation;
        store.clear();
      }
      return generation;
    },
  };
}
