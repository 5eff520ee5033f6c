import type { CallMetrics, SettledCall } from '../ports/register-client.ts';

/** A counter of SOAP calls by operation, with listeners for how each call ended. */
export function createCallMetrics(): CallMetrics {
  let counts = new Map<string, number>();
  const listeners = new Set<(call: SettledCall) => void>();
  return {
    record(operation) {
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
    },
    settle(call) {
      for (const listener of listeners) listener(call);
    },
    onSettled(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    byOperation: () => Object.fromEntries(counts),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    reset() {
      counts = new Map();
    },
  };
}
