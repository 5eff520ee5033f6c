import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRegistry, type TestRegistry } from '../helpers/start-test-registry.ts';

// zeep (Debian's python3-zeep, installed by .ci/install-system-deps) is a SOAP client nobody here
// wrote: if it can load the WSDL and call every operation, so can SoapUI or .NET.
const PYTHON = '/usr/bin/python3';
const hasZeep = spawnSync(PYTHON, ['-c', 'import zeep'], { stdio: 'ignore' }).status === 0;
if (!hasZeep && process.env.CI) throw new Error('CI needs python3-zeep: run .ci/install-system-deps');
const script = fileURLToPath(new URL('../interop/zeep_call_all.py', import.meta.url));

let registry: TestRegistry;
let caFile: string;

beforeAll(async () => {
  registry = await startTestRegistry();
  caFile = join(mkdtempSync(join(tmpdir(), 'registry-ca-')), 'ca.pem');
  writeFileSync(caFile, registry.ca);
});
afterAll(() => registry.close());

describe.skipIf(!hasZeep)('the WSDL in a third-party SOAP client (zeep)', () => {
  it('loads the ExportService WSDL and calls every operation', async () => {
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
    };
    // Asynchronously: the register answers from this same process.
    const run = await promisify(execFile)(
      PYTHON,
      [script, `${registry.url}/ExportService?wsdl`, caFile, 'reader', 'reader', JSON.stringify(args)],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Record<string, { ok: boolean; summary: string }>;
    const failures = Object.entries(results).filter(([, r]) => !r.ok);
    expect(failures).toEqual([]);
    expect(Object.keys(results)).toHaveLength(26);
    expect(results.GetAnvisningsEnhederByNumre?.summary).toMatch(
      /"EnhedsNummer": "D10041".*"byNavn": "København S"/,
    );
    expect(results.HelloWorld?.summary).toMatch(/Hello \d{4}/);
  });
});
