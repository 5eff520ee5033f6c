import { describe, expect, it } from 'vitest';
import { ADRESSE_101, P, REAL } from '../helpers/import-fixtures.ts';
import { httpsRequest, soapEnvelope, type RawResponse } from '../helpers/https-request.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

/*
 * Text kept exactly: the register reads a body by the encoding it declares, refuses what it
 * cannot read (and changes nothing), stores names composed (NFC) and finds them so, and does not
 * take invisible characters for a name. Bodies are built as bytes here, since the encoding is
 * what is under test.
 */

const { registry } = useTestStack();

const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';
const EXPORT_NS = 'urn:dagtilbudsregister:export:v1';

/** An InsertAnvisningsEnhed envelope under København's G29215, after `declaration`. */
function insertUnit(enhedsNavn: string, declaration = ''): string {
  const a = ADRESSE_101;
  const adresse = `<Adresse><vejNavn>${a.vejNavn}</vejNavn><husNummer>${a.husNummer}</husNummer><postNummer>${a.postNummer}</postNummer><byNavn>${a.byNavn}</byNavn><kommuneKode>${a.kommuneKode}</kommuneKode></Adresse>`;
  return (
    declaration +
    soapEnvelope(
      'InsertAnvisningsEnhed',
      `<AnvisningsEnhed><DagInstitutionsNummer>${REAL.kommunal101}</DagInstitutionsNummer><EnhedsNavn>${enhedsNavn}</EnhedsNavn><InstType3>6012</InstType3>${adresse}<PNummer>${P.koebenhavn[0]}</PNummer></AnvisningsEnhed>`,
      IMPORT_NS,
    ).replace(/^<\?xml[^>]*>/, '')
  );
}

function post(service: string, body: Buffer | string, contentType: string): Promise<RawResponse> {
  return httpsRequest(`${registry.url}/${service}`, {
    method: 'POST',
    ca: registry.ca,
    headers: { authorization: basicAuth('kommune-101'), 'content-type': contentType },
    body,
  });
}

/** The new unit's number from an OK answer; fails the test on anything else. */
function insertedNumber(response: RawResponse): string {
  expect(response.body).toContain('<status>OK</status>');
  const nummer = /<nummer>([A-Z]\d{5})<\/nummer>/.exec(response.body)?.[1];
  if (nummer === undefined) throw new Error(`no number in ${response.body}`);
  return nummer;
}

const storedName = (nummer: string) => registry.store.anvisningsenheder({ numre: [nummer] })[0]?.enhedsNavn;

/** A fault's text, with XML's character references resolved. */
function faultString(body: string): string {
  const escaped = /<faultstring>([^<]*)<\/faultstring>/.exec(body)?.[1] ?? '';
  return escaped
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Sends a body the register must refuse as a Client fault, and checks that nothing was written. */
async function expectRefused(body: Buffer | string, contentType: string, reason: RegExp): Promise<void> {
  const before = registry.store.changeSequence();
  const units = registry.store.anvisningsenheder().length;
  const response = await post('ImportService', body, contentType);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.body).toContain('soap:Client');
  expect(faultString(response.body)).toMatch(reason);
  expect(response.body).not.toContain('Internal error');
  expect(registry.store.changeSequence()).toBe(before);
  expect(registry.store.anvisningsenheder()).toHaveLength(units);
}

