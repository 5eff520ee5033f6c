import { beforeAll, describe, expect, it } from 'vitest';
import { codes, importCaller, type ImportCaller, type Svar } from '../helpers/import-client.ts';
import { ADRESSE_101, daginstitution, KOEBENHAVN_CVR, P, REAL, unit } from '../helpers/import-fixtures.ts';
import { asArray, callOperation, createTestSoapClient } from '../helpers/soap-client.ts';
import { httpsRequest } from '../helpers/https-request.ts';
import { basicAuth } from '../helpers/start-test-registry.ts';
import { useTestStack } from '../helpers/test-stack.ts';

let admin: ImportCaller;
let kommune: ImportCaller;

const { registry } = useTestStack();
beforeAll(async () => {
  admin = await importCaller(registry, 'admin');
  kommune = await importCaller(registry, 'kommune-101');
});

const unitOf = (nummer: string) => registry.store.anvisningsenheder({ numre: [nummer] })[0];
const parentOf = (nummer: string) => registry.store.daginstitutioner({ numre: [nummer] })[0];

/** A snapshot of everything a refused or failed write must leave as it was. */
const snapshot = () => ({
  sequence: registry.store.changeSequence(),
  parents: registry.store.daginstitutioner().length,
  units: registry.store.anvisningsenheder().length,
  alternatives: registry.store.alternativAdresser().length,
});

describe('ImportService: service operations', () => {
  it('HelloWorld answers', async () => {
    const client = await createTestSoapClient(registry, 'ImportService', 'reader');
    expect(await callOperation(client, 'HelloWorld')).toMatch(/^Hello \d{4}-/);
  });

  it('GetXMLSchema returns the same XSD that is served beside the WSDL', async () => {
    const schema = await callOperation(admin.client, 'GetXMLSchema', {});
    const served = await httpsRequest(`${registry.url}/ImportService.xsd`, {
      ca: registry.ca,
      headers: { authorization: basicAuth('reader') },
    });
    // The SOAP string travels as XML text; only the final newline is not significant.
    expect(String(schema).trimEnd()).toBe(served.body.trimEnd());
    expect(schema).toContain('name="ImportSvarXML"');
  });

  it('ValidateXmlAgainstSchema says OK for a valid record and FEJL with the field for an invalid one', async () => {
    const ns = 'urn:dagtilbudsregister:import:v1';
    const valid = await admin.call('ValidateXmlAgainstSchema', {
      xml: `<AnvisningsEnhed xmlns="${ns}"><EnhedsNavn>Ærø Børnehus</EnhedsNavn><PNummer>1234567890</PNummer></AnvisningsEnhed>`,
    });
    expect(valid.status).toBe('OK');
    const invalid = await admin.call('ValidateXmlAgainstSchema', {
      xml: `<AnvisningsEnhed xmlns="${ns}"><EnhedsNavn>${'å'.repeat(133)}</EnhedsNavn><PNummer>123</PNummer></AnvisningsEnhed>`,
    });
    expect(invalid.status).toBe('FEJL');
    expect(invalid.fejl.map((f) => f.felt)).toEqual([
      'AnvisningsEnhed/EnhedsNavn',
      'AnvisningsEnhed/PNummer',
    ]);
    expect(codes(invalid)).toEqual(['SKEMA_FEJL', 'SKEMA_FEJL']);
  });

  it('ValidateXmlAgainstSchema never changes data', async () => {
    const before = snapshot();
    await admin.call('ValidateXmlAgainstSchema', { xml: '<nope/>' });
    expect(snapshot()).toEqual(before);
  });
});

