import type { GatewayDependencies } from '../app.ts';
import type { RegistryDependencies } from '../dependencies.ts';

/**
 * What /metrics and /readyz report on, from the register dependencies: one place, so that
 * `npm run gateway` and the tests' gateway cannot drift apart.
 */
export function registryOperations(
  registry: RegistryDependencies,
): NonNullable<GatewayDependencies['operations']> {
  const responseCache = registry.responseCache;
  return {
    soapCalls: registry.client.metrics,
    cache: () => registry.cacheStats,
    ...(responseCache !== null && { responseCache: () => responseCache.report() }),
    breakers: () => registry.circuitStates(),
    readiness: async () => {
      const breakers = registry.circuitStates();
      // A cached code table proves the WSDL was loaded and the register answered (within the TTL).
      const wsdl = await registry.reader.codeTable('INSTITUTION_TYPE').then(
        () => 'loaded',
        () => 'register unreachable',
      );
      return {
        ready: breakers.export === 'closed' && wsdl === 'loaded',
        checks: { wsdl, exportBreaker: breakers.export, importBreaker: breakers.import },
      };
    },
  };
}
