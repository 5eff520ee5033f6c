import type { ServerResponse } from 'node:http';
import { answerEncoding, encodeAnswer } from './answer-encoding.ts';

/** How large one write is: big enough for few syscalls, small enough that a stalled socket holds little. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes an answer in chunks, each only once the socket has taken the one before (`write()`
 * returning false means: wait for `drain`). A whole answer handed to `end()` at once is copied
 * into the socket's buffers, and 40 clients that never read a 3.5 MB answer held 230 MB that way.
 *
 * A client that stops reading is cut off: when the socket takes nothing for `sendTimeoutMs` (or
 * has not written out the end within that time), the connection is destroyed. The body is a
 * string so that callers may share one answer: slicing it copies nothing, and each chunk is
 * encoded as it is written.
 */
export async function sendAnswer(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  sendTimeoutMs: number,
): Promise<void> {
  // Compressed when the request's Accept-Encoding asks (gzip or brotli), then sent the same way.
  const encoding = answerEncoding(res.req.headers['accept-encoding'], body.length);
  res.setHeader('Vary', 'Accept-Encoding');
  if (encoding === null) return sendChunks(res, status, contentType, body, sendTimeoutMs);
  const encoded = await encodeAnswer(body, encoding);
  res.setHeader('Content-Encoding', encoding);
  return sendChunks(res, status, contentType, encoded, sendTimeoutMs);
}

/** Writes a text or its encoded bytes in chunks with backpressure (above). */
function sendChunks(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  sendTimeoutMs: number,
): Promise<void> {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  return new Promise((resolve) => {
    let offset = 0;
    let timer: NodeJS.Timeout | undefined;
    const stalled = () => {
      res.destroy(new Error(`the client read nothing for ${sendTimeoutMs} ms`));
    };
    const progress = () => {
      clearTimeout(timer);
      timer = setTimeout(stalled, sendTimeoutMs);
      timer.unref();
    };
    const done = () => {
      clearTimeout(timer);
      res.off('drain', writeMore);
      resolve();
    };
    const writeMore = () => {
      progress();
      while (offset < body.length) {
        const end = chunkEnd(body, offset);
        const chunk = typeof body === 'string' ? body.slice(offset, end) : body.subarray(offset, end);
        offset = end;
        if (offset >= body.length) {
          res.end(chunk);
          return;
        }
        if (!res.write(chunk)) return; // `drain` calls again
      }
      res.end();
    };
    // `close` comes after `finish` and after a destroyed or reset connection alike.
    res.once('close', done);
    res.on('drain', writeMore);
    res.once('error', () => undefined);
    writeMore();
  });
}

/** The end of the chunk starting at `offset`, never between the two halves of a surrogate pair. */
function chunkEnd(body: string | Buffer, offset: number): number {
  const end = Math.min(offset + CHUNK_CHARS, body.length);
  if (end >= body.length || typeof body !== 'string') return end;
  const last = body.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}