describe('ImportService: a municipality maintains its institution', () => {
  it('creates a daginstitution with its first unit, changes, moves and closes it', async () => {
    const created = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    expect(created).toMatchObject({ status: 'OK', fejl: [] });
    const nummer = created.nummer ?? '';
    const first = created.anvisningsenhedsNummer ?? '';
    expect(nummer).toMatch(/^G\d{5}$/);
    expect(Number(first.slice(1))).toBe(Number(nummer.slice(1)) + 1);
    expect(created.aendringsSekvens).toBe(registry.store.changeSequence());
    expect(parentOf(nummer)).toMatchObject({
      daginstitutionsNavn: 'Børnehuset Æblehaven',
      aktivitetsstatus: 'Aktiv',
    });
    // The register fills in the CVR from the P-number.
    expect(unitOf(first)).toMatchObject({
      daginstitutionsNummer: nummer,
      cvrNummer: KOEBENHAVN_CVR,
      pNummer: P.koebenhavn[0],
    });

    const updated = await kommune.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: first, Email: 'ny@kk.dk' },
    });
    expect(updated.status).toBe('OK');
    expect(unitOf(first)).toMatchObject({ email: 'ny@kk.dk', enhedsNavn: 'Æblehaven' });

    const second = await kommune.call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({
        DagInstitutionsNummer: nummer,
        EnhedsNavn: 'Æblehaven 2',
        PNummer: P.koebenhavn[1],
      }),
    });
    expect(second.status).toBe('OK');
    const moved = await kommune.call('MoveAnvisningsEnhed', {
      EnhedsNummer: second.nummer,
      DagInstitutionsNummer: REAL.kommunal101,
    });
    expect(moved.status).toBe('OK');
    expect(unitOf(second.nummer ?? '')?.daginstitutionsNummer).toBe(REAL.kommunal101);

    const alternative = await kommune.call('InsertAlternativAdresse', {
      AlternativAdresse: {
        EnhedsNummer: first,
        Navn: 'Udflytterhaven',
        Adresse: ADRESSE_101,
        PNummer: P.koebenhavn[2],
      },
    });
    expect(alternative.status).toBe('OK');
    const movedAlternative = await kommune.call('MoveAlternativAdresse', {
      AlternativAdresseNummer: alternative.nummer,
      EnhedsNummer: second.nummer,
    });
    expect(movedAlternative.status).toBe('OK');
    const updatedAlternative = await kommune.call('UpdateAlternativAdresse', {
      AlternativAdresse: { AlternativAdresseNummer: alternative.nummer, Navn: 'Skovbørnehaven' },
    });
    expect(updatedAlternative.status).toBe('OK');

    // No cascading close: children first.
    const tooEarly = await kommune.call('DeleteDaginstitution', { DagInstitutionsNummer: nummer });
    expect(codes(tooEarly)).toEqual(['HAR_AKTIVE_BOERN']);
    const unitWithAlternative = await kommune.call('DeleteAnvisningsEnhed', { EnhedsNummer: second.nummer });
    expect(codes(unitWithAlternative)).toEqual(['HAR_AKTIVE_BOERN']);
    expect(
      (await kommune.call('DeleteAlternativAdresse', { AlternativAdresseNummer: alternative.nummer })).status,
    ).toBe('OK');
    expect((await kommune.call('DeleteAnvisningsEnhed', { EnhedsNummer: first })).status).toBe('OK');
    expect((await kommune.call('DeleteDaginstitution', { DagInstitutionsNummer: nummer })).status).toBe('OK');

    // Closed, not erased: readable through ExportService with status and timestamp.
    const reader = await createTestSoapClient(registry, 'ExportService', 'reader');
    const read = (await callOperation(reader, 'GetDaginstitutionByNummer', {
      DagInstitutionsNummer: nummer,
    })) as {
      daginstitution: Record<string, unknown> | Record<string, unknown>[];
    };
    const [closed] = asArray(read.daginstitution);
    expect(closed).toMatchObject({ daginstitutionsNummer: nummer, aktivitetsstatus: 'Nedlagt' });
    expect(closed?.nedlagtTidspunkt).toBeInstanceOf(Date);

    // A closed record cannot be changed, moved or closed again.
    const again = await kommune.call('UpdateDaginstitution', {
      Daginstitution: { daginstitutionsNummer: nummer, daginstitutionsNavn: 'Genopstået' },
    });
    expect(codes(again)).toEqual(['NEDLAGT_KAN_IKKE_AENDRES']);
    expect(
      codes(
        await kommune.call('MoveAnvisningsEnhed', {
          EnhedsNummer: first,
          DagInstitutionsNummer: REAL.kommunal101,
        }),
      ),
    ).toEqual(['NEDLAGT_KAN_IKKE_AENDRES']);
    expect(codes(await kommune.call('DeleteAnvisningsEnhed', { EnhedsNummer: first }))).toEqual([
      'NEDLAGT_KAN_IKKE_AENDRES',
    ]);
    // Under a closed parent nothing new is created.
    const underClosed = await kommune.call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({ DagInstitutionsNummer: nummer }),
    });
    expect(codes(underClosed)).toEqual(['FORAELDER_NEDLAGT']);
  });

  it('advances the change sequence by one per committed change and records who made it', async () => {
    const before = registry.store.changeSequence();
    const svar = await kommune.call('UpdateDaginstitution', {
      Daginstitution: {
        daginstitutionsNummer: REAL.kommunal101,
        daginstitutionsNavn: 'Dagtilbud København (§ 19, stk. 2)',
      },
    });
    expect(svar).toMatchObject({ status: 'OK', aendringsSekvens: before + 1 });
    expect(registry.store.changesSince(before)).toMatchObject([
      {
        sekvens: before + 1,
        niveau: 'daginstitution',
        nummer: REAL.kommunal101,
        operation: 'UpdateDaginstitution',
        identitet: 'kommune-101',
      },
    ]);
    expect(parentOf(REAL.kommunal101)?.aendringsSekvens).toBe(before + 1);
  });
});

