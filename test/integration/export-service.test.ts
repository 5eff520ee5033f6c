import type { Client } from 'soap';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/registry/auth/user-directory.ts';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { asArray, callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

type Rec = Record<string, unknown>;

let client: Client;

const { registry } = useTestStack();
beforeAll(async () => {
  client = await createTestSoapClient(registry, 'ExportService', 'reader');
});

/** The repeated `key` elements of a list result; an empty list may come back as nothing at all. */
const list = (result: unknown, key: string): Rec[] =>
  typeof result === 'object' && result !== null ? asArray((result as Rec)[key] as Rec | Rec[]) : [];
const units = async (operation: string, args: object = {}) =>
  list(await callOperation(client, operation, args), 'anvisningsenhed');
const parents = async (operation: string, args: object = {}) =>
  list(await callOperation(client, operation, args), 'daginstitution');
const alternatives = async (operation: string, args: object = {}) =>
  list(await callOperation(client, operation, args), 'alternativAdresse');

describe('ExportService, STIL operations', () => {
  it('HelloWorld answers Hello and a timestamp', async () => {
    const answer = await callOperation(client, 'HelloWorld');
    expect(answer).toMatch(/^Hello \d{4}-\d\d-\d\dT/);
  });

  it('GetAnvisningsEnhederByNummer reads a real unit back unchanged, with code texts and parent', async () => {
    const [unit] = await units('GetAnvisningsEnhederByNummer', { enhedsNummer: 'G10662' });
    expect(unit).toMatchObject({
      EnhedsNummer: 'G10662',
      EnhedsNavn: 'Den Private Børnehave Højvang',
      InstType3: 6012,
      InstType3_Tekst: 'Aldersintegreret institution (0-5 år)',
      CVRNummer: '33178522',
      aktivitetsstatus: 'Aktiv',
      Adresse: {
        vejNavn: 'Skæring Hedevej',
        husNummer: '14A',
        postNummer: '8250',
        byNavn: 'Egå',
        kommuneKode: 751,
        kommuneKode_Tekst: 'Aarhus',
      },
    });
    expect(unit?.DagInstitutionsNummer).toMatch(/^G\d{5}$/);
    expect(Number((unit?.Adresse as Rec).geoBredde)).toBeCloseTo(56.2312, 3);
  });

  it('keeps the legacy number D10041 and Bornholm coordinates', async () => {
    const [legacy] = await units('GetAnvisningsEnhederByNummer', { enhedsNummer: 'D10041' });
    expect(legacy?.EnhedsNummer).toBe('D10041');
    const bornholm = (await units('GetAllAnvisningsEnheder')).filter(
      (u) => (u.Adresse as Rec).kommuneKode === 400,
    );
    expect(bornholm.length).toBeGreaterThan(0);
    for (const u of bornholm) expect(Number((u.Adresse as Rec).geoLaengde)).toBeGreaterThan(14.6);
  });

  it('an unknown number gives an empty list, not a fault', async () => {
    expect(await units('GetAnvisningsEnhederByNummer', { enhedsNummer: 'G99999' })).toEqual([]);
  });

  it('GetAllAnvisningsEnheder returns every unit, active and closed', async () => {
    const all = await units('GetAllAnvisningsEnheder');
    expect(all.length).toBeGreaterThanOrEqual(4810);
    expect(all.filter((u) => u.aktivitetsstatus === 'Aktiv')).toHaveLength(4810);
    expect(all.some((u) => u.aktivitetsstatus === 'Nedlagt' && u.nedlagtTidspunkt !== undefined)).toBe(true);
  });

  it('GetAnvisningsEnhederByCvrnummer and ByPnummer find the units that carry them', async () => {
    const byCvr = await units('GetAnvisningsEnhederByCvrnummer', { cvrNummer: '33178522' });
    expect(byCvr.map((u) => u.EnhedsNummer)).toContain('G10662');
    const [unit] = await units('GetAnvisningsEnhederByNummer', { enhedsNummer: 'G10662' });
    const byP = await units('GetAnvisningsEnhederByPnummer', { pNummer: unit?.PNummer });
    expect(byP.map((u) => u.EnhedsNummer)).toContain('G10662');
  });

  it('GetAnvisningsEnhederByNavn matches case-insensitively, Danish letters included', async () => {
    const found = await units('GetAnvisningsEnhederByNavn', { partOfName: 'PRIVATE BØRNEHAVE HØJVANG' });
    expect(found.map((u) => u.EnhedsNummer)).toEqual(['G10662']);
  });

  it('daginstitution operations: all, by number, by name, and its units', async () => {
    const [unit] = await units('GetAnvisningsEnhederByNummer', { enhedsNummer: 'G10662' });
    const parentNumber = unit?.DagInstitutionsNummer as string;
    const [parent] = await parents('GetDaginstitutionByNummer', { DagInstitutionsNummer: parentNumber });
    expect(parent).toMatchObject({
      daginstitutionsNummer: parentNumber,
      ejerformKode: 3,
      ejerformKode_Tekst: 'Privat',
      admKommuneKode: 751,
      admKommuneKode_Tekst: 'Aarhus',
      aktivitetsstatus: 'Aktiv',
    });
    expect(parent?.lovgrundlagKode_Tekst).toMatch(/^Dagtilbudsloven/);
    const byName = await parents('GetDaginstitutionByNavn', {
      partOfName: String(parent?.daginstitutionsNavn),
    });
    expect(byName.map((p) => p.daginstitutionsNummer)).toContain(parentNumber);
    const children = await units('GetAnvisningsEnhederByDaginstitutionsnummer', {
      DagInstitutionsNummer: parentNumber,
    });
    expect(children.map((u) => u.EnhedsNummer)).toContain('G10662');
    const all = await parents('GetAllDaginstitutioner');
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((p) => typeof p.ejerformKode_Tekst === 'string')).toBe(true);
  });

  it('alternative address operations: all, by number, name, CVR, P-number and parent', async () => {
    const all = await alternatives('GetAllAlternativAdresser');
    expect(all.length).toBeGreaterThan(0);
    const first = all[0] as Rec;
    const number = first.AlternativAdresseNummer as string;
    expect(
      (await alternatives('GetAlternativAdresserByNummer', { alternativAdresseNummer: number }))[0],
    ).toEqual(first);
    const byName = await alternatives('GetAlternativAdresserByNavn', { partOfName: String(first.Navn) });
    expect(byName.map((a) => a.AlternativAdresseNummer)).toContain(number);
    const byCvr = await alternatives('GetAlternativAdresserByCvrnummer', { cvrNummer: first.CVRNummer });
    expect(byCvr.map((a) => a.AlternativAdresseNummer)).toContain(number);
    const byP = await alternatives('GetAlternativAdresserByPnummer', { pNummer: first.PNummer });
    expect(byP.map((a) => a.AlternativAdresseNummer)).toContain(number);
    const byParent = await alternatives('GetAlternativAdresserByAnvisningsenhedsnummer', {
      enhedsNummer: first.EnhedsNummer,
    });
    expect(byParent.map((a) => a.AlternativAdresseNummer)).toContain(number);
  });

  it('GetDagtilbudByDagInstitutionsNummer returns the three levels under one daginstitution', async () => {
    const [withAlternative] = await alternatives('GetAllAlternativAdresser');
    const [unit] = await units('GetAnvisningsEnhederByNummer', {
      enhedsNummer: withAlternative?.EnhedsNummer,
    });
    const slice = (await callOperation(client, 'GetDagtilbudByDagInstitutionsNummer', {
      DagInstitutionsNummer: unit?.DagInstitutionsNummer,
    })) as Rec;
    const sliceParents = asArray((slice.daginstitutioner as Rec).daginstitution as Rec[]);
    const sliceUnits = asArray((slice.anvisningsenheder as Rec).anvisningsenhed as Rec[]);
    const sliceAlternatives = asArray((slice.alternativAdresser as Rec).alternativAdresse as Rec[]);
    expect(sliceParents.map((p) => p.daginstitutionsNummer)).toEqual([unit?.DagInstitutionsNummer]);
    expect(sliceUnits.every((u) => u.DagInstitutionsNummer === unit?.DagInstitutionsNummer)).toBe(true);
    expect(sliceAlternatives.map((a) => a.AlternativAdresseNummer)).toContain(
      withAlternative?.AlternativAdresseNummer,
    );
  });

  it('GetDagtilbudByAdmKommuneNummer returns one municipality, GetAllDagtilbud all of it', async () => {
    const fredensborg = (await callOperation(client, 'GetDagtilbudByAdmKommuneNummer', {
      AdmkommuneNummer: 210,
    })) as Rec;
    const fParents = asArray((fredensborg.daginstitutioner as Rec).daginstitution as Rec[]);
    const fUnits = asArray((fredensborg.anvisningsenheder as Rec).anvisningsenhed as Rec[]);
    expect(fParents.length).toBeGreaterThan(0);
    expect(fParents.every((p) => p.admKommuneKode === 210)).toBe(true);
    expect(fUnits.map((u) => u.EnhedsNummer)).toContain('G18062');
    const all = (await callOperation(client, 'GetAllDagtilbud')) as Rec;
    expect(asArray((all.anvisningsenheder as Rec).anvisningsenhed as Rec[]).length).toBeGreaterThanOrEqual(
      4810,
    );
    expect(asArray((all.alternativAdresser as Rec).alternativAdresse as Rec[]).length).toBeGreaterThan(0);
  });

  it('GetDagtilbudByAdmKommuneNummer reads the municipality code as sent: not one number is a Client fault', async () => {
    // The XSD check refuses what is not an xs:int before node-soap's parseInt could read 101 in it.
    for (const [sent, reason] of [
      ['101abc', `'101abc' is not a valid value of the atomic type 'xs:int'`],
      ['1.5', `'1.5' is not a valid value of the atomic type 'xs:int'`],
      ['', `'' is not a valid value of the atomic type 'xs:int'`],
    ]) {
      const answer = await httpsRequest(`${registry.url}/ExportService`, {
        method: 'POST',
        ca: registry.ca,
        headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
        body: soapEnvelope('GetDagtilbudByAdmKommuneNummer', `<AdmkommuneNummer>${sent}</AdmkommuneNummer>`),
      });
      // A SOAP 1.1 fault is HTTP 500 (SOAP 1.1 §6.2, WS-I BP R1126).
      expect({ sent, status: answer.status }).toEqual({ sent, status: 500 });
      expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
      expect(answer.body).toContain(
        `GetDagtilbudByAdmKommuneNummer: The request does not satisfy ExportService.xsd: line 1: Element 'AdmkommuneNummer': ${reason}`,
      );
    }
  });

  it('code tables: institution types, ownership forms, legal bases and the 98 municipalities', async () => {
    const rows = async (operation: string) =>
      asArray(((await callOperation(client, operation)) as Rec).kode as Rec[]);
    expect(await rows('GetInstitutionstyper')).toContainEqual({ kode: 6013, tekst: 'Dagpleje' });
    expect(await rows('GetEjerformer')).toContainEqual({ kode: 2, tekst: 'Selvejende' });
    expect((await rows('GetLovgrundlag')).length).toBeGreaterThanOrEqual(8);
    const kommuner = await rows('GetKommuner');
    expect(kommuner).toHaveLength(98);
    expect(kommuner).toContainEqual({ kode: 400, tekst: 'Bornholm' });
  });
});

