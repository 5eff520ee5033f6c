import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Client } from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { codes, importCaller } from '../helpers/import-client.ts';
import { ADRESSE_101, P, REAL, daginstitution, unit } from '../helpers/import-fixtures.ts';
import { asArray, callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { basicAuth, startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// The feed switched on and off, seen by node-soap and by zeep (Debian's python3-zeep): a register
// "without the feed" is one whose WSDL does not offer it, like STIL's real one.

const PYTHON = '/usr/bin/python3';
const hasZeep = spawnSync(PYTHON, ['-c', 'import zeep'], { stdio: 'ignore' }).status === 0;
if (!hasZeep && process.env.CI) throw new Error('CI needs python3-zeep: run .ci/install-system-deps');
const script = fileURLToPath(new URL('../interop/zeep_change_feed.py', import.meta.url));

type Rec = Record<string, unknown>;
interface ZeepAnswer {
  operations: string[];
  feed: { senesteSekvens: number; Aendringer: { Aendring: Rec[] } | null } | null;
}

let withFeed: TestRegistry;
let withoutFeed: TestRegistry;
let caFile: string;

beforeAll(async () => {
  [withFeed, withoutFeed] = await Promise.all([
    startTestRegistry(),
    startTestRegistry({ changeFeed: false }),
  ]);
  // Both test registers share one certificate.
  caFile = join(mkdtempSync(join(tmpdir(), 'registry-ca-')), 'ca.pem');
  writeFileSync(caFile, withFeed.ca);
});
afterAll(() => Promise.all([withFeed.close(), withoutFeed.close()]));

const get = (registry: TestRegistry, path: string) =>
  httpsRequest(`${registry.url}${path}`, {
    ca: registry.ca,
    headers: { authorization: basicAuth('reader') },
  });

/** G10662 as GetAnvisningsEnhederByNummer answers it. */
const privatUnit = async (client: Client): Promise<Rec | undefined> => {
  const result = (await callOperation(client, 'GetAnvisningsEnhederByNummer', {
    enhedsNummer: REAL.privatUnit751,
  })) as Rec;
  return asArray(result.anvisningsenhed as Rec | Rec[] | undefined)[0];
};

const zeep = async (registry: TestRegistry, fra = 0, maks = 1000): Promise<ZeepAnswer> => {
  const run = await promisify(execFile)(
    PYTHON,
    [script, `${registry.url}/ExportService?wsdl`, caFile, 'reader', 'reader', String(fra), String(maks)],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ZeepAnswer;
};

describe('REGISTRY_CHANGE_FEED=off: a register without the feed', () => {
  let client: Client;
  beforeAll(async () => {
    client = await createTestSoapClient(withoutFeed, 'ExportService', 'reader');
  });

  it('serves a WSDL and XSD without GetAendringer, and every other operation as before', async () => {
    const [wsdlOn, wsdlOff, xsdOff] = await Promise.all([
      get(withFeed, '/ExportService?wsdl'),
      get(withoutFeed, '/ExportService?wsdl'),
      get(withoutFeed, '/ExportService.xsd'),
    ]);
    expect(wsdlOn.body).toContain('GetAendringer');
    expect(wsdlOff.status).toBe(200);
    expect(wsdlOff.body).not.toContain('GetAendringer');
    expect(xsdOff.body).not.toMatch(/GetAendringer|aendringsside|Aendringstype/);
    const operations = (body: string) => [...body.matchAll(/<wsdl:operation name="(\w+)"/g)].map((m) => m[1]);
    expect(operations(wsdlOff.body)).toEqual(operations(wsdlOn.body).filter((o) => o !== 'GetAendringer'));
    // The record types keep their changed time: only the operation is gone.
    expect(xsdOff.body).toContain('<xs:element name="aendretTidspunkt" type="xs:dateTime" minOccurs="0"/>');

    const described = Object.keys(
      (client.describe() as Record<string, Record<string, Rec>>).ExportService?.ExportServiceSoap ?? {},
    );
    expect(described).toHaveLength(26);
    expect(described).not.toContain('GetAendringer');
    const unitRecord = await privatUnit(client);
    expect(unitRecord).toMatchObject({ EnhedsNummer: REAL.privatUnit751 });
  });

  it('answers a GetAendringer call with a Client fault', async () => {
    for (const soapAction of [undefined, 'urn:dagtilbudsregister:export:v1/GetAendringer']) {
      const answer = await httpsRequest(`${withoutFeed.url}/ExportService`, {
        method: 'POST',
        ca: withoutFeed.ca,
        headers: {
          authorization: basicAuth('reader'),
          'content-type': 'text/xml; charset=utf-8',
          ...(soapAction === undefined ? {} : { soapaction: soapAction }),
        },
        body: soapEnvelope('GetAendringer', '<fraSekvens>0</fraSekvens><maksAntal>10</maksAntal>'),
      });
      // A SOAP 1.1 fault is HTTP 500 (SOAP 1.1 §6.2, WS-I BP R1126).
      expect(answer.status).toBe(500);
      expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
      expect(answer.body).toContain('is no operation of ExportService');
      expect(answer.body).not.toContain('Aendring>');
    }
  });

  it('still stamps every change on its record', async () => {
    const admin = await importCaller(withoutFeed, 'admin');
    const svar = await admin.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, Email: 'hoejvang@example.dk' },
    });
    expect(codes(svar)).toEqual([]);
    const changed = await privatUnit(client);
    expect(changed?.aendretTidspunkt).toBeInstanceOf(Date);
    expect(changed).toMatchObject({ aendringsSekvens: svar.aendringsSekvens, Email: 'hoejvang@example.dk' });
  });
});