describe('ImportService: every error is reported together, and nothing changes', () => {
  it('reports field, code-table and format errors of both records at once', async () => {
    const before = snapshot();
    const svar = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution({
        daginstitutionsNavn: 'x'.repeat(133),
        ejerformKode: '9',
        admKommuneKode: '999',
      }),
      AnvisningsEnhed: unit({
        EnhedsNavn: '',
        InstType3: '7000',
        Adresse: { ...ADRESSE_101, postNummer: '27200' },
        Email: 'ikke en e-mail',
        TelefonNummer: '12',
        PNummer: '123',
      }),
    });
    expect(svar.status).toBe('FEJL');
    expect(new Set(codes(svar))).toEqual(
      new Set([
        'FELT_FOR_LANGT',
        'KODE_UKENDT',
        'KOMMUNEKODE_UKENDT',
        'FELT_MANGLER',
        'POSTNUMMER_UGYLDIG',
        'EMAIL_UGYLDIG',
        'TELEFON_UGYLDIG',
        'PNUMMER_UGYLDIG',
      ]),
    );
    expect(svar.fejl.map((f) => f.felt)).toContain('AnvisningsEnhed/Adresse/postNummer');
    for (const f of svar.fejl) expect(f.tekst.length).toBeGreaterThan(10);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['a ceased P-number', unit({ PNummer: P.koebenhavnOphoert }), 'PNUMMER_IKKE_AKTIV'],
    ['a P-number CVR does not know', unit({ PNummer: '1000000001' }), 'PNUMMER_IKKE_AKTIV'],
    [
      'an address DAR does not know',
      unit({ Adresse: { ...ADRESSE_101, husNummer: '999' } }),
      'ADRESSE_UKENDT',
    ],
    [
      'a postcode DAR does not know',
      unit({ Adresse: { ...ADRESSE_101, postNummer: '0001' } }),
      'POSTNUMMER_UKENDT',
    ],
    ['a unit type the legal basis does not allow', unit({ InstType3: '6013' }), 'KRYDSVALIDERING'],
    [
      'a house number of the wrong shape',
      unit({ Adresse: { ...ADRESSE_101, husNummer: 'A1' } }),
      'FORMAT_UGYLDIG',
    ],
  ])('refuses %s', async (_, anvisningsEnhed, code) => {
    const before = snapshot();
    const svar = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: anvisningsEnhed,
    });
    expect(codes(svar)).toContain(code);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unlawful ownership × legal basis (v2.0 cross-validation)', async () => {
    const svar = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution({ lovgrundlagKode: '4' }),
      AnvisningsEnhed: unit(),
    });
    expect(codes(svar)).toEqual(['KRYDSVALIDERING']);
    expect(svar.fejl[0]?.felt).toBe('Daginstitution/ejerformKode');
  });

  it('refuses a number chosen by the caller: the register issues numbers', async () => {
    const svar = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution({ daginstitutionsNummer: 'G99999' }),
      AnvisningsEnhed: unit(),
    });
    expect(codes(svar)).toContain('NUMMER_TILDELES_AF_REGISTERET');
  });

  it('refuses a parent that does not exist, and updates of what does not exist', async () => {
    expect(
      codes(
        await kommune.call('InsertAnvisningsEnhed', {
          AnvisningsEnhed: unit({ DagInstitutionsNummer: 'G99998' }),
        }),
      ),
    ).toEqual(['FORAELDER_FINDES_IKKE']);
    expect(codes(await kommune.call('InsertAnvisningsEnhed', { AnvisningsEnhed: unit() }))).toEqual([
      'FELT_MANGLER',
    ]);
    expect(
      codes(
        await admin.call('UpdateAnvisningsEnhed', {
          AnvisningsEnhed: { EnhedsNummer: 'G99998', Email: 'a@b.dk' },
        }),
      ),
    ).toEqual(['FINDES_IKKE']);
    expect(codes(await admin.call('DeleteAlternativAdresse', { AlternativAdresseNummer: 'G99998' }))).toEqual(
      ['FINDES_IKKE'],
    );
  });

  it('refuses a unit whose type does not suit its daginstitution', async () => {
    const svar = await kommune.call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({ DagInstitutionsNummer: REAL.dagpleje101, InstType3: '6012' }),
    });
    expect(codes(svar)).toEqual(['KRYDSVALIDERING']);
  });

  it('refuses moves across municipalities, moves of a last unit, and moves by Update', async () => {
    const aarhus = registry.store
      .daginstitutioner({ admKommuneKode: 751 })
      .find((d) => d.ejerformKode === 1 && d.lovgrundlagKode === 1);
    const created = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    const lastUnit = created.anvisningsenhedsNummer ?? '';
    const across = await admin.call('MoveAnvisningsEnhed', {
      EnhedsNummer: lastUnit,
      DagInstitutionsNummer: aarhus?.daginstitutionsNummer,
    });
    expect(codes(across)).toEqual(
      expect.arrayContaining(['FLYTNING_TVAERS_AF_KOMMUNE', 'MANGLER_ANVISNINGSENHED']),
    );
    const last = await kommune.call('MoveAnvisningsEnhed', {
      EnhedsNummer: lastUnit,
      DagInstitutionsNummer: REAL.kommunal101,
    });
    expect(codes(last)).toEqual(['MANGLER_ANVISNINGSENHED']);
    const byUpdate = await kommune.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: lastUnit, DagInstitutionsNummer: REAL.kommunal101 },
    });
    expect(codes(byUpdate)).toEqual(['FORMAT_UGYLDIG']);
    expect(unitOf(lastUnit)?.daginstitutionsNummer).toBe(created.nummer);
  });

  it('answers an unknown element with a schema error and changes nothing', async () => {
    const before = snapshot();
    const svar = await admin.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, Hemmelig: 'x' },
    });
    expect(codes(svar)).toEqual(['SKEMA_FEJL']);
    expect(snapshot()).toEqual(before);
  });
});

