import {
  chooseEncoding,
  compress,
  MIN_COMPRESSED_SIZE,
  type ContentEncoding,
} from '../../http/content-encoding.ts';

/** An encoding the register answers in. */
export type AnswerEncoding = ContentEncoding;

/** The last few big answers compressed: the shared answers (shared-answers.ts) are the same string. */
const RECENT_MAX = 4;

/**
 * The encoding to answer in from `Accept-Encoding`: gzip, which every SOAP client that asks at all
 * asks for (zeep through requests, node-soap through axios), or brotli, preferred on a tie; none
 * when neither is acceptable (`q=0`), for a small body, or when the client asks for none.
 */
export function answerEncoding(acceptEncoding: string | undefined, bodyChars: number): AnswerEncoding | null {
  return bodyChars < MIN_COMPRESSED_SIZE ? null : chooseEncoding(acceptEncoding);
}

/** Per encoding, body → its compressed bytes; insertion order is age. */
const recent: Record<AnswerEncoding, Map<string, Promise<Buffer>>> = { br: new Map(), gzip: new Map() };

/**
 * The body compressed, off the event loop's thread. A big shared answer asked for again is
 * compressed once: the string itself is the key (V8 hashes a string once and keeps the hash),
 * and the last few are kept.
 */
export function encodeAnswer(body: string, encoding: AnswerEncoding): Promise<Buffer> {
  const cache = recent[encoding];
  const known = cache.get(body);
  if (known !== undefined) return known;
  const made = compress(Buffer.from(body, 'utf8'), encoding);
  if (body.length >= 64 * 1024) {
    cache.set(body, made);
    made.catch(() => cache.delete(body));
    for (const oldest of cache.keys()) {
      if (cache.size <= RECENT_MAX) break;
      cache.delete(oldest);
    }
  }
  return made;
}