describe.skipIf(!hasZeep)('the change feed in a third-party SOAP client (zeep)', () => {
  it('reads every level of the feed, each change with exactly its one record', async () => {
    const admin = await importCaller(withFeed, 'admin');
    const created = await admin.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    const alternative = await admin.call('InsertAlternativAdresse', {
      AlternativAdresse: {
        EnhedsNummer: created.anvisningsenhedsNummer,
        Navn: 'Zeep-skoven',
        Adresse: ADRESSE_101,
        PNummer: P.koebenhavn[2],
      },
    });
    const closed = await admin.call('DeleteAlternativAdresse', {
      AlternativAdresseNummer: alternative.nummer,
    });
    expect([created, alternative, closed].flatMap(codes)).toEqual([]);

    const answer = await zeep(withFeed);
    expect(answer.operations).toContain('GetAendringer');
    expect(answer.feed?.senesteSekvens).toBe(closed.aendringsSekvens);
    const entries = answer.feed?.Aendringer?.Aendring ?? [];
    expect(entries.map((e) => [e.aendringsSekvens, e.aendringsType, e.niveau, e.nummer])).toEqual([
      [1, 'Oprettet', 'Daginstitution', created.nummer],
      [2, 'Oprettet', 'AnvisningsEnhed', created.anvisningsenhedsNummer],
      [3, 'Oprettet', 'AlternativAdresse', alternative.nummer],
      [4, 'Nedlagt', 'AlternativAdresse', alternative.nummer],
    ]);
    for (const entry of entries) {
      // zeep reads the xs:choice: the level's element is filled, the other two are empty.
      const filled = ['Daginstitution', 'AnvisningsEnhed', 'AlternativAdresse'].filter(
        (n) => entry[n] !== null,
      );
      expect(filled).toEqual([entry.niveau]);
      expect(String(entry.tidspunkt)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+\+00:00$/);
    }
    expect(entries[2]?.AlternativAdresse).toMatchObject({
      AlternativAdresseNummer: alternative.nummer,
      aktivitetsstatus: 'Nedlagt',
      aendringsSekvens: 4,
    });
    const page = await zeep(withFeed, 2, 1);
    expect(page.feed?.Aendringer?.Aendring.map((e) => e.aendringsSekvens)).toEqual([3]);
  }, 90_000);

  it('loads the WSDL of a register without the feed and finds no GetAendringer', async () => {
    const answer = await zeep(withoutFeed);
    expect(answer.feed).toBeNull();
    // 26 operations on each of the two ports (SOAP 1.1 and 1.2).
    expect(answer.operations).toHaveLength(52);
    expect(answer.operations).not.toContain('GetAendringer');
  }, 90_000);
});