describe('ImportService: numbers', () => {
  it('issues distinct numbers above every number ever used, under concurrent inserts', async () => {
    const numbers = [
      ...registry.store.daginstitutioner().map((r) => r.daginstitutionsNummer),
      ...registry.store.anvisningsenheder().map((r) => r.anvisningsenhedsNummer),
      ...registry.store.alternativAdresser().map((r) => r.alternativAdresseNummer),
    ];
    const highest = Math.max(...numbers.filter((n) => n.startsWith('G')).map((n) => Number(n.slice(1))));
    const callers = await Promise.all(Array.from({ length: 4 }, () => importCaller(registry, 'kommune-101')));
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (callers[i % callers.length] as ImportCaller).call('InsertAnvisningsEnhed', {
          AnvisningsEnhed: unit({
            DagInstitutionsNummer: REAL.kommunal101,
            EnhedsNavn: `Samtidig ${i}`,
            PNummer: P.koebenhavn[i % 3],
          }),
        }),
      ),
    );
    expect(answers.every((a) => a.status === 'OK')).toBe(true);
    const issued = answers.map((a) => Number((a.nummer ?? '').slice(1)));
    expect(new Set(issued).size).toBe(24);
    expect(Math.min(...issued)).toBeGreaterThan(highest);
    const sequences = answers.map((a) => a.aendringsSekvens ?? 0).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(24);
  });
});

