/** The queue is full: the work was not started. */
export class QueueFullError extends Error {
  constructor() {
    super('Too much work waiting');
    this.name = 'QueueFullError';
  }
}

/** Bounds of a fair queue. */
export interface FairQueueLimits {
  /** Tasks running at once. */
  maxRunning: number;
  /** Tasks waiting, all keys together. */
  maxWaiting: number;
  /** Tasks waiting under one key. */
  maxWaitingPerKey: number;
}

/**
 * Runs expensive tasks a few at a time, taking turns between keys (client addresses): the next
 * free slot goes to the key after the one served last, so a client that piles up work waits behind
 * its own pile only, and everyone else waits for at most one task per busy key. Both the total and
 * each key's waiting tasks are bounded; beyond them `run` rejects with QueueFullError at once.
 *
 * Hand-written: p-limit and the gateway's concurrency limit are first in, first out over all
 * callers, which is exactly what lets one client starve the others.
 */
export interface FairQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now (for tests and benchmarks). */
  size(): { running: number; waiting: number };
}

export function createFairQueue(limits: FairQueueLimits): FairQueue {
  // A Map iterates in insertion order: re-inserting a key after serving it puts it last in turn.
  const waiting = new Map<string, (() => void)[]>();
  let waitingCount = 0;
  let running = 0;

  const startNext = () => {
    while (running < limits.maxRunning) {
      const next = waiting.entries().next();
      if (next.done === true) return;
      const [key, tasks] = next.value;
      waiting.delete(key);
      const start = tasks.shift();
      if (tasks.length > 0) waiting.set(key, tasks);
      if (start === undefined) continue;
      waitingCount--;
      running++;
      start();
    }
  };

  return {
    size: () => ({ running, waiting: waitingCount }),
    async run(key, task) {
      const own = waiting.get(key) ?? [];
      if (running >= limits.maxRunning || waitingCount > 0) {
        if (waitingCount >= limits.maxWaiting || own.length >= limits.maxWaitingPerKey) {
          throw new QueueFullError();
        }
        await new Promise<void>((resolve) => {
          own.push(resolve);
          if (!waiting.has(key)) waiting.set(key, own);
          waitingCount++;
          startNext();
        });
      } else {
        running++;
      }
      try {
        return await task();
      } finally {
        running--;
        startNext();
      }
    },
  };
}
