/** Shares one in-flight promise among identical concurrent calls. */
export interface Coalescer {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** Identical concurrent calls (same key) share the first one's promise until it settles. */
export function createCoalescer(): Coalescer {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const pending = inFlight.get(key);
      // Only `run` stores under a key, always with the promise of the `work` it was given for it.
      if (pending !== undefined) return pending as Promise<T>;
      const started = work().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}
