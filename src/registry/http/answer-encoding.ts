import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** An encoding the register answers in. */
export type AnswerEncoding = 'br' | 'gzip';

/** Below this compressing saves next to nothing. */
const MIN_COMPRESSED_CHARS = 1024;

/** The last few big answers compressed: the shared answers (shared-answers.ts) are the same string. */
const RECENT_MAX = 4;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to answer in from `Accept-Encoding`: gzip, which every SOAP client that asks at all
 * asks for (zeep through requests, node-soap through axios), or brotli, preferred on a tie; none
 * when neither is acceptable (`q=0`), for a small body, or when the client asks for none.
 */
export function answerEncoding(acceptEncoding: string | undefined, bodyChars: number): AnswerEncoding | null {
  if (acceptEncoding === undefined || bodyChars < MIN_COMPRESSED_CHARS) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name !== '') weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((n) => weightOf(n) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a));
  return best[0] ?? null;
}

/** Per encoding, body → its compressed bytes; insertion order is age. */
const recent: Record<AnswerEncoding, Map<string, Promise<Buffer>>> = { br: new Map(), gzip: new Map() };

/**
 * The body compressed, off the event loop's thread. A big shared answer asked for again is
 * compressed once: the string itself is the key (V8 hashes a string once and keeps the hash),
 * and the last few are kept.
 * Brotli at quality 5: its default 11 takes seconds on the 3.5 MB GetAllAnvisningsEnheder.
 */
export function encodeAnswer(body: string, encoding: AnswerEncoding): Promise<Buffer> {
  const cache = recent[encoding];
  const known = cache.get(body);
  if (known !== undefined) return known;
  const raw = Buffer.from(body, 'utf8');
  const made =
    encoding === 'br'
      ? brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : gzipAsync(raw, { level: 6 });
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
