import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// Three SOAP clients nobody here wrote must read the register's faults' texts: zeep and suds
// (Debian's python3-zeep and python3-suds) and strong-soap (npm, a dev dependency), over both the
// SOAP 1.1 and the SOAP 1.2 port where the client speaks 1.2 (suds does not).
const PYTHON = '/usr/bin/python3';
const hasPython = (module: string) =>
  spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
const hasZeep = hasPython('zeep');
const hasSuds = hasPython('suds');
if ((!hasZeep || !hasSuds) && process.env.CI)
  throw new Error('CI needs python3-zeep and python3-suds: run .ci/install-system-deps');
const script = fileURLToPath(new URL('../interop/fault_clients.py', import.meta.url));

/** The part of strong-soap's client this test uses (it ships no types). */
interface StrongSoap {
  soap: {
    createClient(
      url: string,
      options: object,
      callback: (error: unknown, client: StrongClient) => void,
    ): void;
    BasicAuthSecurity: new (user: string, password: string, defaults: object) => object;
  };
}
type StrongMethod = (args: object, callback: (error: StrongError | null) => void) => void;
interface StrongClient {
  setSecurity(security: object): void;
  [service: string]: unknown;
}
interface StrongError {
  root?: { Envelope?: { Body?: { Fault?: StrongFault } } };
}
interface StrongFault {
  faultcode?: string;
  faultstring?: string;
  Code?: { Value?: string };
  Reason?: { Text?: { $value?: string } | string };
}

let caFile: string;

const { registry } = useTestStack({ registry: { seed: false } });
beforeAll(async () => {
  caFile = join(mkdtempSync(join(tmpdir(), 'registry-ca-')), 'ca.pem');
  writeFileSync(caFile, registry.ca);
});

const SCHEMA_FAULT = /GetXMLSchema: unknown schemaName "Other\.xsd"; the schema is ImportService\.xsd/;
const XSD_FAULT =
  /GetAnvisningsEnhederByNumre: The request does not satisfy ExportService\.xsd: line \d+: Element 'nummer': This element is not expected/;
const tooMany = { enhedsNumre: { nummer: Array.from({ length: 1001 }, (_, i) => `G${String(10000 + i)}`) } };

interface PythonResult {
  operation: string;
  raised: string | null;
  message: string;
  code: string;
}

async function python(client: 'zeep' | 'suds', service: string, cases: object[]): Promise<PythonResult[]> {
  const run = await promisify(execFile)(
    PYTHON,
    [script, client, `${registry.url}/${service}?wsdl`, caFile, 'admin', 'admin', JSON.stringify(cases)],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(run.stdout) as PythonResult[];
}

describe.skipIf(!hasZeep)('zeep reads the faults', () => {
  it('of an operation, over the SOAP 1.1 and the SOAP 1.2 port', async () => {
    const results = await python('zeep', 'ImportService', [
      { operation: 'GetXMLSchema', args: { schemaName: 'Other.xsd' } },
      { operation: 'GetXMLSchema', args: { schemaName: 'Other.xsd' }, port: 'ImportServiceSoap12' },
    ]);
    expect(results.map((r) => r.raised)).toEqual(['Fault', 'Fault']);
    expect(results.map((r) => r.code)).toEqual(['soap:Client', 'soap:Sender']);
    for (const r of results) expect(r.message).toMatch(SCHEMA_FAULT);
  });

  // zeep checks maxOccurs itself (strict), so the register's XSD fault is shown with suds and
  // strong-soap; here, a fault of an ExportService operation on both ports.
  it('of an ExportService operation, over both ports', async () => {
    const blank = { DagInstitutionsNummer: '   ' };
    const results = await python('zeep', 'ExportService', [
      { operation: 'GetDaginstitutionByNummer', args: blank },
      { operation: 'GetDaginstitutionByNummer', args: blank, port: 'ExportServiceSoap12' },
    ]);
    expect(results.map((r) => [r.raised, r.code])).toEqual([
      ['Fault', 'soap:Client'],
      ['Fault', 'soap:Sender'],
    ]);
    for (const r of results)
      expect(r.message).toBe('GetDaginstitutionByNummer: parameter DagInstitutionsNummer is required');
  });
});

describe.skipIf(!hasSuds)(
  'suds reads the faults (it raised a bare (400, "Bad Request") while faults were HTTP 400)',
  () => {
    it('of an operation and of the XSD check', async () => {
      const [schema] = await python('suds', 'ImportService', [
        { operation: 'GetXMLSchema', args: { schemaName: 'Other.xsd' } },
      ]);
      expect(schema).toMatchObject({
        raised: 'WebFault',
        code: 'soap:Client',
        message: expect.stringMatching(SCHEMA_FAULT),
      });
      const [xsd] = await python('suds', 'ExportService', [
        { operation: 'GetAnvisningsEnhederByNumre', args: tooMany },
      ]);
      expect(xsd).toMatchObject({
        raised: 'WebFault',
        code: 'soap:Client',
        message: expect.stringMatching(XSD_FAULT),
      });
    });
  },
);

describe('strong-soap reads the faults', () => {
  const { soap } = createRequire(import.meta.url)('strong-soap') as StrongSoap;

  async function strongFault(
    service: string,
    port: string,
    operation: string,
    args: object,
  ): Promise<{ code: string; text: string }> {
    const client = await new Promise<StrongClient>((resolve, reject) =>
      soap.createClient(
        `${registry.url}/${service}?wsdl`,
        { wsdl_options: { ca: registry.ca }, wsdl_headers: { Authorization: basicAuth('admin') } },
        (error, made) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(made),
      ),
    );
    client.setSecurity(new soap.BasicAuthSecurity('admin', 'admin', { ca: registry.ca }));
    const method = (client[service] as Record<string, Record<string, StrongMethod>>)[port]?.[operation];
    if (method === undefined) throw new Error(`strong-soap has no ${port}.${operation}`);
    const error = await new Promise<StrongError | null>((resolve) => method(args, resolve));
    const fault = error?.root?.Envelope?.Body?.Fault;
    const text =
      fault?.faultstring ??
      (typeof fault?.Reason?.Text === 'string' ? fault.Reason.Text : fault?.Reason?.Text?.$value);
    return { code: fault?.faultcode ?? fault?.Code?.Value ?? '', text: text ?? '' };
  }

  it('of an operation, over the SOAP 1.1 and the SOAP 1.2 port', async () => {
    const args = { schemaName: 'Other.xsd' };
    const eleven = await strongFault('ImportService', 'ImportServiceSoap', 'GetXMLSchema', args);
    expect(eleven).toEqual({ code: 'soap:Client', text: expect.stringMatching(SCHEMA_FAULT) });
    const twelve = await strongFault('ImportService', 'ImportServiceSoap12', 'GetXMLSchema', args);
    expect(twelve).toEqual({ code: 'soap:Sender', text: expect.stringMatching(SCHEMA_FAULT) });
  });

  it('of the XSD check before an operation runs', async () => {
    const fault = await strongFault(
      'ExportService',
      'ExportServiceSoap',
      'GetAnvisningsEnhederByNumre',
      tooMany,
    );
    expect(fault).toEqual({ code: 'soap:Client', text: expect.stringMatching(XSD_FAULT) });
  });
});
