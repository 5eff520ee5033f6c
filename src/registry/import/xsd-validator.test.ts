import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_WIDTHS } from '../rules/field-widths.ts';
import { createImportSchemaValidator, importSchemaText, type SchemaError } from './xsd-validator.ts';

const NS = 'urn:dagtilbudsregister:import:v1';

const record = (root: string, inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<${root} xmlns="${NS}">\n${inner}\n</${root}>`;

/** Every text field at `extra` characters beyond its width in field-widths.ts (0: exactly at it). */
const unit = (extra: number): string => {
  const text = (width: number) => 'å'.repeat(width + extra);
  return record(
    'AnvisningsEnhed',
    `<EnhedsNummer>G1234${'5'.repeat(1 + extra)}</EnhedsNummer>
<DagInstitutionsNummer>G18062</DagInstitutionsNummer>
<EnhedsNavn>${text(FIELD_WIDTHS.EnhedsNavn)}</EnhedsNavn>
<InstType3>6011</InstType3>
<Adresse>
  <vejNavn>${text(FIELD_WIDTHS.vejNavn)}</vejNavn>
  <husNummer>${text(FIELD_WIDTHS.husNummer)}</husNummer>
  <etage>${text(FIELD_WIDTHS.etage)}</etage>
  <doer>${text(FIELD_WIDTHS.doer)}</doer>
  <postNummer>8000</postNummer>
  <byNavn>${text(FIELD_WIDTHS.byNavn)}</byNavn>
  <supplerendeBynavn>${text(FIELD_WIDTHS.supplerendeBynavn)}</supplerendeBynavn>
  <kommuneKode>0751</kommuneKode>
  <geoBredde>56,1567</geoBredde>
  <geoLaengde>10.2039</geoLaengde>
  <dawaId>0a3f50a0-75eb-32b8-e044-0003ba298018</dawaId>
</Adresse>
<Email>${text(FIELD_WIDTHS.Email)}</Email>
<TelefonNummer>${text(FIELD_WIDTHS.TelefonNummer)}</TelefonNummer>
<PNummer>${'1'.repeat(FIELD_WIDTHS.PNummer + extra)}</PNummer>`,
  );
};

const daginstitution = (extra: number): string =>
  record(
    'Daginstitution',
    `<daginstitutionsNummer>G1806${'2'.repeat(1 + extra)}</daginstitutionsNummer>
<daginstitutionsNavn>${'ø'.repeat(FIELD_WIDTHS.daginstitutionsNavn + extra)}</daginstitutionsNavn>
<ejerformKode>1</ejerformKode><lovgrundlagKode>1</lovgrundlagKode><admKommuneKode>101</admKommuneKode>`,
  );

const alternativAdresse = (extra: number): string =>
  record(
    'AlternativAdresse',
    `<AlternativAdresseNummer>G2000${'1'.repeat(1 + extra)}</AlternativAdresseNummer>
<Navn>${'æ'.repeat(FIELD_WIDTHS.Navn + extra)}</Navn>`,
  );

const cases = {
  valid: record(
    'AnvisningsEnhed',
    `<DagInstitutionsNummer>G18062</DagInstitutionsNummer>
<EnhedsNavn>Børnehuset Æblehaven på Åbyvej</EnhedsNavn>
<InstType3>6011</InstType3>
<Adresse><vejNavn>Åbyvej</vejNavn><husNummer>12</husNummer><postNummer>8230</postNummer><byNavn>Åbyhøj</byNavn><kommuneKode>751</kommuneKode></Adresse>
<PNummer>1012345678</PNummer>`,
  ),
  tooLongName: record('AnvisningsEnhed', `<EnhedsNavn>${'a'.repeat(133)}</EnhedsNavn>`),
  shortPNummer: record(
    'AnvisningsEnhed',
    '<EnhedsNummer>G18063</EnhedsNummer>\n<PNummer>123456789</PNummer>',
  ),
  textInstType3: record('AnvisningsEnhed', '<InstType3>6011x</InstType3>'),
  unknownElement: record('AnvisningsEnhed', '<EnhedsNavn>Spiren</EnhedsNavn>\n<Fax>12345678</Fax>'),
  doctype: `<!DOCTYPE AnvisningsEnhed [<!ENTITY x "xx">]>\n<AnvisningsEnhed xmlns="${NS}"><EnhedsNavn>&x;</EnhedsNavn></AnvisningsEnhed>`,
  malformed: `<AnvisningsEnhed xmlns="${NS}">\n<EnhedsNavn>Spiren</Enhedsnavn>\n</AnvisningsEnhed>`,
  operationRoot: `<HelloWorld xmlns="${NS}"/>`,
  noNamespace: '<AnvisningsEnhed><EnhedsNavn>Spiren</EnhedsNavn></AnvisningsEnhed>',
  unitAtWidths: unit(0),
  unitOverWidths: unit(1),
  daginstitutionAtWidths: daginstitution(0),
  daginstitutionOverWidths: daginstitution(1),
  alternativAdresseAtWidths: alternativAdresse(0),
  alternativAdresseOverWidths: alternativAdresse(1),
};

const results = new Map<keyof typeof cases, SchemaError[]>();

// One validator (the schema compiles once) for every case.
beforeAll(async () => {
  const validator = createImportSchemaValidator();
  const entries = Object.entries(cases) as [keyof typeof cases, string][];
  const answers = await Promise.all(entries.map(([, xml]) => validator.validateRecordXml(xml)));
  entries.forEach(([name], i) => results.set(name, answers[i] ?? []));
});

const errorsOf = (name: keyof typeof cases): SchemaError[] => results.get(name) ?? [];
const felter = (name: keyof typeof cases): string[] => errorsOf(name).map((error) => error.felt);

describe('createImportSchemaValidator', () => {
  it('passes a valid AnvisningsEnhed with æøå, carrying only some of its fields', () => {
    expect(errorsOf('valid')).toEqual([]);
  });

  it('reports a 133-character EnhedsNavn, naming the field and its width', () => {
    const [error, ...rest] = errorsOf('tooLongName');
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ felt: 'AnvisningsEnhed/EnhedsNavn', kode: 'SKEMA_FEJL' });
    expect(error?.tekst).toMatch(/^EnhedsNavn må højst være 132 tegn; fik 133 tegn \(linje 3\); libxml2: /);
  });

  it('reports a 9-digit PNummer', () => {
    expect(errorsOf('shortPNummer')).toEqual([
      {
        felt: 'AnvisningsEnhed/PNummer',
        kode: 'SKEMA_FEJL',
        tekst: expect.stringContaining(
          "The value '123456789' is not accepted by the pattern '\\d{10}'",
        ) as string,
      },
    ]);
  });

  it('reports a non-numeric InstType3', () => {
    expect(errorsOf('textInstType3')).toEqual([
      {
        felt: 'AnvisningsEnhed/InstType3',
        kode: 'SKEMA_FEJL',
        tekst: expect.stringMatching(
          /^InstType3 skal være et heltal \(linje 3\); libxml2: .*'6011x'/,
        ) as string,
      },
    ]);
  });

  it('reports an unknown element', () => {
    expect(felter('unknownElement')).toEqual(['AnvisningsEnhed/Fax']);
    expect(errorsOf('unknownElement')[0]?.tekst).toContain("Element 'Fax': This element is not expected.");
  });

  it('refuses a DOCTYPE without running libxml2', () => {
    expect(errorsOf('doctype')).toEqual([
      { felt: 'xml', kode: 'SKEMA_FEJL', tekst: expect.stringContaining('DOCTYPE') as string },
    ]);
  });

  it('answers malformed XML with a single error about the document', () => {
    const errors = errorsOf('malformed');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ felt: 'xml', kode: 'SKEMA_FEJL' });
    expect(errors[0]?.tekst).toMatch(
      /^Dokumentet er ikke velformet XML \(linje 2\); libxml2: Opening and ending/,
    );
  });

  it('accepts only an import record as the root, in the ImportService namespace', () => {
    expect(felter('operationRoot')).toEqual(['HelloWorld']);
    expect(felter('noNamespace')).toEqual(['AnvisningsEnhed']);
    expect(errorsOf('noNamespace')[0]?.tekst).toContain('uden navnerum');
  });

  it('keeps every width in step with field-widths.ts', () => {
    expect(errorsOf('unitAtWidths')).toEqual([]);
    expect(errorsOf('daginstitutionAtWidths')).toEqual([]);
    expect(errorsOf('alternativAdresseAtWidths')).toEqual([]);
    expect(felter('unitOverWidths')).toEqual(
      [
        'EnhedsNummer',
        'EnhedsNavn',
        'Adresse/vejNavn',
        'Adresse/husNummer',
        'Adresse/etage',
        'Adresse/doer',
        'Adresse/byNavn',
        'Adresse/supplerendeBynavn',
        'Email',
        'TelefonNummer',
        'PNummer',
      ].map((path) => `AnvisningsEnhed/${path}`),
    );
    expect(felter('daginstitutionOverWidths')).toEqual([
      'Daginstitution/daginstitutionsNummer',
      'Daginstitution/daginstitutionsNavn',
    ]);
    expect(felter('alternativAdresseOverWidths')).toEqual([
      'AlternativAdresse/AlternativAdresseNummer',
      'AlternativAdresse/Navn',
    ]);
  });
});

describe('importSchemaText', () => {
  it('is the ImportService XSD', () => {
    expect(importSchemaText()).toContain(`targetNamespace="${NS}"`);
    expect(importSchemaText()).toContain('<xs:complexType name="ImportSvarXML">');
  });
});
