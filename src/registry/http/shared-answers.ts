import { createHash } from 'node:crypto';
import type { SoapService } from '../soap/soap-service.ts';

/** Limits of the shared answers. */
export interface SharedAnswersOptions {
  /** The store's latest committed change: an answer is shared until this moves. */
  changeSequence(): number;
  /** Answers smaller than this are cheap to make again and are not kept. */
  minBytes: number;
  /** At most this many bytes of answers are kept (UTF-16 code units × 2, as V8 holds them). */
  maxBytes: number;
}

type Answer = Awaited<ReturnType<SoapService['process']>>;

/**
 * A SoapService whose big answers are made once and shared by every caller until the next
 * committed write. For the ExportService only: its answers depend on the request and the data,
 * never on who asks (every authenticated caller may read everything), and it writes nothing.
 *
 * Why: GetAllAnvisningsEnheder is 3.5 MB and half a second of CPU; a hundred callers each made
 * and held their own copy. Now they hold one string (strings are immutable, so sharing is safe)
 * and `sendAnswer` writes slices of it. The key is the request as processed (its decoded text, the
 * Content-Type and the SOAPAction: all that decides the operation, the SOAP version and the answer)
 * with the change sequence beside it, so a SOAP 1.2 request never gets a 1.1 answer.
 * Callers asking at the same time wait for one computation. Only successful answers are shared:
 * a fault carries its own request's reference.
 */
export function shareAnswers(service: SoapService, options: SharedAnswersOptions): SoapService {
  const kept = new Map<string, Answer>();
  let keptSequence = -1;
  let keptBytes = 0;
  const inFlight = new Map<string, Promise<Answer>>();

  const keep = (key: string, answer: Answer) => {
    const bytes = answer.body.length * 2;
    if (answer.statusCode !== 200 || bytes < options.minBytes || bytes > options.maxBytes) return;
    // Oldest first out: a Map iterates in insertion order.
    for (const [oldKey, old] of kept) {
      if (keptBytes + bytes <= options.maxBytes) break;
      kept.delete(oldKey);
      keptBytes -= old.body.length * 2;
    }
    kept.set(key, answer);
    keptBytes += bytes;
  };

  return {
    ...service,
    async process(...args: Parameters<SoapService['process']>): Promise<Answer> {
      const sequence = options.changeSequence();
      if (sequence !== keptSequence) {
        // A committed write: nothing kept describes the data any more.
        kept.clear();
        keptBytes = 0;
        keptSequence = sequence;
      }
      // The caller is no part of the key: every caller gets the same ExportService answer.
      const [{ xml, contentType, soapAction }] = args;
      const request = JSON.stringify([xml, contentType, soapAction]);
      const key = `${sequence}:${createHash('sha256').update(request).digest('base64')}`;
      const hit = kept.get(key);
      if (hit !== undefined) return hit;
      const pending = inFlight.get(key);
      if (pending !== undefined) {
        const shared = await pending;
        if (shared.statusCode === 200) return shared;
        return service.process(...args);
      }
      const computing = service.process(...args);
      inFlight.set(key, computing);
      try {
        const answer = await computing;
        if (options.changeSequence() === sequence) keep(key, answer);
        return answer;
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