describe('ExportService, extensions of this project', () => {
  it('batch look-ups return many records in one call, unknown numbers left out', async () => {
    const found = await units('GetAnvisningsEnhederByNumre', {
      enhedsNumre: { nummer: ['G18062', 'G99999', 'G10662', 'D10041'] },
    });
    expect(found.map((u) => u.EnhedsNummer).sort()).toEqual(['D10041', 'G10662', 'G18062']);
    const parentNumber = found[0]?.DagInstitutionsNummer as string;
    expect(
      (await parents('GetDaginstitutionerByNumre', { DagInstitutionsNumre: { nummer: [parentNumber] } })).map(
        (p) => p.daginstitutionsNummer,
      ),
    ).toEqual([parentNumber]);
    const [alternative] = await alternatives('GetAllAlternativAdresser');
    const number = alternative?.AlternativAdresseNummer as string;
    expect(
      (
        await alternatives('GetAlternativAdresserByNumre', { alternativAdresseNumre: { nummer: [number] } })
      ).map((a) => a.AlternativAdresseNummer),
    ).toEqual([number]);
  });

  it('a batch over the limit is a Client fault that says so', async () => {
    const nummer = Array.from({ length: 1001 }, (_, i) => `G${String(10000 + i)}`);
    await expect(
      callOperation(client, 'GetAnvisningsEnhederByNumre', { enhedsNumre: { nummer } }),
      // The XSD's maxOccurs="1000", checked before the operation runs.
    ).rejects.toThrow(/line 1: Element 'nummer': This element is not expected.*maxOccurs/);
  });
});

describe('ExportService, identities', () => {
  it.each(DEMO_USERS)('%s may read', async (user) => {
    const own = await createTestSoapClient(registry, 'ExportService', user);
    expect(await callOperation(own, 'HelloWorld')).toMatch(/^Hello /);
  });

  it('a missing parameter is a Client fault naming it', async () => {
    await expect(callOperation(client, 'GetAnvisningsEnhederByNummer', {})).rejects.toThrow(
      /Missing child element\(s\)\. Expected is \( enhedsNummer \)/,
    );
  });
});
