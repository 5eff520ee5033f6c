import type { GatewayDependencies } from '../app.ts';
import type { RegistryDependencies } from '../dependencies.ts';
import type { ReadinessReport } from './health-routes.ts';

/**
 * What /metrics and /readyz report on, from the register dependencies: one place, so that
 * `npm run gateway` and the tests' gateway cannot drift apart.
 */
export function registryOperations(
  registry: RegistryDependencies,
): NonNullable<GatewayDependencies['operations']> {
  const responseCache = registry.responseCache;
  const shared = registry.sharedState;
  // Where APQ, answers and login counters live now; without Redis the gateway is still ready.
  const sharedCheck = (): Record<string, string> =>
    shared === null ? {} : { sharedState: shared.readinessCheck() };
  return {
    soapCalls: registry.client.metrics,
    ...(shared !== null && { gauges: shared.gauges, counters: shared.counters }),
    cache: () => registry.cacheStats,
    ...(responseCache !== null && { responseCache: () => responseCache.report() }),
    breakers: () => registry.circuitStates(),
    readiness: async (): Promise<ReadinessReport> => {
      // A code table proves the WSDL was loaded and the register answered (within the TTL); it
      // also waits for the choice of mode.
      const wsdl = await registry.reader.codeTable('INSTITUTION_TYPE').then(
        () => 'loaded',
        () => 'register unreachable',
      );
      const breakers = registry.circuitStates();
      const follower = registry.follower();
      if (follower === null) {
        return {
          ready: breakers.export === 'closed' && wsdl === 'loaded',
          checks: {
            mode: 'ttl',
            wsdl,
            exportBreaker: breakers.export,
            importBreaker: breakers.import,
            ...sharedCheck(),
          },
        };
      }
      // Live mode: ready once the whole register is in the model; it then serves also while the
      // register is down, and says how old it is.
      const state = follower.state();
      return {
        ready: state.loaded,
        checks: {
          mode: 'live',
          model: state.loaded ? 'loaded' : 'loading',
          sequence: String(state.sequence),
          feed: state.failing ? 'failing' : 'ok',
          exportBreaker: breakers.export,
          importBreaker: breakers.import,
          ...sharedCheck(),
        },
      };
    },
  };
}
