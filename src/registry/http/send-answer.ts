import type { ServerResponse } from 'node:http';
import type { SoapAnswer } from '../soap/soap-service.ts';
import { answerEncoding, createAnswerBytes } from './answer-bytes.ts';
import { isSharedAnswer } from './shared-answers.ts';

/** How large one write is: big enough for few syscalls, small enough that a stalled socket holds little. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Sends a SOAP answer: its bytes as they are or compressed, as the request's `Accept-Encoding`
 * asks (gzip or brotli), with their Content-Length. A shared answer (shared-answers.ts) brings
 * its bytes and its compressed variants, made once for every caller; any other answer is encoded
 * here. No ETag: these are answers to POSTs, which no cache stores or revalidates.
 */
export async function sendAnswer(
  res: ServerResponse,
  answer: SoapAnswer,
  sendTimeoutMs: number,
): Promise<void> {
  const bytes = isSharedAnswer(answer) ? answer.bytes : createAnswerBytes(Buffer.from(answer.body, 'utf8'));
  const encoding = answerEncoding(res.req.headers['accept-encoding'], bytes.identity.length);
  res.setHeader('Vary', 'Accept-Encoding');
  if (encoding === null)
    return sendChunks(res, answer.statusCode, answer.contentType, bytes.identity, sendTimeoutMs);
  const encoded = await bytes.encoded(encoding);
  res.setHeader('Content-Encoding', encoding);
  return sendChunks(res, answer.statusCode, answer.contentType, encoded, sendTimeoutMs);
}

/**
 * Writes bytes in chunks, each only once the socket has taken the one before (`write()` returning
 * false means: wait for `drain`). A whole answer handed to `end()` at once is copied into the
 * socket's buffers, and 40 clients that never read a 3.5 MB answer held 230 MB that way; a chunk
 * is a view of the shared bytes (`subarray` copies nothing).
 *
 * A client that stops reading is cut off: when the socket takes nothing for `sendTimeoutMs` (or
 * has not written out the end within that time), the connection is destroyed.
 */
function sendChunks(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: Buffer,
  sendTimeoutMs: number,
): Promise<void> {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', body.length);
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
        const end = Math.min(offset + CHUNK_BYTES, body.length);
        const chunk = body.subarray(offset, end);
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
