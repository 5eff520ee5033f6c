import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryServices } from '../../src/registry/app.ts';
import { createDemoUserDirectory } from '../../src/registry/auth/user-directory.ts';
import { createExternalRegisters } from '../../src/registry/external/create-external-registers.ts';
import { createRegistryHandler, type RegistryHandler } from '../../src/registry/server.ts';
import type { RegistryStore } from '../../src/registry/store/registry-store.ts';
import { openSqliteStore } from '../../src/registry/store/sqlite-store.ts';
import { soapEnvelope } from '../helpers/https-request.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';

// The register's handler without its HTTPS listener: mounted on a plain node:http server in this
// process, it serves the same SOAP, which is what lets a test or another host mount it.

let store: RegistryStore;
let handler: RegistryHandler;
let server: Server;
let url: string;

beforeAll(async () => {
  store = openSqliteStore({ path: ':memory:' });
  handler = createRegistryHandler({
    services: await createRegistryServices(store, createExternalRegisters('embedded', store), {
      changeFeed: true,
      sharedAnswersMaxBytes: 1024 * 1024,
    }),
    users: createDemoUserDirectory(),
    maxRequestBodyBytes: 64 * 1024,
    logger: pino({ level: 'silent' }),
  });
  server = createServer(handler.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler.listeningAt(url);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  store.close();
});

const hello = (authorization?: string) =>
  fetch(`${url}/ExportService`, {
    method: 'POST',
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"urn:dagtilbudsregister:export:v1/HelloWorld"',
      ...(authorization !== undefined && { authorization }),
    },
    body: soapEnvelope('HelloWorld'),
  });

describe('createRegistryHandler, mounted in process', () => {
  it('answers SOAP with Basic auth, and refuses without it', async () => {
    const answer = await hello(basicAuth('reader'));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/<HelloWorldResult>Hello \d{4}-/);
    expect((await hello()).status).toBe(401);
  });

  it('names the address it was told in the WSDL', async () => {
    const wsdl = await fetch(`${url}/ExportService?wsdl`, {
      headers: { authorization: basicAuth('reader') },
    });
    expect(await wsdl.text()).toContain(`location="${url}/ExportService"`);
  });

  it('turns new requests away with 503 once closed', async () => {
    handler.close();
    const answer = await hello(basicAuth('reader'));
    expect(answer.status).toBe(503);
    expect(await answer.text()).toBe('The register is shutting down\n');
  });
});
