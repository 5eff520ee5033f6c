import type { Client } from 'soap';
import { afterAll, beforeAll } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { importCaller, type ImportCaller } from './import-client.ts';
import { lateBound } from './late-bound.ts';
import { createTestSoapClient } from './soap-client.ts';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './start-test-gateway.ts';
import { startTestRegistry, type TestRegistry, type TestRegistryOptions } from './start-test-registry.ts';

/** What one test file runs against. */
export interface TestStackOptions {
  /** The register (always started): fresh in-memory database, real data unless `seed: false`. */
  registry?: TestRegistryOptions;
  /** A fault-injecting proxy between the gateway and the register (`stack.proxy`). */
  faultProxy?: boolean;
  /** A gateway in front of the register (through the proxy, if there is one); none when absent. */
  gateway?: TestGatewayOptions;
}

/**
 * One file's servers, filled in by the stack's `beforeAll`. `registry`, `gateway` and `proxy` may be
 * destructured at the top of the file: each is a stand-in that reads through to the started server,
 * and says which hook was missed when used before it ran (or was not asked for).
 */
export interface TestStack {
  registry: TestRegistry;
  gateway: TestGateway;
  proxy: FaultProxy;
  /** The gateway's GraphQL endpoint over real HTTP (the gateway's `query`). */
  graphql: TestGateway['query'];
  /** A node-soap client for a service as `user` (password = user name), made once per pair. */
  soap(service: 'ExportService' | 'ImportService', user: string): Promise<Client>;
  /** An ImportService caller for a demo identity, made once per user. */
  importCaller(user: string): Promise<ImportCaller>;
}

/**
 * Starts a register (and, as asked, a fault proxy and a gateway) on port 0 in `beforeAll` and
 * closes them in `afterAll`, in reverse order: the setup every integration file used to repeat.
 */
export function useTestStack(options: TestStackOptions = {}): TestStack {
  let registry: TestRegistry | undefined;
  let proxy: FaultProxy | undefined;
  let gateway: TestGateway | undefined;
  const soapClients = new Map<string, Promise<Client>>();
  const importCallers = new Map<string, Promise<ImportCaller>>();

  beforeAll(async () => {
    registry = await startTestRegistry(options.registry);
    if (options.faultProxy === true)
      proxy = await startFaultProxy({ target: registry.url, ca: registry.ca, ...registry.tls });
    if (options.gateway !== undefined)
      gateway = await startTestGateway({ url: proxy?.url ?? registry.url, ca: registry.ca }, options.gateway);
  });
  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
    await registry?.close();
  });

  const started = <T>(what: string, value: T | undefined, asked: boolean): T => {
    if (!asked) throw new Error(`useTestStack: no ${what} was asked for`);
    if (value === undefined) throw new Error(`useTestStack: the ${what} is used before beforeAll started it`);
    return value;
  };
  const stackRegistry = lateBound(() => started('registry', registry, true));
  const stackGateway = lateBound(() => started('gateway', gateway, options.gateway !== undefined));
  return {
    registry: stackRegistry,
    gateway: stackGateway,
    proxy: lateBound(() => started('fault proxy', proxy, options.faultProxy === true)),
    graphql: (query, variables, as) => stackGateway.query(query, variables, as),
    soap: (service, user) => {
      const key = `${service} ${user}`;
      const client = soapClients.get(key) ?? createTestSoapClient(stackRegistry, service, user);
      soapClients.set(key, client);
      return client;
    },
    importCaller: (user) => {
      const caller = importCallers.get(user) ?? importCaller(stackRegistry, user);
      importCallers.set(user, caller);
      return caller;
    },
  };
}
