import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalXml, prettyXml } from '../helpers/canonical-xml.ts';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.ts';
import { httpsRequest } from '../helpers/https-request.ts';
import { callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { startTestGateway, type TestGateway } from '../helpers/start-test-gateway.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';
import {
  folderOf,
  GATEWAY_CASES,
  GOLDEN_CASES,
  type GatewayGoldenCase,
  type GoldenCase,
  type GoldenService,
} from './golden-cases.ts';

// GOLDEN_UPDATE=1 writes the golden files from what the clients send and the register answers,
// instead of comparing with them: `GOLDEN_UPDATE=1 npx vitest run test/golden`. Review the diff before committing it.
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const GOLDEN_DIR = dirname(fileURLToPath(import.meta.url));
const goldenPath = (c: GoldenCase, file: 'request.xml' | 'response.xml') =>
  join(GOLDEN_DIR, folderOf(c), file);
const readGolden = (c: GoldenCase, file: 'request.xml' | 'response.xml') =>
  readFileSync(goldenPath(c, file), 'utf8');
const writeGolden = (c: GoldenCase, file: 'request.xml' | 'response.xml', xml: string) => {
  mkdirSync(dirname(goldenPath(c, file)), { recursive: true });
  writeFileSync(goldenPath(c, file), prettyXml(xml));
};

const NAMESPACE: Record<GoldenService, string> = {
  ExportService: 'urn:dagtilbudsregister:export:v1',
  ImportService: 'urn:dagtilbudsregister:import:v1',
};
const soapActionOf = (c: GoldenCase) => `${NAMESPACE[c.service]}/${c.operation}`;
/** The golden case a SOAP action names (the fault's folder is never the gateway's). */
const caseOfAction = (soapAction: string): GoldenCase | undefined =>
  GOLDEN_CASES.find((c) => c.folder === undefined && soapActionOf(c) === soapAction);

/** The operations a WSDL declares. */
const wsdlOperations = (service: GoldenService): string[] => {
  const wsdl = readFileSync(new URL(`../../src/registry/wsdl/${service}.wsdl`, import.meta.url), 'utf8');
  return [...new Set([...wsdl.matchAll(/<wsdl:operation name="(\w+)"/g)].map((m) => m[1] ?? ''))].sort();
};

describe('the golden cases', () => {
  it('cover every operation of both WSDLs, and a fault', () => {
    for (const service of ['ExportService', 'ImportService'] as const) {
      const covered = GOLDEN_CASES.filter((c) => c.service === service && c.folder === undefined);
      expect(covered.map((c) => c.operation).sort()).toEqual(wsdlOperations(service));
    }
    expect(GOLDEN_CASES.some((c) => c.folder?.endsWith('-fault'))).toBe(true);
  });

  it('have a gateway case for every request they do not build themselves', () => {
    const sent = new Set(GATEWAY_CASES.flatMap((g) => g.sends));
    const built = GOLDEN_CASES.filter((c) => c.args === undefined).map((c) => c.operation);
    expect(built.filter((operation) => !sent.has(operation))).toEqual([]);
  });
});

describe('the gateway’s node-soap client sends the golden requests', () => {
  const { registry, proxy, gateway } = useTestStack({
    faultProxy: true,
    gateway: { env: { GATEWAY_CHANGE_FEED: 'off' } },
  });
  const others: { proxy: FaultProxy; gateway: TestGateway }[] = [];
  let oneNumber: { proxy: FaultProxy; gateway: TestGateway };
  let live: { proxy: FaultProxy; gateway: TestGateway };
  const behindProxy = async (options: Parameters<typeof startTestGateway>[1]) => {
    const own = await startFaultProxy({ target: registry.url, ca: registry.ca, ...registry.tls });
    const started = {
      proxy: own,
      gateway: await startTestGateway({ url: own.url, ca: registry.ca }, options),
    };
    others.push(started);
    return started;
  };
  beforeAll(async () => {
    oneNumber = await behindProxy({ useExtensions: false, env: { GATEWAY_CHANGE_FEED: 'off' } });
    live = await behindProxy({});
    await live.gateway.loadedFollower();
  });
  afterAll(async () => {
    for (const started of others) {
      await started.gateway.close();
      await started.proxy.close();
    }
  });

  const pick = (which: GatewayGoldenCase['gateway']) =>
    which === 'ttl' ? { proxy, gateway } : which === 'one-number' ? oneNumber : live;

  for (const g of GATEWAY_CASES) {
    it(`${g.gateway}: ${g.query.replace(/\s+/g, ' ').slice(0, 60)} sends ${g.sends.join(', ')}`, async () => {
      const target = pick(g.gateway);
      // The live model's start-up loads are part of what it sends.
      const since = g.gateway === 'live' ? 0 : target.proxy.seen.length;
      const answer = await target.gateway.query(g.query, g.variables, g.as);
      expect(answer.errors).toBeUndefined();
      for (const operation of g.sends) {
        const sent = target.proxy.seen
          .slice(since)
          .find((r) => r.soapAction !== undefined && r.soapAction.endsWith(`/${operation}`));
        expect(sent, `the gateway sent ${operation}`).toBeDefined();
        const golden = sent?.soapAction === undefined ? undefined : caseOfAction(sent.soapAction);
        expect(golden, `a golden case for ${sent?.soapAction}`).toBeDefined();
        if (sent === undefined || golden === undefined) return;
        if (UPDATE) writeGolden(golden, 'request.xml', sent.body);
        else expect(canonicalXml(sent.body)).toBe(canonicalXml(readGolden(golden, 'request.xml')));
      }
    });
  }

  it.runIf(UPDATE)(
    '(GOLDEN_UPDATE) records the requests the gateway does not send, from node-soap',
    async () => {
      for (const c of GOLDEN_CASES) {
        if (c.args === undefined) continue;
        const client = await createTestSoapClient(registry, c.service, c.user);
        // The WSDL names the register's own address: through the proxy, so that the request is seen.
        client.setEndpoint(`${proxy.url}/${c.service}`);
        const since = proxy.seen.length;
        // A fault is an answer like any other here: only the request is recorded.
        await callOperation(client, c.operation, c.args).catch(() => undefined);
        const sent = proxy.seen.slice(since).find((r) => r.soapAction === soapActionOf(c));
        expect(sent, `node-soap sent ${c.operation}`).toBeDefined();
        if (sent !== undefined) writeGolden(c, 'request.xml', sent.body);
      }
    },
  );
});

describe('the register answers each golden request with the golden answer', () => {
  const { registry } = useTestStack();
  const { registry: empty } = useTestStack({ registry: { seed: false } });

  for (const c of GOLDEN_CASES) {
    it(folderOf(c), async () => {
      const target = c.emptyRegister === true ? empty : registry;
      const answer = await httpsRequest(`${target.url}/${c.service}`, {
        method: 'POST',
        ca: target.ca,
        headers: {
          authorization: basicAuth(c.user),
          'content-type': 'text/xml; charset=utf-8',
          soapaction: `"${soapActionOf(c)}"`,
        },
        body: readGolden(c, 'request.xml'),
      });
      const fault = /<(\w+:)?Fault>/.test(answer.body);
      expect(answer.status).toBe(fault ? 500 : 200);
      expect(fault).toBe(c.folder?.endsWith('-fault') === true);
      if (UPDATE) writeGolden(c, 'response.xml', answer.body);
      else {
        // Only the answers' timestamps may differ from run to run: numbers and sequences follow
        // from the fresh database and the order of the cases.
        expect(canonicalXml(answer.body, { timestamps: 'mask' })).toBe(
          canonicalXml(readGolden(c, 'response.xml'), { timestamps: 'mask' }),
        );
      }
    });
  }
});
