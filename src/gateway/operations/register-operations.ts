import type { GatewayDependencies } from '../app.ts';
import type { RegisterDependencies } from '../dependencies.ts';
import type { ReadinessReport } from './health-routes.ts';

/**
 * What /metrics and /readyz report on, from the register dependencies: one place, so that
 * `npm run gateway` and the tests' gateway cannot drift apart.
 */
export function registerOperations(
  register: RegisterDependencies,
): NonNullable<GatewayDependencies['operations']> {
  const responseCache = register.responseCache;
  const shared = register.sharedState;
  // Where APQ, answers and login counters live now; without Redis the gateway is still ready.
  const sharedCheck = (): Record<string, string> =>
    shared === null ? {} : { sharedState: shared.readinessCheck() };
  return {
    soapCalls: register.client.metrics,
    ...(shared !== null && { gauges: shared.gauges, counters: shared.counters }),
    cache: () => register.cacheStats,
    ...(responseCache !== null && { responseCache: () => responseCache.report() }),
    breakers: () => register.circuitStates(),
    readiness: async (): Promise<ReadinessReport> => {
      // A code table proves the WSDL was loaded and the register answered (within the TTL); it
      // also waits for the choice of mode.
      const wsdl = await register.reader.codeTable('INSTITUTION_TYPE').then(
        () => 'loaded',
        () => 'register unreachable',
      );
      const breakers = register.circuitStates();
      const follower = register.follower();
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
