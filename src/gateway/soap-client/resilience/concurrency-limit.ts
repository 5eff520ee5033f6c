/** A cap on calls in flight; the rest wait in arrival order. */
export interface ConcurrencyLimit {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Calls running now (for tests and metrics). */
  active(): number;
}

/** Lets at most `max` calls of `run` be in flight at once, queueing the rest first in, first out. */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so `running` never dips below the cap in between.
    if (next === undefined) running--;
    else next();
  };

  return {
    active: () => running,
    async run(work) {
      if (running < max) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
