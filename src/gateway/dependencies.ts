import type { GatewayConfig } from './config.ts';
import type { RegistryCache } from './registry/cache-entry.ts';
import { createCachedRegistry, type RegistryReader } from './registry/cached-registry.ts';
import { createLruCache } from './registry/key-value-cache.ts';
import type { RegistryClient } from './registry/registry-client.ts';
import type { RegistryWriter } from './registry/registry-writer.ts';
import { createSoapRegistryClient } from './soap-client/create-soap-registry-client.ts';
import { createSoapRegistryWriter } from './soap-client/create-soap-registry-writer.ts';

/** The long-lived pieces between the gateway and the register. */
export interface RegistryDependencies {
  client: RegistryClient;
  cache: RegistryCache;
  reader: RegistryReader;
  writer: RegistryWriter;
  /** Releases the sockets of both clients. */
  close(): void;
}

/** Builds the register clients, the shared cache and the cached reader from the configuration. */
export function createRegistryDependencies(
  config: Readonly<GatewayConfig>,
  options: { ca: string | null; useExtensions?: boolean },
): RegistryDependencies {
  const credentials = { username: config.registryUsername, password: config.registryPassword };
  const client = createSoapRegistryClient({
    exportServiceUrl: config.exportServiceUrl,
    ca: options.ca,
    credentials,
    timeoutMs: config.soapTimeoutMs,
    ...(options.useExtensions !== undefined && { useExtensions: options.useExtensions }),
  });
  const writer = createSoapRegistryWriter({
    importServiceUrl: config.importServiceUrl,
    ca: options.ca,
    wsdlCredentials: credentials,
    timeoutMs: config.soapTimeoutMs,
    metrics: client.metrics,
  });
  // Shared by every caller: the register's data is public and read with the gateway's own read
  // identity, so one caller's answer may serve another. Never put caller-specific data in here
  // (anything read with a caller's own credentials, or filtered by who asks) without adding the
  // caller's identity to its keys.
  const cache: RegistryCache = createLruCache({
    maxEntries: config.cacheMaxEntries,
    ttlMs: config.cacheTtlMs,
  });
  return {
    client,
    cache,
    reader: createCachedRegistry(client, cache),
    writer,
    close: () => {
      client.close();
      writer.close();
    },
  };
}
