import {
  chooseEncoding,
  compress,
  MIN_COMPRESSED_SIZE,
  type ContentEncoding,
} from '../../http/content-encoding.ts';

/**
 * The encoding to answer in from `Accept-Encoding`: gzip, which every SOAP client that asks at all
 * asks for (zeep through requests, node-soap through axios), or brotli, preferred on a tie; none
 * when neither is acceptable (`q=0`), for a small body, or when the client asks for none.
 */
export function answerEncoding(
  acceptEncoding: string | undefined,
  bodyBytes: number,
): ContentEncoding | null {
  return bodyBytes < MIN_COMPRESSED_SIZE ? null : chooseEncoding(acceptEncoding);
}

/** An answer's bytes as sent: as they are, and compressed in each encoding a client asked for. */
export interface AnswerBytes {
  /** The answer without Content-Encoding (UTF-8). */
  readonly identity: Buffer;
  /** The answer compressed: made once per encoding (on zlib's thread pool), then the same bytes. */
  encoded(encoding: ContentEncoding): Promise<Buffer>;
}

/**
 * An answer's bytes, each compressed variant made at most once however many callers ask at the
 * same time (they share the one compression in flight). `keepEncoded` is asked whether to keep each
 * variant once made, so that a cache can count it against its bound (false: the callers waiting get
 * it, later ones compress anew); a failed compression is forgotten, not kept.
 */
export function createAnswerBytes(
  identity: Buffer,
  keepEncoded: (bytes: Buffer) => boolean = () => false,
): AnswerBytes {
  const variants = new Map<ContentEncoding, Promise<Buffer>>();
  return {
    identity,
    encoded(encoding) {
      const known = variants.get(encoding);
      if (known !== undefined) return known;
      const made = compress(identity, encoding).then(
        (bytes) => {
          if (!keepEncoded(bytes)) variants.delete(encoding);
          return bytes;
        },
        (error: unknown) => {
          variants.delete(encoding);
          throw error;
        },
      );
      variants.set(encoding, made);
      return made;
    },
  };
}
