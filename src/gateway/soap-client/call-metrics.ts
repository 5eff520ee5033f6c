import type { CallMetrics } from '../registry/registry-client.ts';

/** A counter of SOAP calls by operation. */
export function createCallMetrics(): CallMetrics {
  let counts = new Map<string, number>();
  return {
    record(operation) {
      counts.set(operation, (counts.get(operation) ?? 0) + 1);
    },
    byOperation: () => Object.fromEntries(counts),
    total: () => [...counts.values()].reduce((sum, n) => sum + n, 0),
    reset() {
      counts = new Map();
    },
  };
}