describe('register: a body is read by the encoding it declares', () => {
  it('reads an ISO-8859-1 body declared in its XML declaration', async () => {
    const body = Buffer.from(
      insertUnit('Ærøs Æblegård', '<?xml version="1.0" encoding="ISO-8859-1"?>'),
      'latin1',
    );
    expect(body.includes(Buffer.from('Ærø', 'utf8'))).toBe(false);
    const nummer = insertedNumber(await post('ImportService', body, 'text/xml'));
    expect(storedName(nummer)).toBe('Ærøs Æblegård');
  });

  it('reads an ISO-8859-1 body declared by its content type', async () => {
    const body = Buffer.from(insertUnit('Søhøjlandet'), 'latin1');
    const nummer = insertedNumber(await post('ImportService', body, 'text/xml; charset=ISO-8859-1'));
    expect(storedName(nummer)).toBe('Søhøjlandet');
  });

  it('reads windows-1252 and UTF-16 with a byte order mark', async () => {
    const cp1252 = Buffer.from(
      insertUnit('Åbo € Hus', '<?xml version="1.0" encoding="windows-1252"?>'),
      'latin1',
    );
    cp1252[cp1252.indexOf('€', 0, 'latin1')] = 0x80; // € is 0x80 in windows-1252, absent in Latin-1
    expect(storedName(insertedNumber(await post('ImportService', cp1252, 'text/xml')))).toBe('Åbo € Hus');

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(insertUnit('Ølstykke 𝄞', '<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le'),
    ]);
    expect(storedName(insertedNumber(await post('ImportService', utf16, 'text/xml')))).toBe('Ølstykke 𝄞');
  });

  it('refuses bytes that are not valid UTF-8, instead of storing U+FFFD', async () => {
    const body = Buffer.concat([
      Buffer.from(insertUnit('Xplaceholder').split('Xplaceholder')[0] ?? '', 'utf8'),
      Buffer.from([0xc6, 0x62, 0x6c, 0x65]), // "Æble" in Latin-1, undeclared
      Buffer.from(insertUnit('Xplaceholder').split('Xplaceholder')[1] ?? '', 'utf8'),
    ]);
    await expectRefused(body, 'text/xml; charset=utf-8', /not valid UTF-8/);
    await expectRefused(body, 'text/xml', /not valid UTF-8/);
  });

  it('refuses an encoding it cannot read, naming it', async () => {
    await expectRefused(
      insertUnit('Æblehaven', '<?xml version="1.0" encoding="EBCDIC-DK"?>'),
      'text/xml',
      /"EBCDIC-DK".*cannot read/,
    );
    await expectRefused(insertUnit('Æblehaven'), 'text/xml; charset=x-klingon', /"x-klingon"/);
  });

  it('refuses declarations that disagree', async () => {
    const latin1 = Buffer.from(
      insertUnit('Æblehaven', '<?xml version="1.0" encoding="ISO-8859-1"?>'),
      'latin1',
    );
    await expectRefused(latin1, 'text/xml; charset=utf-8', /encodings disagree/);
    const utf8WithBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(insertUnit('Æblehaven', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'utf8'),
    ]);
    await expectRefused(utf8WithBom, 'text/xml', /encodings disagree/);
  });

  it('refuses a lone surrogate written as a character reference', async () => {
    await expectRefused(insertUnit('Æble&#xD800;haven'), 'text/xml; charset=utf-8', /&#xD800;.*surrogate/);
    await expectRefused(insertUnit('Æble&#56320;haven'), 'text/xml; charset=utf-8', /surrogate/);
  });

  it('keeps a character reference to a real character', async () => {
    const nummer = insertedNumber(
      await post('ImportService', insertUnit('B&#xF8;rnehuset &#x1F333;'), 'text/xml'),
    );
    expect(storedName(nummer)).toBe('Børnehuset 🌳');
  });
});

describe('register: names are composed (NFC), stored and searched', () => {
  const nfc = 'Åbyhøj Vuggestue';
  const nfd = nfc.normalize('NFD');

  it('measures a decomposed name composed: 132 å sent as a + ring fit the 132 characters', async () => {
    const name = 'å'.repeat(132);
    const response = await post(
      'ImportService',
      insertUnit(name.normalize('NFD')),
      'text/xml; charset=utf-8',
    );
    expect(storedName(insertedNumber(response))).toBe(name);
  });

  it('stores a decomposed name composed, and finds it by either form', async () => {
    expect(nfd).not.toBe(nfc);
    const nummer = insertedNumber(await post('ImportService', insertUnit(nfd), 'text/xml; charset=utf-8'));
    expect(storedName(nummer)).toBe(nfc);

    for (const query of [nfc, nfd, 'åbyhøj', 'a\u030Abyhøj']) {
      const response = await post(
        'ExportService',
        soapEnvelope('GetAnvisningsEnhederByNavn', `<partOfName>${query}</partOfName>`, EXPORT_NS),
        'text/xml; charset=utf-8',
      );
      expect(response.status).toBe(200);
      expect(response.body, `query ${JSON.stringify(query)}`).toContain(
        `<EnhedsNummer>${nummer}</EnhedsNummer>`,
      );
      expect(response.body).toContain(nfc);
    }
  });
});

describe('register: a mandatory text of invisible characters is missing', () => {
  it.each([
    ['two zero-width spaces', '\u200B\u200B'],
    ['a zero-width joiner and non-joiner', '\u200D\u200C'],
    ['a byte order mark and a word joiner', '\uFEFF\u2060'],
    ['a soft hyphen between spaces', ' \u00AD '],
    ['a Hangul filler', '\u3164'],
    ['left-to-right marks', '\u200E\u200F'],
  ])('EnhedsNavn of %s is FELT_MANGLER', async (_what, name) => {
    const before = registry.store.changeSequence();
    const response = await post('ImportService', insertUnit(name), 'text/xml; charset=utf-8');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<status>FEJL</status>');
    expect(response.body).toMatch(/<felt>AnvisningsEnhed\/EnhedsNavn<\/felt>\s*<kode>FELT_MANGLER<\/kode>/);
    expect(registry.store.changeSequence()).toBe(before);
  });

  it('keeps a visible name with an invisible character inside it exactly', async () => {
    const name = 'Børne\u00ADhuset';
    expect(storedName(insertedNumber(await post('ImportService', insertUnit(name), 'text/xml')))).toBe(name);
  });
});
