import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

// zeep (Debian's python3-zeep, installed by .ci/install-system-deps) is a SOAP client nobody here
// wrote: if it can load the WSDL and call every operation, so can SoapUI or .NET.
const PYTHON = '/usr/bin/python3';
const hasZeep = spawnSync(PYTHON, ['-c', 'import zeep'], { stdio: 'ignore' }).status === 0;
if (!hasZeep && process.env.CI) throw new Error('CI needs python3-zeep: run .ci/install-system-deps');
const script = fileURLToPath(new URL('../interop/zeep_call_all.py', import.meta.url));

let caFile: string;

const { registry } = useTestStack();
beforeAll(async () => {
  caFile = join(mkdtempSync(join(tmpdir(), 'registry-ca-')), 'ca.pem');
  writeFileSync(caFile, registry.ca);
});

describe.skipIf(!hasZeep)('the WSDL in a third-party SOAP client (zeep)', () => {
  // Every operation twice, over the SOAP 1.1 and the SOAP 1.2 port: generous timeouts on a shared machine.
  it(
    'loads the ExportService WSDL and calls every operation on both ports',
    { timeout: 150_000 },
    async () => {
      const args = {
        GetDagtilbudByDagInstitutionsNummer: { DagInstitutionsNummer: 'G30306' },
        GetDagtilbudByAdmKommuneNummer: { AdmkommuneNummer: 492 },
        GetDaginstitutionByNummer: { DagInstitutionsNummer: 'G30306' },
        GetDaginstitutionByNavn: { partOfName: 'Højvang' },
        GetAnvisningsEnhederByPnummer: { pNummer: '8947664198' },
        GetAnvisningsEnhederByNummer: { enhedsNummer: 'G10662' },
        GetAnvisningsEnhederByCvrnummer: { cvrNummer: '33178522' },
        GetAnvisningsEnhederByNavn: { partOfName: 'Højvang' },
        GetAnvisningsEnhederByDaginstitutionsnummer: { DagInstitutionsNummer: 'G30306' },
        GetAlternativAdresserByCvrnummer: { cvrNummer: '33178522' },
        GetAlternativAdresserByPnummer: { pNummer: '8947664198' },
        GetAlternativAdresserByNummer: { alternativAdresseNummer: 'G30504' },
        GetAlternativAdresserByNavn: { partOfName: 'Skov' },
        GetAlternativAdresserByAnvisningsenhedsnummer: { enhedsNummer: 'G23042' },
        GetDaginstitutionerByNumre: { DagInstitutionsNumre: { nummer: ['G30306'] } },
        GetAnvisningsEnhederByNumre: { enhedsNumre: { nummer: ['G10662', 'D10041'] } },
        GetAlternativAdresserByNumre: { alternativAdresseNumre: { nummer: ['G30504'] } },
        GetAendringer: { fraSekvens: 0, maksAntal: 10 },
      };
      // Asynchronously: the register answers from this same process.
      const run = await promisify(execFile)(
        PYTHON,
        [script, `${registry.url}/ExportService?wsdl`, caFile, 'reader', 'reader', JSON.stringify(args)],
        { encoding: 'utf8', timeout: 140_000, maxBuffer: 16 * 1024 * 1024 },
      );
      expect(run.stderr).toBe('');
      const results = JSON.parse(run.stdout) as Record<string, { ok: boolean; summary: string }>;
      const failures = Object.entries(results).filter(([, r]) => !r.ok);
      expect(failures).toEqual([]);
      // 27 operations (26 of STIL's and the change feed's GetAendringer) on each of the two ports.
      expect(Object.keys(results)).toHaveLength(54);
      expect(results['ExportServiceSoap12.GetAendringer']?.summary).toMatch(/"senesteSekvens": \d+/);
      expect(results['ExportServiceSoap12.GetAnvisningsEnhederByNumre']?.summary).toMatch(
        /"EnhedsNummer": "D10041"/,
      );
      expect(results.GetAnvisningsEnhederByNumre?.summary).toMatch(
        /"EnhedsNummer": "D10041".*"byNavn": "København S"/,
      );
      expect(results.HelloWorld?.summary).toMatch(/Hello \d{4}/);
    },
  );

  it(
    'loads the ImportService WSDL and calls every operation on both ports',
    { timeout: 150_000 },
    async () => {
      const adresse = {
        vejNavn: 'Tyborøn Allé',
        husNummer: '47',
        postNummer: '2720',
        byNavn: 'Vanløse',
        kommuneKode: '101',
      };
      const enhed = { EnhedsNavn: 'Zeep-haven', InstType3: 6012, Adresse: adresse, PNummer: '4774805696' };
      const args = {
        GetXMLSchema: {},
        ValidateXmlAgainstSchema: {
          xml: '<AnvisningsEnhed xmlns="urn:dagtilbudsregister:import:v1"><EnhedsNavn>Ø</EnhedsNavn></AnvisningsEnhed>',
        },
        InsertDaginstitution: {
          Daginstitution: {
            daginstitutionsNavn: 'Zeep',
            ejerformKode: 1,
            lovgrundlagKode: 1,
            admKommuneKode: '101',
          },
          AnvisningsEnhed: enhed,
        },
        UpdateDaginstitution: {
          Daginstitution: {
            daginstitutionsNummer: 'G29215',
            daginstitutionsNavn: 'Dagtilbud København (§ 19, stk. 2)',
          },
        },
        DeleteDaginstitution: { DagInstitutionsNummer: 'G99999' },
        InsertAnvisningsEnhed: { AnvisningsEnhed: { DagInstitutionsNummer: 'G29215', ...enhed } },
        UpdateAnvisningsEnhed: { AnvisningsEnhed: { EnhedsNummer: 'G10432', Email: 'zeep@kk.dk' } },
        DeleteAnvisningsEnhed: { EnhedsNummer: 'G99999' },
        InsertAlternativAdresse: {
          AlternativAdresse: {
            EnhedsNummer: 'G10432',
            Navn: 'Zeep-skoven',
            Adresse: adresse,
            PNummer: '8676166552',
          },
        },
        UpdateAlternativAdresse: { AlternativAdresse: { AlternativAdresseNummer: 'G99999', Navn: 'x' } },
        DeleteAlternativAdresse: { AlternativAdresseNummer: 'G99999' },
        MoveAnvisningsEnhed: { EnhedsNummer: 'G99999', DagInstitutionsNummer: 'G29215' },
        MoveAlternativAdresse: { AlternativAdresseNummer: 'G99999', EnhedsNummer: 'G10432' },
      };
      const run = await promisify(execFile)(
        PYTHON,
        [
          script,
          `${registry.url}/ImportService?wsdl`,
          caFile,
          'kommune-101',
          'kommune-101',
          JSON.stringify(args),
        ],
        { encoding: 'utf8', timeout: 140_000, maxBuffer: 16 * 1024 * 1024 },
      );
      const results = JSON.parse(run.stdout) as Record<string, { ok: boolean; summary: string }>;
      expect(Object.entries(results).filter(([, r]) => !r.ok)).toEqual([]);
      expect(Object.keys(results)).toHaveLength(28);
      expect(results['ImportServiceSoap12.UpdateAnvisningsEnhed']?.summary).toContain('"status": "OK"');
      for (const operation of [
        'InsertDaginstitution',
        'UpdateDaginstitution',
        'InsertAnvisningsEnhed',
        'UpdateAnvisningsEnhed',
        'InsertAlternativAdresse',
      ]) {
        expect({ operation, summary: results[operation]?.summary }).toMatchObject({
          summary: expect.stringContaining('"status": "OK"'),
        });
      }
      // Business errors come back as answers the client can read, not as faults.
      expect(results.DeleteDaginstitution?.summary).toContain('FINDES_IKKE');
      expect(results.ValidateXmlAgainstSchema?.summary).toContain('"status": "OK"');
    },
  );
});
