import { readFileSync } from 'node:fs';
import libxmljs from 'libxmljs';
import type { Client } from 'soap';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFeedPage, readWholeFeed, type FeedEntry } from '../helpers/change-feed.ts';
import { httpsRequest, soapEnvelope } from '../helpers/https-request.ts';
import { codes, importCaller, type ImportCaller, type Svar } from '../helpers/import-client.ts';
import { ADRESSE_101, P, REAL, daginstitution, unit } from '../helpers/import-fixtures.ts';
import { asArray, callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

// The register's change feed (GetAendringer, this project's extension) over real HTTPS, read with
// node-soap as an integrator would: every field, paging, bad parameters, concurrent writers.

type Rec = Record<string, unknown>;

let reader: Client;
let admin: ImportCaller;

const { registry } = useTestStack();
beforeAll(async () => {
  reader = await createTestSoapClient(registry, 'ExportService', 'reader');
  admin = await importCaller(registry, 'admin');
});

const latest = async () => (await readFeedPage(reader, 0, 1)).senesteSekvens;

/** The record as the level's own Export operation answers it now. */
async function currentRecord(niveau: string, nummer: string): Promise<Rec | undefined> {
  const [operation, parameter, key] =
    niveau === 'Daginstitution'
      ? ['GetDaginstitutionByNummer', 'DagInstitutionsNummer', 'daginstitution']
      : niveau === 'AnvisningsEnhed'
        ? ['GetAnvisningsEnhederByNummer', 'enhedsNummer', 'anvisningsenhed']
        : ['GetAlternativAdresserByNummer', 'alternativAdresseNummer', 'alternativAdresse'];
  const result = (await callOperation(reader, operation, { [parameter]: nummer })) as Rec | null;
  return asArray(result?.[key] as Rec | Rec[] | undefined)[0];
}

const ok = (svar: Svar): Svar => {
  expect(codes(svar)).toEqual([]);
  return svar;
};

/** What an entry says about which record changed how, for comparing lists. */
const summary = (e: FeedEntry) => [e.aendringsType, e.niveau, e.nummer];

describe('GetAendringer: what each change says', () => {
  it('is offered in the served WSDL and XSD, marked as an extension', async () => {
    const get = (path: string) =>
      httpsRequest(`${registry.url}${path}`, {
        ca: registry.ca,
        headers: { authorization: basicAuth('reader') },
      });
    const wsdl = (await get('/ExportService?wsdl')).body;
    expect(wsdl).toMatch(/<wsdl:operation name="GetAendringer">\s*<wsdl:documentation>EXTENSION/);
    expect(wsdl).toContain('soapAction="urn:dagtilbudsregister:export:v1/GetAendringer"');
    const xsd = (await get('/ExportService.xsd')).body;
    expect(xsd).toContain('<xs:element name="GetAendringerResponse">');
    expect(xsd).toContain('<xs:element name="aendretTidspunkt" type="xs:dateTime" minOccurs="0"/>');
  });

  it('InsertDaginstitution is two consecutive changes, and its answer names the last', async () => {
    const before = await latest();
    expect(before).toBe(registry.store.changeSequence());
    const created = ok(
      await admin.call('InsertDaginstitution', { Daginstitution: daginstitution(), AnvisningsEnhed: unit() }),
    );
    expect(created.aendringsSekvens).toBe(before + 2);

    const page = await readFeedPage(reader, before, 10);
    expect(page.senesteSekvens).toBe(before + 2);
    expect(page.entries.map((e) => [e.aendringsSekvens, ...summary(e), e.recordElements])).toEqual([
      [before + 1, 'Oprettet', 'Daginstitution', created.nummer, ['Daginstitution']],
      [before + 2, 'Oprettet', 'AnvisningsEnhed', created.anvisningsenhedsNummer, ['AnvisningsEnhed']],
    ]);
    const [parent, first] = page.entries;
    // The same record, field for field, as the level's own Export operation gives it.
    expect(parent?.record).toEqual(await currentRecord('Daginstitution', created.nummer ?? ''));
    expect(first?.record).toEqual(
      await currentRecord('AnvisningsEnhed', created.anvisningsenhedsNummer ?? ''),
    );
    // Each record carries its own change's sequence; one write, one time, in every timestamp.
    expect(parent?.record).toMatchObject({ aendringsSekvens: before + 1, aktivitetsstatus: 'Aktiv' });
    expect(first?.record).toMatchObject({
      aendringsSekvens: before + 2,
      DagInstitutionsNummer: created.nummer,
      CVRNummer: '64942212',
    });
    const at = parent?.tidspunkt;
    expect(at).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (at?.getTime() ?? 0))).toBeLessThan(60_000);
    for (const entry of page.entries) {
      expect(entry.tidspunkt).toEqual(at);
      expect(entry.record.oprettetTidspunkt).toEqual(at);
      expect(entry.record.aendretTidspunkt).toEqual(at);
      expect(entry.record.nedlagtTidspunkt).toBeUndefined();
    }
  });

  it('gives its times in UTC on the wire', async () => {
    const before = await latest();
    const created = ok(
      await admin.call('InsertAnvisningsEnhed', {
        AnvisningsEnhed: unit({ DagInstitutionsNummer: REAL.kommunal101, EnhedsNavn: 'UTC-haven' }),
      }),
    );
    const raw = await httpsRequest(`${registry.url}/ExportService`, {
      method: 'POST',
      ca: registry.ca,
      headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
      body: soapEnvelope('GetAendringer', `<fraSekvens>${before}</fraSekvens><maksAntal>5</maksAntal>`),
    });
    expect(raw.status).toBe(200);
    expect(raw.body).toMatch(
      new RegExp(
        `<Aendring><aendringsSekvens>${created.aendringsSekvens}</aendringsSekvens><aendringsType>Oprettet</aendringsType>` +
          `<tidspunkt>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z</tidspunkt><niveau>AnvisningsEnhed</niveau>` +
          `<nummer>${created.nummer}</nummer><AnvisningsEnhed><EnhedsNummer>${created.nummer}</EnhedsNummer>`,
      ),
    );
  });

  it('names every kind on every level, each with its record as it is now, closed ones included', async () => {
    const before = await latest();
    const created = ok(
      await admin.call('InsertDaginstitution', { Daginstitution: daginstitution(), AnvisningsEnhed: unit() }),
    );
    const d = created.nummer ?? '';
    const u1 = created.anvisningsenhedsNummer ?? '';
    const u2 =
      ok(
        await admin.call('InsertAnvisningsEnhed', {
          AnvisningsEnhed: unit({
            DagInstitutionsNummer: d,
            EnhedsNavn: 'Nummer to',
            PNummer: P.koebenhavn[1],
          }),
        }),
      ).nummer ?? '';
    const a =
      ok(
        await admin.call('InsertAlternativAdresse', {
          AlternativAdresse: {
            EnhedsNummer: u1,
            Navn: 'Skoven',
            Adresse: ADRESSE_101,
            PNummer: P.koebenhavn[2],
          },
        }),
      ).nummer ?? '';
    ok(
      await admin.call('UpdateDaginstitution', {
        Daginstitution: { daginstitutionsNummer: d, daginstitutionsNavn: 'Nyt navn' },
      }),
    );
    ok(
      await admin.call('UpdateAnvisningsEnhed', { AnvisningsEnhed: { EnhedsNummer: u2, Email: 'to@kk.dk' } }),
    );
    ok(
      await admin.call('UpdateAlternativAdresse', {
        AlternativAdresse: { AlternativAdresseNummer: a, Navn: 'Skoven 2' },
      }),
    );
    ok(
      await admin.call('MoveAnvisningsEnhed', { EnhedsNummer: u2, DagInstitutionsNummer: REAL.kommunal101 }),
    );
    ok(await admin.call('MoveAlternativAdresse', { AlternativAdresseNummer: a, EnhedsNummer: u2 }));
    ok(await admin.call('DeleteAlternativAdresse', { AlternativAdresseNummer: a }));
    ok(await admin.call('DeleteAnvisningsEnhed', { EnhedsNummer: u1 }));
    const last = ok(await admin.call('DeleteDaginstitution', { DagInstitutionsNummer: d }));

    const entries = await readWholeFeed(reader, before);
    expect(entries.map(summary)).toEqual([
      ['Oprettet', 'Daginstitution', d],
      ['Oprettet', 'AnvisningsEnhed', u1],
      ['Oprettet', 'AnvisningsEnhed', u2],
      ['Oprettet', 'AlternativAdresse', a],
      ['Aendret', 'Daginstitution', d],
      ['Aendret', 'AnvisningsEnhed', u2],
      ['Aendret', 'AlternativAdresse', a],
      ['Flyttet', 'AnvisningsEnhed', u2],
      ['Flyttet', 'AlternativAdresse', a],
      ['Nedlagt', 'AlternativAdresse', a],
      ['Nedlagt', 'AnvisningsEnhed', u1],
      ['Nedlagt', 'Daginstitution', d],
    ]);
    expect(entries.map((e) => e.aendringsSekvens)).toEqual(entries.map((_, i) => before + 1 + i));
    expect(entries.at(-1)?.aendringsSekvens).toBe(last.aendringsSekvens);

    const lastEntryOf = new Map(entries.map((e) => [`${e.niveau}/${e.nummer}`, e]));
    for (const entry of entries) {
      // Every entry carries the record as it is now: the first change of a closed unit shows it closed.
      expect(entry.recordElements).toEqual([entry.niveau]);
      expect(entry.record).toEqual(await currentRecord(entry.niveau, entry.nummer));
      const newest = lastEntryOf.get(`${entry.niveau}/${entry.nummer}`);
      expect(entry.record.aendringsSekvens).toBe(newest?.aendringsSekvens);
      expect(entry.record.aendretTidspunkt).toEqual(newest?.tidspunkt);
    }
    const closedUnit = lastEntryOf.get(`AnvisningsEnhed/${u1}`);
    expect(closedUnit?.record).toMatchObject({
      aktivitetsstatus: 'Nedlagt',
      nedlagtTidspunkt: closedUnit?.tidspunkt,
    });
    expect(lastEntryOf.get(`AnvisningsEnhed/${u2}`)?.record).toMatchObject({
      aktivitetsstatus: 'Aktiv',
      DagInstitutionsNummer: REAL.kommunal101,
      Email: 'to@kk.dk',
    });
    expect(lastEntryOf.get(`AlternativAdresse/${a}`)?.record).toMatchObject({
      EnhedsNummer: u2,
      Navn: 'Skoven 2',
      aktivitetsstatus: 'Nedlagt',
    });
    // Times never go backwards along the sequence.
    const times = entries.map((e) => e.tidspunkt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('answers XML that is valid against the served XSD, every level and closed records included', async () => {
    const before = await latest();
    const created = ok(
      await admin.call('InsertDaginstitution', { Daginstitution: daginstitution(), AnvisningsEnhed: unit() }),
    );
    const a = ok(
      await admin.call('InsertAlternativAdresse', {
        AlternativAdresse: {
          EnhedsNummer: created.anvisningsenhedsNummer,
          Navn: 'Skema-skoven',
          Adresse: ADRESSE_101,
          PNummer: P.koebenhavn[2],
        },
      }),
    );
    ok(await admin.call('DeleteAlternativAdresse', { AlternativAdresseNummer: a.nummer }));
    const raw = await httpsRequest(`${registry.url}/ExportService`, {
      method: 'POST',
      ca: registry.ca,
      headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
      body: soapEnvelope('GetAendringer', `<fraSekvens>${before}</fraSekvens><maksAntal>1000</maksAntal>`),
    });
    const response = /<GetAendringerResponse[\s\S]*<\/GetAendringerResponse>/.exec(raw.body)?.[0] ?? '';
    for (const level of ['Daginstitution', 'AnvisningsEnhed', 'AlternativAdresse']) {
      expect(response).toContain(`<${level}>`);
    }
    expect(response).toContain('<aktivitetsstatus>Nedlagt</aktivitetsstatus><oprettetTidspunkt>');
    const xsdUrl = new URL('../../src/registry/wsdl/ExportService.xsd', import.meta.url);
    const schema = libxmljs.parseXml(readFileSync(xsdUrl, 'utf8'));
    const document = libxmljs.parseXml(response);
    const valid = document.validate(schema);
    expect(document.validationErrors.map((e) => e.message)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('a refused or invalid write adds no change', async () => {
    const before = await latest();
    const readOnly = await importCaller(registry, 'reader');
    expect(
      codes(
        await readOnly.call('UpdateDaginstitution', {
          Daginstitution: { daginstitutionsNummer: REAL.kommunal101, daginstitutionsNavn: 'Nej' },
        }),
      ),
    ).toEqual(['INGEN_ADGANG']);
    expect(
      codes(await admin.call('DeleteDaginstitution', { DagInstitutionsNummer: REAL.kommunal101 })),
    ).toEqual(['HAR_AKTIVE_BOERN']);
    expect(
      codes(
        await admin.call('UpdateAnvisningsEnhed', {
          AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, Hemmelig: 'x' },
        }),
      ),
    ).toEqual(['SKEMA_FEJL']);
    expect(await readFeedPage(reader, before, 10)).toEqual({ senesteSekvens: before, entries: [] });
  });

  it('answers the latest sequence also on an empty page, and for a sequence beyond it', async () => {
    const now = await latest();
    expect(now).toBeGreaterThan(0);
    expect(await readFeedPage(reader, now, 1000)).toEqual({ senesteSekvens: now, entries: [] });
    // A reader ahead of the register (it was restored from a backup) learns so from senesteSekvens.
    expect(await readFeedPage(reader, now + 1000, 5)).toEqual({ senesteSekvens: now, entries: [] });
  });

  it('leaves the seeded records as they were: no change of theirs, no aendretTidspunkt', async () => {
    const seeded = await currentRecord('AnvisningsEnhed', REAL.privatUnit751);
    expect(seeded).toMatchObject({ aendringsSekvens: 0, aktivitetsstatus: 'Aktiv' });
    expect(seeded?.aendretTidspunkt).toBeUndefined();
    const all = await readWholeFeed(reader, 0);
    expect(all.some((e) => e.nummer === REAL.privatUnit751)).toBe(false);
    expect(all[0]?.aendringsSekvens).toBe(1);
  });
});

describe('GetAendringer under 16 concurrent writers', () => {
  /**
   * One writer's round: every kind of write on every level, and two refused ones. Each writer keeps
   * to its own connection: a client used only now and then meets the register closing its idle
   * keep-alive socket (5 s) as it sends, which on this shared machine made the test flaky.
   */
  async function writerRound(caller: ImportCaller, w: number, round: number) {
    const answers: { operation: string; svar: Svar }[] = [];
    const call = async (operation: string, args: object) => {
      const svar = await caller.call(operation, args);
      answers.push({ operation, svar });
      return svar;
    };
    const name = `Skriver ${w}.${round}`;
    const created = ok(
      await call('InsertDaginstitution', {
        Daginstitution: daginstitution({ daginstitutionsNavn: name }),
        AnvisningsEnhed: unit({ EnhedsNavn: name, PNummer: P.koebenhavn[w % 3] }),
      }),
    );
    const d = created.nummer;
    const u1 = created.anvisningsenhedsNummer;
    const u2 = ok(
      await call('InsertAnvisningsEnhed', {
        AnvisningsEnhed: unit({ DagInstitutionsNummer: d, EnhedsNavn: `${name} b` }),
      }),
    ).nummer;
    const a = ok(
      await call('InsertAlternativAdresse', {
        AlternativAdresse: {
          EnhedsNummer: u1,
          Navn: `${name} skov`,
          Adresse: ADRESSE_101,
          PNummer: P.koebenhavn[(w + 1) % 3],
        },
      }),
    ).nummer;
    ok(
      await call('UpdateDaginstitution', {
        Daginstitution: { daginstitutionsNummer: d, daginstitutionsNavn: `${name} ny` },
      }),
    );
    ok(
      await call('UpdateAnvisningsEnhed', {
        AnvisningsEnhed: { EnhedsNummer: u2, Email: `s${w}r${round}@kk.dk` },
      }),
    );
    ok(
      await call('UpdateAlternativAdresse', {
        AlternativAdresse: { AlternativAdresseNummer: a, Navn: `${name} skov 2` },
      }),
    );
    expect(
      codes(await call('UpdateAnvisningsEnhed', { AnvisningsEnhed: { EnhedsNummer: u2, Hemmelig: 'x' } })),
    ).toEqual(['SKEMA_FEJL']);
    expect(codes(await call('DeleteDaginstitution', { DagInstitutionsNummer: d }))).toEqual([
      'HAR_AKTIVE_BOERN',
    ]);
    ok(await call('MoveAnvisningsEnhed', { EnhedsNummer: u2, DagInstitutionsNummer: REAL.kommunal101 }));
    ok(await call('MoveAlternativAdresse', { AlternativAdresseNummer: a, EnhedsNummer: u2 }));
    ok(await call('DeleteAlternativAdresse', { AlternativAdresseNummer: a }));
    ok(await call('DeleteAnvisningsEnhed', { EnhedsNummer: u1 }));
    ok(await call('DeleteDaginstitution', { DagInstitutionsNummer: d }));
    ok(await call('DeleteAnvisningsEnhed', { EnhedsNummer: u2 }));
    return answers;
  }

  it('holds every committed change once, in order, without gaps, as the answers say; a polling reader agrees', async () => {
    const WRITERS = 16;
    const ROUNDS = 3;
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => importCaller(registry, 'admin')));
    // The poller's connection is busy from start to end; it also reads the whole feed afterwards.
    const poller = await createTestSoapClient(registry, 'ExportService', 'reader');
    const before = (await readFeedPage(poller, 0, 1)).senesteSekvens;

    let writing = true;
    const polled: FeedEntry[] = [];
    let polls = 0;
    const poll = async () => {
      let after = before;
      // Polls while the writers write, then once more to the end: each page starts right after the last.
      for (let done = false; !done;) {
        done = !writing;
        for (;;) {
          const page = await readFeedPage(poller, after, 1 + (polls % 50));
          polls += 1;
          for (const entry of page.entries) {
            expect(entry.aendringsSekvens).toBe(after + 1);
            after = entry.aendringsSekvens;
            polled.push(entry);
          }
          expect(page.senesteSekvens).toBeGreaterThanOrEqual(after);
          if (page.entries.length === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    };
    const polling = poll();
    const rounds = await Promise.all(
      writers.map(async (caller, w) => {
        const all: { operation: string; svar: Svar }[] = [];
        for (let round = 0; round < ROUNDS; round++) all.push(...(await writerRound(caller, w, round)));
        return all;
      }),
    ).finally(() => {
      writing = false;
    });
    await polling;

    // What the answers say was committed: sequence → kind, level, number.
    const expected = new Map<number, string[]>();
    const kinds: Record<string, string> = {
      Insert: 'Oprettet',
      Update: 'Aendret',
      Move: 'Flyttet',
      Delete: 'Nedlagt',
    };
    for (const { operation, svar } of rounds.flat()) {
      if (svar.status !== 'OK') continue;
      const sequence = svar.aendringsSekvens ?? 0;
      const kind = kinds[/^[A-Z][a-z]+/.exec(operation)?.[0] ?? ''] ?? '';
      const niveau = /(Daginstitution|AnvisningsEnhed|AlternativAdresse)$/.exec(operation)?.[0] ?? '';
      if (operation === 'InsertDaginstitution') {
        expect(expected.has(sequence - 1)).toBe(false);
        expected.set(sequence - 1, [kind, 'Daginstitution', svar.nummer ?? '']);
        expected.set(sequence, [kind, 'AnvisningsEnhed', svar.anvisningsenhedsNummer ?? '']);
      } else {
        expect(expected.has(sequence)).toBe(false);
        expected.set(sequence, [kind, niveau, svar.nummer ?? '']);
      }
    }
    expect(expected.size).toBe(WRITERS * ROUNDS * 13);

    const feed = await readWholeFeed(poller, before);
    expect(feed.map((e) => e.aendringsSekvens)).toEqual(feed.map((_, i) => before + 1 + i));
    expect((await readFeedPage(poller, before, 1)).senesteSekvens).toBe(before + feed.length);
    expect(new Map(feed.map((e) => [e.aendringsSekvens, summary(e)]))).toEqual(
      new Map([...expected].sort(([x], [y]) => x - y)),
    );
    const times = feed.map((e) => e.tidspunkt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));

    expect(polls).toBeGreaterThan(1);
    expect(polled.map((e) => [e.aendringsSekvens, ...summary(e)])).toEqual(
      feed.map((e) => [e.aendringsSekvens, ...summary(e)]),
    );
  }, 120_000);
});

describe('GetAendringer: pages', () => {
  /** Makes sure more than `count` changes exist, with cheap updates from a few callers at once. */
  async function atLeastChanges(count: number): Promise<void> {
    const missing = count - (await latest());
    if (missing <= 0) return;
    const target = ok(
      await admin.call('InsertAnvisningsEnhed', {
        AnvisningsEnhed: unit({ DagInstitutionsNummer: REAL.kommunal101, EnhedsNavn: 'Sidefyld' }),
      }),
    ).nummer;
    const callers = await Promise.all(Array.from({ length: 8 }, () => importCaller(registry, 'admin')));
    await Promise.all(
      callers.map(async (caller, c) => {
        for (let i = c; i < missing; i += callers.length) {
          ok(
            await caller.call('UpdateAnvisningsEnhed', {
              AnvisningsEnhed: { EnhedsNummer: target, Email: `fyld${i}@kk.dk` },
            }),
          );
        }
      }),
    );
  }

  it('maksAntal bounds a page; 1000 answers 1000 when more wait, and pages join without overlap', async () => {
    await atLeastChanges(1010);
    const total = await latest();
    const big = await readFeedPage(reader, 0, 1000);
    expect(big.entries).toHaveLength(1000);
    expect(big.entries.map((e) => e.aendringsSekvens)).toEqual(big.entries.map((_, i) => i + 1));
    const rest = await readFeedPage(reader, 1000, 1000);
    expect(rest.entries).toHaveLength(total - 1000);
    expect(rest.entries[0]?.aendringsSekvens).toBe(1001);
    expect(rest.senesteSekvens).toBe(total);
  }, 120_000);

  it('a page of 1 is the next change; walking by 1 sees what one big page sees', async () => {
    const from = (await latest()) - 25;
    const one = await readFeedPage(reader, from, 1);
    expect(one.entries.map((e) => e.aendringsSekvens)).toEqual([from + 1]);
    const walked: FeedEntry[] = [];
    for (let after = from; ;) {
      const page = await readFeedPage(reader, after, 1);
      if (page.entries.length === 0) break;
      expect(page.entries).toHaveLength(1);
      walked.push(...page.entries);
      after = page.entries[0]?.aendringsSekvens ?? after;
    }
    expect(walked).toEqual((await readFeedPage(reader, from, 1000)).entries);
    expect(walked).toHaveLength(25);
  });

  it('answers a parameter out of range or malformed with a Client fault that says what is wrong', async () => {
    const call = (inner: string) =>
      httpsRequest(`${registry.url}/ExportService`, {
        method: 'POST',
        ca: registry.ca,
        headers: { authorization: basicAuth('reader'), 'content-type': 'text/xml; charset=utf-8' },
        body: soapEnvelope('GetAendringer', inner),
      });
    const cases: [string, RegExp][] = [
      [
        '<fraSekvens>0</fraSekvens><maksAntal>0</maksAntal>',
        /parameter maksAntal must be from 1 to 1000; got 0/,
      ],
      [
        '<fraSekvens>0</fraSekvens><maksAntal>1001</maksAntal>',
        /parameter maksAntal must be from 1 to 1000; got 1001/,
      ],
      ['<fraSekvens>0</fraSekvens><maksAntal>-3</maksAntal>', /parameter maksAntal must be from 1 to 1000/],
      // What the XSD describes (an integer, present once) is the XSD check's to refuse, naming the element.
      [
        '<fraSekvens>0</fraSekvens><maksAntal>ti</maksAntal>',
        /The request does not satisfy ExportService.xsd: line 1: Element 'maksAntal': 'ti' is not a valid value of the atomic type 'xs:int'/,
      ],
      [
        '<fraSekvens>0</fraSekvens>',
        /The request does not satisfy ExportService.xsd: line 1: Element 'GetAendringer': Missing child element\(s\). Expected is \( maksAntal \)/,
      ],
      [
        '<fraSekvens>-1</fraSekvens><maksAntal>10</maksAntal>',
        /parameter fraSekvens must be from 0 to \d+; got -1/,
      ],
      [
        '<fraSekvens>1.5</fraSekvens><maksAntal>10</maksAntal>',
        /Element 'fraSekvens': '1.5' is not a valid value of the atomic type 'xs:long'/,
      ],
      [
        '<fraSekvens>99999999999999999999</fraSekvens><maksAntal>10</maksAntal>',
        /Element 'fraSekvens': '99999999999999999999' is not a valid value of the atomic type 'xs:long'/,
      ],
      [
        '<maksAntal>10</maksAntal>',
        /The request does not satisfy ExportService.xsd: line 1: Element 'maksAntal': This element is not expected. Expected is \( fraSekvens \)/,
      ],
      // node-soap's own reading (parseInt) would take these for 10 and 1.
      [
        '<fraSekvens>0</fraSekvens><maksAntal>10abc</maksAntal>',
        /Element 'maksAntal': '10abc' is not a valid value of the atomic type 'xs:int'/,
      ],
      [
        '<fraSekvens>0</fraSekvens><maksAntal>1</maksAntal><maksAntal>5000</maksAntal>',
        /Element 'maksAntal': This element is not expected/,
      ],
      [
        '<fraSekvens> </fraSekvens><maksAntal>1</maksAntal>',
        /Element 'fraSekvens': ' ' is not a valid value of the atomic type 'xs:long'/,
      ],
    ];
    for (const [inner, reason] of cases) {
      const answer = await call(inner);
      // A SOAP 1.1 fault is HTTP 500 (SOAP 1.1 §6.2, WS-I BP R1126).
      expect({ inner, status: answer.status }).toEqual({ inner, status: 500 });
      expect(answer.body).toContain('<faultcode>soap:Client</faultcode>');
      const faultstring = answer.body.replaceAll('&quot;', '"');
      expect(faultstring).toMatch(new RegExp(`<faultstring>GetAendringer: .*${reason.source}`));
    }
  });
});