describe('ImportService: rights', () => {
  // Each identity on its own and on another's institution, for each kind of write. Fresh targets
  // are made by admin so that every attempt has something real to act on.
  const targets = {
    kommunal101: { parent: REAL.kommunal101, p: P.koebenhavn },
    privat33178522: { parent: REAL.privat751, p: P.privat33178522 },
  } as const;
  const allowed: Record<string, Record<keyof typeof targets, boolean>> = {
    admin: { kommunal101: true, privat33178522: true },
    reader: { kommunal101: false, privat33178522: false },
    'kommune-101': { kommunal101: true, privat33178522: false },
    'privat-33178522': { kommunal101: false, privat33178522: true },
  };
  let sibling: Record<keyof typeof targets, string>;

  beforeAll(async () => {
    // A second daginstitution per owner, so that moves stay within owner and municipality.
    const privat = await admin.call('InsertDaginstitution', {
      Daginstitution: daginstitution({
        ejerformKode: '3',
        lovgrundlagKode: '4',
        admKommuneKode: '751',
        daginstitutionsNavn: 'Højvang 2',
      }),
      AnvisningsEnhed: unit({
        PNummer: P.privat33178522[1],
        Adresse: {
          vejNavn: 'Skæring Hedevej',
          husNummer: '14A',
          postNummer: '8250',
          byNavn: 'Egå',
          kommuneKode: '751',
        },
      }),
    });
    const kommunal = await admin.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    expect([privat.status, kommunal.status]).toEqual(['OK', 'OK']);
    sibling = { kommunal101: kommunal.nummer ?? '', privat33178522: privat.nummer ?? '' };
  });

  const adminUnit = async (target: keyof typeof targets, name: string) => {
    const t = targets[target];
    const svar = await admin.call('InsertAnvisningsEnhed', {
      AnvisningsEnhed: unit({
        DagInstitutionsNummer: t.parent,
        EnhedsNavn: name,
        PNummer: t.p[0],
        Adresse:
          target === 'kommunal101'
            ? ADRESSE_101
            : {
                vejNavn: 'Skæring Hedevej',
                husNummer: '14A',
                postNummer: '8250',
                byNavn: 'Egå',
                kommuneKode: '751',
              },
      }),
    });
    expect(svar.status).toBe('OK');
    return svar.nummer ?? '';
  };

  for (const [user, rights] of Object.entries(allowed)) {
    for (const target of Object.keys(targets) as (keyof typeof targets)[]) {
      const expected = rights[target] ? 'OK' : 'FEJL';
      it(`${user} on ${target}: insert, update, move and close are ${expected}`, async () => {
        const caller = await importCaller(registry, user);
        const t = targets[target];
        const address =
          target === 'kommunal101'
            ? ADRESSE_101
            : {
                vejNavn: 'Skæring Hedevej',
                husNummer: '14A',
                postNummer: '8250',
                byNavn: 'Egå',
                kommuneKode: '751',
              };
        // Each attempt: prepare its target as admin, then try the write as the identity.
        const attempts: Record<string, () => Promise<() => Promise<Svar>>> = {
          insert: async () => () =>
            caller.call('InsertAnvisningsEnhed', {
              AnvisningsEnhed: unit({ DagInstitutionsNummer: t.parent, PNummer: t.p[2], Adresse: address }),
            }),
          updateDaginstitution: async () => () =>
            caller.call('UpdateDaginstitution', {
              Daginstitution: {
                daginstitutionsNummer: t.parent,
                daginstitutionsNavn: parentOf(t.parent)?.daginstitutionsNavn,
              },
            }),
          update: async () => {
            const nummer = await adminUnit(target, 'Til opdatering');
            return () =>
              caller.call('UpdateAnvisningsEnhed', {
                AnvisningsEnhed: { EnhedsNummer: nummer, Email: 'ny@example.dk' },
              });
          },
          move: async () => {
            const nummer = await adminUnit(target, 'Til flytning');
            return () =>
              caller.call('MoveAnvisningsEnhed', {
                EnhedsNummer: nummer,
                DagInstitutionsNummer: sibling[target],
              });
          },
          close: async () => {
            const nummer = await adminUnit(target, 'Til lukning');
            return () => caller.call('DeleteAnvisningsEnhed', { EnhedsNummer: nummer });
          },
        };
        for (const [kind, prepare] of Object.entries(attempts)) {
          const attempt = await prepare();
          const before = snapshot();
          const svar = await attempt();
          expect({ kind, status: svar.status, codes: codes(svar) }).toEqual({
            kind,
            status: expected,
            codes: expected === 'OK' ? [] : ['INGEN_ADGANG'],
          });
          expect(snapshot().sequence).toBe(expected === 'OK' ? before.sequence + 1 : before.sequence);
        }
      });
    }
  }

  it('a refused write changes nothing at all', async () => {
    const before = snapshot();
    const unitBefore = unitOf(REAL.privatUnit751);
    const reader = await importCaller(registry, 'reader');
    const svar = await reader.call('UpdateAnvisningsEnhed', {
      AnvisningsEnhed: { EnhedsNummer: REAL.privatUnit751, Email: 'hacked@example.dk' },
    });
    expect(codes(svar)).toEqual(['INGEN_ADGANG']);
    expect(svar.fejl[0]?.tekst).toMatch(/læseadgang/);
    expect(unitOf(REAL.privatUnit751)).toEqual(unitBefore);
    expect(snapshot()).toEqual(before);
  });

  it('a municipality may not hand its institution to a private owner or another municipality', async () => {
    for (const change of [{ ejerformKode: '3', lovgrundlagKode: '4' }, { admKommuneKode: '751' }]) {
      const svar = await kommune.call('UpdateDaginstitution', {
        Daginstitution: { daginstitutionsNummer: sibling.kommunal101, ...change },
      });
      expect(codes(svar)).toEqual(['INGEN_ADGANG']);
    }
  });
});

describe('ImportService: reading what was written', () => {
  it('ExportService shows a new unit with its parent, codes and texts at once', async () => {
    const created = await kommune.call('InsertDaginstitution', {
      Daginstitution: daginstitution(),
      AnvisningsEnhed: unit(),
    });
    const reader = await createTestSoapClient(registry, 'ExportService', 'reader');
    const result = (await callOperation(reader, 'GetAnvisningsEnhederByNummer', {
      enhedsNummer: created.anvisningsenhedsNummer,
    })) as {
      anvisningsenhed: unknown;
    };
    const [read] = asArray(result.anvisningsenhed as Record<string, unknown>);
    expect(read).toMatchObject({
      EnhedsNummer: created.anvisningsenhedsNummer,
      DagInstitutionsNummer: created.nummer,
      EnhedsNavn: 'Æblehaven',
      InstType3: 6012,
      InstType3_Tekst: 'Aldersintegreret institution (0-5 år)',
      CVRNummer: KOEBENHAVN_CVR,
      TelefonNummer: '33 66 33 66',
      aktivitetsstatus: 'Aktiv',
    });
  });
});
