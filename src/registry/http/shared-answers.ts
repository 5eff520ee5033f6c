import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { SoapAnswer, SoapService } from '../soap/soap-service.ts';
import { createAnswerBytes, type AnswerBytes } from './answer-bytes.ts';

/** Limits of the shared answers. */
export interface SharedAnswersOptions {
  /**
   * What the data is at: an answer is shared until this changes. The store's change sequence,
   * which every committed write moves (a refused write, a dry run commits nothing and moves
   * nothing: counting transactions instead would let any caller empty the cache with bad writes).
   */
  version(): string;
  /** Answers smaller than this (UTF-8 bytes) are cheap to make again and are not kept. */
  minBytes: number;
  /** At most this many bytes are kept: each answer's UTF-8 bytes and every compressed variant of it. */
  maxBytes: number;
}

/** An answer kept as bytes: `body` decodes them on demand; the HTTP layer sends `bytes` as they are. */
export interface SharedAnswer extends SoapAnswer {
  readonly bytes: AnswerBytes;
}

/** Whether an answer carries its bytes (a shared ExportService answer) or only its text. */
export function isSharedAnswer(answer: SoapAnswer): answer is SharedAnswer {
  return 'bytes' in answer;
}

/**
 * A SoapService whose big answers are made once, kept as bytes (and each compressed variant made
 * once), and shared by every caller until the next committed write. For the ExportService only: its
 * answers depend on the request and the data, never on who asks (every authenticated caller may read
 * everything), and it writes nothing.
 *
 * Why: GetAllAnvisningsEnheder is 3.5 MB and half a second of CPU to make, and its UTF-8 encoding
 * and gzip another 15 ms and 60 ms; its content changes only when a write commits. The key is the
 * request as processed (its decoded text, the Content-Type and the SOAPAction: all that decides the
 * operation, the SOAP version and the answer), so a SOAP 1.2 request never gets a 1.1 answer.
 * Callers asking at the same time wait for one computation. Only successful answers are shared:
 * a fault carries its own request's reference. Memory is bounded by `maxBytes`, least recently used
 * answers first out; a write empties it.
 */
export function shareAnswers(service: SoapService, options: SharedAnswersOptions): SoapService {
  const kept = new LRUCache<string, KeptAnswer>({
    // lru-cache needs a positive bound; 0 keeps nothing (every answer is too big for it).
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (answer) => answer.keptBytes,
  });
  let keptVersion = '';
  const inFlight = new Map<string, Promise<SoapAnswer>>();

  /** The answer as bytes, counted against the bound with each variant as it is made. */
  const toShared = (key: string, answer: SoapAnswer): SoapAnswer => {
    if (answer.statusCode !== 200) return answer;
    const identity = Buffer.from(answer.body, 'utf8');
    if (identity.length < options.minBytes || identity.length > options.maxBytes) return answer;
    const shared: KeptAnswer = {
      statusCode: answer.statusCode,
      contentType: answer.contentType,
      get body() {
        return identity.toString('utf8');
      },
      keptBytes: identity.length,
      bytes: createAnswerBytes(identity, (encoded) => {
        // A variant counts only while its answer is kept (a write empties the cache); setting the answer
        // again makes lru-cache weigh it anew (and push out the least recent others to fit).
        if (kept.peek(key) !== shared) return false;
        if (shared.keptBytes + encoded.length > options.maxBytes) return false;
        shared.keptBytes += encoded.length;
        kept.set(key, shared);
        return kept.peek(key) === shared;
      }),
    };
    return shared;
  };

  return {
    ...service,
    async process(...args: Parameters<SoapService['process']>): Promise<SoapAnswer> {
      const version = options.version();
      if (version !== keptVersion) {
        // A committed write: nothing kept describes the data any more.
        kept.clear();
        keptVersion = version;
      }
      // The caller is no part of the key: every caller gets the same ExportService answer.
      const [{ xml, contentType, soapAction }] = args;
      const key = createHash('sha256')
        .update(JSON.stringify([xml, contentType, soapAction]))
        .digest('base64');
      const hit = kept.get(key);
      if (hit !== undefined) return hit;
      const flightKey = `${version}:${key}`;
      const pending = inFlight.get(flightKey);
      if (pending !== undefined) {
        const shared = await pending;
        if (shared.statusCode === 200) return shared;
        return service.process(...args);
      }
      const computing = service.process(...args).then((answer) => toShared(key, answer));
      inFlight.set(flightKey, computing);
      try {
        const answer = await computing;
        // Kept only when no write committed while it was made: else it may describe the data before it.
        if (isKeptAnswer(answer) && options.version() === version) {
          kept.set(key, answer);
        }
        return answer;
      } finally {
        inFlight.delete(flightKey);
      }
    },
  };
}

/** A shared answer with the bytes it holds (its own and its variants'). */
interface KeptAnswer extends SharedAnswer {
  keptBytes: number;
}

function isKeptAnswer(answer: SoapAnswer): answer is KeptAnswer {
  return 'keptBytes' in answer;
}
