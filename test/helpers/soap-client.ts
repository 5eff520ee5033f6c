import { Agent } from 'node:https';
import soap, { type Client } from 'soap';
import { basicAuth } from './start-test-registry.ts';

/**
 * A node-soap client for one of the register's services, as a consumer would build it: the WSDL
 * fetched over HTTPS with Basic auth, the register's certificate trusted.
 */
export async function createTestSoapClient(
  registry: { url: string; ca: string },
  service: 'ExportService' | 'ImportService',
  user: string,
  password = user,
): Promise<Client> {
  const httpsAgent = new Agent({ ca: registry.ca, keepAlive: true });
  const authorization = basicAuth(user, password);
  const client = await soap.createClientAsync(`${registry.url}/${service}?wsdl`, {
    wsdl_options: { httpsAgent },
    wsdl_headers: { Authorization: authorization },
  });
  client.setSecurity(new soap.BasicAuthSecurity(user, password, { httpsAgent }));
  return client;
}

/** Calls an operation and returns its `<Operation>Result` content. */
export async function callOperation(client: Client, operation: string, args: object = {}): Promise<unknown> {
  const method = (client as unknown as Record<string, (a: object) => Promise<[Record<string, unknown>]>>)[
    `${operation}Async`
  ];
  if (method === undefined) throw new Error(`The WSDL has no operation ${operation}`);
  const [result] = await method.call(client, args);
  return result?.[`${operation}Result`];
}

/** A repeated element as an array, whatever node-soap made of it. */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}
