/**
 * Converts the real public day-care data (../shared/data/real, see its SOURCES.md) into the
 * register's own CSV export format in data/register, plus provenance.csv, the CVR stand-in file and
 * a README. Deterministic: the same sources give byte-identical files. The rules are the ones
 * decided for the project's seed data; each rule id below is explained in the generated README.
 *
 *   npm run data:convert [-- <source dir> [<output dir>]]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KOMMUNER, codeText } from '../src/registry/domain/code-tables.ts';
import type { AlternativAdresse, AnvisningsEnhed, Daginstitution } from '../src/registry/domain/model.ts';
import {
  ALTERNATIVADRESSE_COLUMNS,
  ANVISNINGSENHED_COLUMNS,
  CVR_PRODUKTIONSENHED_COLUMNS,
  DAGINSTITUTION_COLUMNS,
  PROVENANCE_COLUMNS,
  REGISTER_FILES,
} from '../src/registry/seed/columns.ts';
import { formatCsv } from '../src/registry/seed/csv.ts';
import { parseDecimal } from '../src/registry/seed/decimal.ts';
import {
  formatAlternativAdresse,
  formatAnvisningsEnhed,
  formatDaginstitution,
} from '../src/registry/seed/format-records.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the sources and the output live when no arguments are given. */
export const DEFAULT_SOURCE_DIR = resolve(PROJECT_ROOT, '../shared/data/real');
/** The committed output folder. */
export const DEFAULT_OUTPUT_DIR = resolve(PROJECT_ROOT, 'data/register');

/** Invented: every seeded record is said to be created on the first snapshot's date. */
export const OPRETTET_TIDSPUNKT = '2026-03-27T00:00:00+01:00';
/** Invented: units missing from the April snapshot are said to be closed on its date. */
export const NEDLAGT_TIDSPUNKT = '2026-04-04T00:00:00+02:00';

// ---------------------------------------------------------------------------------------------
// Sources, read with a runtime check of every field used: a changed source must fail loudly.

interface AprilUnit {
  id: string;
  navn: string;
  type: string;
  ejerform: string;
  kommune: string;
  adresse: string;
  postNummer: string;
  by: string;
  bredde: number;
  laengde: number;
}

/** The March file also lists units without coordinates or city (all of them absent from April). */
interface MarchUnit extends Omit<AprilUnit, 'bredde' | 'laengde'> {
  bredde: number | null;
  laengde: number | null;
  typeCode: number;
  kommuneKode: number;
  cvr: string;
}

interface KkFeature {
  navn: string;
  primaer: boolean;
  tags: string[];
  vejNavn: string;
  husNummer: string;
  etage: string | null;
  doer: string | null;
  postNummer: string;
  byNavn: string;
  kommuneKode: number;
  bredde: number;
  laengde: number;
  dawaId: string;
}

interface Sources {
  april: Map<string, AprilUnit>;
  march: Map<string, MarchUnit>;
  kk: KkFeature[];
}

type Json = Record<string, unknown>;

function field<T>(row: Json, key: string, where: string, check: (v: unknown) => v is T, what: string): T {
  const value = row[key];
  if (!check(value))
    throw new Error(`${where}: field "${key}" should be ${what}, is ${JSON.stringify(value)}`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isNullableNumber = (v: unknown): v is number | null => v === null || isNumber(v);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

function readJson(path: string): Json {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(value)) throw new Error(`${path}: expected a JSON object`);
  return value;
}

function rows(json: Json, key: string, where: string): Json[] {
  return field(json, key, where, isArray, 'an array').map((row, i) => {
    if (!isObject(row)) throw new Error(`${where}[${i}]: expected an object`);
    return row;
  });
}

const APRIL_FILES = ['boernehave', 'dagpleje', 'sfo', 'vuggestue'] as const;

function readSources(dir: string): Sources {
  const april = new Map<string, AprilUnit>();
  for (const name of APRIL_FILES) {
    const path = join(dir, 'institutionsguide', `${name}-data.json`);
    rows(readJson(path), 'i', path).forEach((row, i) => {
      const where = `${path} i[${i}]`;
      const s = (key: string): string => field(row, key, where, isString, 'a string');
      const n = (key: string): number => field(row, key, where, isNumber, 'a number');
      const unit: AprilUnit = {
        id: s('id'),
        navn: s('n'),
        type: s('tp'),
        ejerform: s('ow'),
        kommune: s('m'),
        adresse: s('a'),
        postNummer: s('z'),
        by: s('c'),
        bredde: n('la'),
        laengde: n('lo'),
      };
      // The aldersintegreret units are in two files; they must agree (the rates ar/mr are not register data).
      const seen = april.get(unit.id);
      if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(unit)) {
        throw new Error(`${where}: ${unit.id} differs from the same id in another April file`);
      }
      april.set(unit.id, unit);
    });
  }

  const marchPath = join(dir, 'institutionsguide-00ba61f', 'vuggestue-data.json');
  const marchJson = readJson(marchPath);
  const march = new Map<string, MarchUnit>();
  for (const list of ['institutions', 'dagplejere']) {
    rows(marchJson, list, marchPath).forEach((row, i) => {
      const where = `${marchPath} ${list}[${i}]`;
      const s = (key: string): string => field(row, key, where, isString, 'a string');
      const n = (key: string): number | null => field(row, key, where, isNullableNumber, 'a number or null');
      const unit: MarchUnit = {
        id: s('id'),
        navn: s('name'),
        type: s('type'),
        ejerform: s('ownership'),
        kommune: s('municipality'),
        adresse: s('address'),
        postNummer: s('postalCode'),
        by: s('city'),
        bredde: n('lat'),
        laengde: n('lng'),
        typeCode: Number(s('typeCode')),
        kommuneKode: Number(s('municipalityCode')),
        cvr: s('cvr'),
      };
      if (march.has(unit.id)) throw new Error(`${where}: ${unit.id} occurs twice`);
      march.set(unit.id, unit);
    });
  }

  const kkPath = join(dir, 'kk-daginstitutioner', 'geoJsoninst.geojson');
  const kk = rows(readJson(kkPath), 'features', kkPath).map((feature, i): KkFeature => {
    const where = `${kkPath} features[${i}]`;
    const p = field(feature, 'properties', where, isObject, 'an object');
    const s = (key: string): string => field(p, key, where, isString, 'a string');
    const coordinate = (key: string): number => {
      const value = parseDecimal(s(key));
      if (value === null) throw new Error(`${where}: ${key} is not a decimal number`);
      return value;
    };
    return {
      navn: s('enhedsnavn'),
      primaer: s('primaer') === 'JA',
      tags: s('type').split('#'),
      vejNavn: s('vejnavn'),
      husNummer: s('husnummer'),
      etage: field(p, 'etage', where, isNullableString, 'a string or null'),
      doer: field(p, 'doerbetegnelse', where, isNullableString, 'a string or null'),
      postNummer: String(field(p, 'postnummer', where, isNumber, 'a number')),
      byNavn: s('bynavn'),
      kommuneKode: Number(s('kommunekode')),
      bredde: coordinate('nordlig'),
      laengde: coordinate('oestlig'),
      dawaId: s('locationuuid'),
    };
  });
  return { april, march, kk };
}

// ---------------------------------------------------------------------------------------------
// Code mappings. The April files carry mapped names; these invert the mapping of rebuild-data.mjs.

const KOMMUNE_BY_NAME = new Map(KOMMUNER.map((k) => [k.tekst, k.kode]));

function kommuneKode(name: string, where: string): number {
  const kode = KOMMUNE_BY_NAME.get(name);
  if (kode === undefined) throw new Error(`${where}: unknown municipality "${name}"`);
  return kode;
}

/** `boernehave` stands for 6011 and 6014 together; it maps to 6011 by rule inst-boernehave. */
const INST_TYPE3_BY_NAME: Readonly<Record<string, number>> = {
  vuggestue: 6010,
  boernehave: 6011,
  aldersintegreret: 6012,
  dagpleje: 6013,
  sfo: 6020,
  klub: 6021,
};

const EJERFORM_BY_NAME: Readonly<Record<string, number>> = { kommunal: 1, selvejende: 2, privat: 3 };
const KOMMUNAL = 1;

function mapped(table: Readonly<Record<string, number>>, name: string, where: string): number {
  const kode = table[name];
  if (kode === undefined) throw new Error(`${where}: unknown value "${name}"`);
  return kode;
}

/** This project's lovgrundlag numbering (code-tables.ts LOVGRUNDLAG) from unit type and ownership. */
function lovgrundlagKode(instType3: number, ejerformKode: number): number {
  switch (instType3) {
    case 6013:
      return 5;
    case 6020:
      return 6;
    case 6021:
      return 7;
    case 6022:
      return 8;
    default:
      return ejerformKode === KOMMUNAL ? 1 : ejerformKode === 2 ? 2 : 4;
  }
}

const HUSNUMMER = /^\d+[A-Za-zÆØÅæøå]?$/;

function splitAdresse(adresse: string, where: string): { vejNavn: string; husNummer: string } {
  const space = adresse.lastIndexOf(' ');
  const husNummer = adresse.slice(space + 1);
  // No real address fails this; a new one that does should be looked at, not guessed.
  if (space < 1 || !HUSNUMMER.test(husNummer)) {
    throw new Error(`${where}: "${adresse}" does not end in a house number`);
  }
  return { vejNavn: adresse.slice(0, space), husNummer };
}

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Provenance: every value not copied verbatim from the sources, marked as it is made.

type Oprindelse = 'afledt' | 'opfundet';

class Provenance {
  private readonly marks = new Map<string, { oprindelse: Oprindelse; regel: string }>();

  mark(fil: string, nummer: string, felt: string, oprindelse: Oprindelse, regel: string): void {
    this.marks.set(`${fil}|${nummer}|${felt}`, { oprindelse, regel });
  }

  /** A code and its `_Tekst` column share their origin. */
  markCode(fil: string, nummer: string, felt: string, oprindelse: Oprindelse, regel: string): void {
    this.mark(fil, nummer, felt, oprindelse, regel);
    this.mark(fil, nummer, `${felt}_Tekst`, oprindelse, regel);
  }

  /** Provenance rows in file order: for each written row, its marked columns in column order. */
  rowsFor(fil: string, columns: readonly string[], written: readonly (readonly string[])[]): string[][] {
    const out: string[][] = [];
    for (const row of written) {
      const nummer = row[0] ?? '';
      columns.forEach((felt, i) => {
        const key = `${fil}|${nummer}|${felt}`;
        const mark = this.marks.get(key);
        if (mark === undefined) return;
        if ((row[i] ?? '') === '') throw new Error(`provenance marks the empty value ${key}`);
        out.push([fil, nummer, felt, mark.oprindelse, mark.regel]);
        this.marks.delete(key);
      });
    }
    return out;
  }

  assertAllWritten(): void {
    const left = [...this.marks.keys()];
    if (left.length > 0)
      throw new Error(`provenance for values never written: ${left.slice(0, 5).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Units (anvisningsenheder).

interface Unit {
  nummer: string;
  navn: string;
  aktiv: boolean;
  instType3: number;
  ejerformKode: number;
  kommuneKode: number;
  cvrNummer: string | null;
  pNummer: string | null;
  vejNavn: string;
  husNummer: string;
  postNummer: string;
  byNavn: string;
  bredde: number | null;
  laengde: number | null;
  dawaId: string | null;
  daginstitutionsNummer: string;
}

interface Oddities {
  typeChanged: string[];
  coordinatesKeptFromApril: string[];
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/** Each postcode has one city name among the April units; it fills a city the March file lacks. */
function cityByPostNummer(april: Map<string, AprilUnit>): Map<string, string> {
  const cities = new Map<string, Set<string>>();
  for (const a of april.values()) cities.set(a.postNummer, (cities.get(a.postNummer) ?? new Set()).add(a.by));
  const result = new Map<string, string>();
  for (const [postNummer, names] of cities) {
    const [only] = names;
    if (names.size === 1 && only !== undefined) result.set(postNummer, only);
  }
  return result;
}

function buildUnits(sources: Sources, prov: Provenance, odd: Oddities): Unit[] {
  const fil = REGISTER_FILES.anvisningsenhed;
  const units: Unit[] = [];
  for (const a of sources.april.values()) {
    const where = `April unit ${a.id}`;
    const m = sources.march.get(a.id);
    const instType3 = mapped(INST_TYPE3_BY_NAME, a.type, where);
    if (a.type === 'boernehave') prov.markCode(fil, a.id, 'instType3', 'afledt', 'inst-boernehave');
    if (m !== undefined && m.typeCode !== instType3) {
      // The April snapshot is newer: a changed type is a real change, not a conflict.
      odd.typeChanged.push(`${a.id}: ${m.typeCode} (March) -> ${instType3} (April)`);
    }
    // March has 8 decimals; use them only where it is demonstrably the same place as in April.
    const samePlace =
      m !== undefined &&
      m.adresse === a.adresse &&
      m.postNummer === a.postNummer &&
      m.bredde !== null &&
      m.laengde !== null &&
      round5(m.bredde) === a.bredde &&
      round5(m.laengde) === a.laengde;
    if (m !== undefined && !samePlace) odd.coordinatesKeptFromApril.push(a.id);
    const kode = kommuneKode(a.kommune, where);
    if (m !== undefined && m.kommuneKode !== kode)
      throw new Error(`${where}: municipality code differs from March`);
    units.push({
      nummer: a.id,
      navn: a.navn,
      aktiv: true,
      instType3,
      ejerformKode: mapped(EJERFORM_BY_NAME, a.ejerform, where),
      kommuneKode: kode,
      cvrNummer: m?.cvr ?? null,
      pNummer: null,
      ...splitAdresse(a.adresse, where),
      postNummer: a.postNummer,
      byNavn: a.by,
      bredde: samePlace ? (m.bredde ?? a.bredde) : a.bredde,
      laengde: samePlace ? (m.laengde ?? a.laengde) : a.laengde,
      dawaId: null,
      daginstitutionsNummer: '',
    });
  }
  const byNavnOf = cityByPostNummer(sources.april);
  for (const m of sources.march.values()) {
    if (sources.april.has(m.id)) continue;
    const where = `March unit ${m.id}`;
    let byNavn = m.by;
    if (byNavn === '') {
      byNavn = byNavnOf.get(m.postNummer) ?? '';
      if (byNavn === '')
        throw new Error(`${where}: no city, and no April unit has postNummer ${m.postNummer}`);
      prov.mark(fil, m.id, 'byNavn', 'afledt', 'bynavn-postnr');
    }
    if (kommuneKode(m.kommune, where) !== m.kommuneKode)
      throw new Error(`${where}: municipality name and code differ`);
    prov.mark(fil, m.id, 'aktivitetsstatus', 'afledt', 'nedlagt');
    prov.mark(fil, m.id, 'nedlagtTidspunkt', 'opfundet', 'nedlagt-tid');
    units.push({
      nummer: m.id,
      navn: m.navn,
      aktiv: false,
      instType3: m.typeCode,
      ejerformKode: mapped(EJERFORM_BY_NAME, m.ejerform, where),
      kommuneKode: m.kommuneKode,
      cvrNummer: m.cvr,
      pNummer: null,
      ...splitAdresse(m.adresse, where),
      postNummer: m.postNummer,
      byNavn,
      bredde: m.bredde,
      laengde: m.laengde,
      dawaId: null,
      daginstitutionsNummer: '',
    });
  }
  return units.sort((x, y) => compare(x.nummer, y.nummer));
}

/** The municipality's own CVR: the most common CVR of its kommunal units in March (ties: the smallest). */
function municipalCvrs(march: Map<string, MarchUnit>): Map<number, string> {
  const counts = new Map<number, Map<string, number>>();
  for (const m of march.values()) {
    if (m.ejerform !== 'kommunal') continue;
    const perCvr = counts.get(m.kommuneKode) ?? new Map<string, number>();
    perCvr.set(m.cvr, (perCvr.get(m.cvr) ?? 0) + 1);
    counts.set(m.kommuneKode, perCvr);
  }
  const result = new Map<number, string>();
  for (const [kode, perCvr] of counts) {
    const [best] = [...perCvr].sort((x, y) => y[1] - x[1] || compare(x[0], y[0]));
    if (best !== undefined) result.set(kode, best[0]);
  }
  return result;
}

function assignCvr(units: Unit[], march: Map<string, MarchUnit>, prov: Provenance): number {
  const byKommune = municipalCvrs(march);
  let derived = 0;
  for (const unit of units) {
    if (unit.cvrNummer !== null || unit.ejerformKode !== KOMMUNAL) continue;
    const cvr = byKommune.get(unit.kommuneKode);
    if (cvr === undefined) throw new Error(`no municipal CVR known for kommune ${unit.kommuneKode}`);
    unit.cvrNummer = cvr;
    prov.mark(REGISTER_FILES.anvisningsenhed, unit.nummer, 'cvrNummer', 'afledt', 'cvr-kommune');
    derived++;
  }
  return derived;
}

// ---------------------------------------------------------------------------------------------
// P-numbers: invented, 10 digits, first digit 1-9, from a hash of a stable seed, never twice.

class PNummerIssuer {
  private readonly taken = new Set<string>();

  issue(seed: string): string {
    for (let attempt = 0; ; attempt++) {
      const digest = createHash('sha256').update(`${seed}#${attempt}`).digest();
      const p = String((digest.readBigUInt64BE(0) % 9_000_000_000n) + 1_000_000_000n);
      if (!this.taken.has(p)) {
        this.taken.add(p);
        return p;
      }
    }
  }
}

/** Units with the same CVR at the same address share a P-number, as they may in the real register. */
function assignUnitPNumbers(units: Unit[], issuer: PNummerIssuer, prov: Provenance): void {
  const groups = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.cvrNummer === null) continue;
    const key = [unit.cvrNummer, unit.vejNavn, unit.husNummer, unit.postNummer].join('|');
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  // Units are sorted by number, so each group's first unit is its smallest and the order is stable.
  const ordered = [...groups.values()].sort((x, y) => compare(x[0]?.nummer ?? '', y[0]?.nummer ?? ''));
  for (const group of ordered) {
    const p = issuer.issue(`anvisningsenhed:${group[0]?.nummer ?? ''}`);
    for (const unit of group) {
      unit.pNummer = p;
      prov.mark(REGISTER_FILES.anvisningsenhed, unit.nummer, 'pNummer', 'opfundet', 'pnummer');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Parents (daginstitutioner): invented, one per (kommune, CVR, ejerform, lovgrundlag).

const numberOf = (nummer: string): number => Number(nummer.slice(1));
const formatNummer = (n: number): string => `G${String(n).padStart(5, '0')}`;

const KOMMUNAL_GROUP_NAME: Readonly<Record<number, (kommune: string) => string>> = {
  1: (k) => `Dagtilbud ${k} (§ 19, stk. 2)`,
  5: (k) => `Dagplejen ${k}`,
  6: (k) => `Fritidshjem ${k}`,
  7: (k) => `Klubber ${k}`,
  8: (k) => `Særlige dagtilbud ${k}`,
};

function parentName(group: Unit[], ejerformKode: number, lovgrundlag: number, kommuneKode: number): string {
  const [first] = group;
  if (first === undefined) throw new Error('a parent without units');
  if (group.length === 1) return first.navn;
  const named = KOMMUNAL_GROUP_NAME[lovgrundlag];
  if (ejerformKode === KOMMUNAL && named !== undefined)
    return named(codeText('kommuneKode', kommuneKode) ?? '');
  const lead = group.find((u) => u.aktiv) ?? first;
  return `${lead.navn} m.fl.`;
}

function buildParents(units: Unit[], firstNumber: number, prov: Provenance): Daginstitution[] {
  const groups = new Map<string, Unit[]>();
  for (const unit of units) {
    const lovgrundlag = lovgrundlagKode(unit.instType3, unit.ejerformKode);
    // A unit without CVR has no known owner to share a parent with.
    const key =
      unit.cvrNummer === null
        ? `alene|${unit.nummer}`
        : [unit.kommuneKode, unit.cvrNummer, unit.ejerformKode, lovgrundlag].join('|');
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const sortKey = (g: Unit[]): [number, number, number, string, string] => {
    const u = g[0];
    if (u === undefined) throw new Error('a parent without units');
    return [
      u.kommuneKode,
      u.ejerformKode,
      lovgrundlagKode(u.instType3, u.ejerformKode),
      u.cvrNummer ?? '',
      u.nummer,
    ];
  };
  const ordered = [...groups.values()].sort((x, y) => {
    const [a, b] = [sortKey(x), sortKey(y)];
    return a.reduce<number>((result, value, i) => result || compare(value, b[i] ?? ''), 0);
  });

  const fil = REGISTER_FILES.daginstitution;
  const parents = ordered.map((group, index): Daginstitution => {
    const [kommune, ejerform, lovgrundlag] = sortKey(group);
    const nummer = formatNummer(firstNumber + index);
    const aktiv = group.some((u) => u.aktiv);
    for (const unit of group) {
      unit.daginstitutionsNummer = nummer;
      prov.mark(
        REGISTER_FILES.anvisningsenhed,
        unit.nummer,
        'daginstitutionsNummer',
        'opfundet',
        'dgi-nummer',
      );
    }
    prov.mark(fil, nummer, 'daginstitutionsNummer', 'opfundet', 'dgi-nummer');
    prov.mark(
      fil,
      nummer,
      'daginstitutionsNavn',
      group.length === 1 ? 'afledt' : 'opfundet',
      group.length === 1 ? 'dgi-navn-enhed' : 'dgi-navn',
    );
    prov.mark(fil, nummer, 'aktivitetsstatus', 'afledt', 'dgi-status');
    prov.markCode(fil, nummer, 'ejerformKode', 'afledt', 'dgi-noegle');
    prov.markCode(fil, nummer, 'lovgrundlagKode', 'afledt', 'dgi-lovgrundlag');
    prov.markCode(fil, nummer, 'admKommuneKode', 'afledt', 'dgi-noegle');
    if (!aktiv) prov.mark(fil, nummer, 'nedlagtTidspunkt', 'opfundet', 'nedlagt-tid');
    return {
      daginstitutionsNummer: nummer,
      daginstitutionsNavn: parentName(group, ejerform, lovgrundlag, kommune),
      ejerformKode: ejerform,
      lovgrundlagKode: lovgrundlag,
      admKommuneKode: kommune,
      aktivitetsstatus: aktiv ? 'Aktiv' : 'Nedlagt',
      oprettetTidspunkt: OPRETTET_TIDSPUNKT,
      aendretTidspunkt: null,
      nedlagtTidspunkt: aktiv ? null : NEDLAGT_TIDSPUNKT,
      aendringsSekvens: 0,
    };
  });
  const tooLong = parents.find((p) => p.daginstitutionsNavn.length > 132);
  if (tooLong !== undefined)
    throw new Error(`${tooLong.daginstitutionsNummer}: name longer than 132 characters`);
  return parents;
}

// ---------------------------------------------------------------------------------------------
// Alternative addresses from Københavns Kommune's layer, and DAWA ids for matching units.

const ALTERNATIVE_TAGS = new Set(['Udflytteradresse', 'Opsamlingsadresse', 'Skovbus']);
const KOEBENHAVN = 101;

/** Squared equirectangular distance: enough to rank neighbours within one city. */
function distance2(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dx = (aLon - bLon) * Math.cos((((aLat + bLat) / 2) * Math.PI) / 180);
  const dy = aLat - bLat;
  return dx * dx + dy * dy;
}

function nearest(units: Unit[], lat: number, lon: number): Unit {
  let best: Unit | undefined;
  let bestDistance = Infinity;
  for (const unit of units) {
    if (unit.bredde === null || unit.laengde === null) continue;
    const d = distance2(lat, lon, unit.bredde, unit.laengde);
    if (d < bestDistance) [best, bestDistance] = [unit, d];
  }
  if (best === undefined) throw new Error('no unit to attach to');
  return best;
}

interface AltLinkCounts {
  byName: number;
  byNearest: number;
  withoutCvr: number;
  /** The layer tags some primary addresses as pick-up points too: these repeat their unit's address. */
  atUnitAddress: number;
}

function buildAlternativeAddresses(
  kk: KkFeature[],
  units: Unit[],
  firstNumber: number,
  issuer: PNummerIssuer,
  prov: Provenance,
): { records: AlternativAdresse[]; links: AltLinkCounts } {
  const candidates = units.filter((u) => u.aktiv && u.kommuneKode === KOEBENHAVN);
  const byName = new Map<string, Unit[]>();
  for (const u of candidates) byName.set(u.navn, [...(byName.get(u.navn) ?? []), u]);
  const links: AltLinkCounts = { byName: 0, byNearest: 0, withoutCvr: 0, atUnitAddress: 0 };

  const linked = kk
    .filter((f) => f.tags.some((t) => ALTERNATIVE_TAGS.has(t)))
    .map((feature) => {
      const named = byName.get(feature.navn);
      if (named !== undefined)
        return { feature, unit: nearest(named, feature.bredde, feature.laengde), regel: 'alt-navn' };
      // An udflytter address lies far out of town: rank units by where the institution itself is,
      // i.e. its primary address in the layer, when the layer has one in København.
      const home =
        kk.find((f) => f.navn === feature.navn && f.primaer && f.kommuneKode === KOEBENHAVN) ??
        kk.find((f) => f.navn === feature.navn && f.kommuneKode === KOEBENHAVN) ??
        feature;
      return { feature, unit: nearest(candidates, home.bredde, home.laengde), regel: 'alt-naermest' };
    })
    .sort(
      (x, y) =>
        compare(x.unit.nummer, y.unit.nummer) ||
        compare(x.feature.navn, y.feature.navn) ||
        compare(x.feature.postNummer, y.feature.postNummer) ||
        compare(x.feature.vejNavn, y.feature.vejNavn) ||
        compare(x.feature.husNummer, y.feature.husNummer) ||
        compare(x.feature.dawaId, y.feature.dawaId),
    );

  const fil = REGISTER_FILES.alternativadresse;
  const records = linked.map(({ feature: f, unit, regel }, index): AlternativAdresse => {
    const nummer = formatNummer(firstNumber + index);
    if (regel === 'alt-navn') links.byName++;
    else links.byNearest++;
    if (f.vejNavn === unit.vejNavn && f.husNummer === unit.husNummer && f.postNummer === unit.postNummer) {
      links.atUnitAddress++;
    }
    prov.mark(fil, nummer, 'alternativAdresseNummer', 'opfundet', 'alt-nummer');
    prov.mark(fil, nummer, 'anvisningsenhedsNummer', 'afledt', regel);
    prov.mark(fil, nummer, 'aktivitetsstatus', 'afledt', 'alt-status');
    let pNummer: string | null = null;
    if (unit.cvrNummer === null) links.withoutCvr++;
    else {
      prov.mark(fil, nummer, 'cvrNummer', 'afledt', 'alt-cvr');
      pNummer = issuer.issue(`alternativadresse:${nummer}`);
      prov.mark(fil, nummer, 'pNummer', 'opfundet', 'pnummer');
    }
    return {
      alternativAdresseNummer: nummer,
      anvisningsenhedsNummer: unit.nummer,
      navn: f.navn,
      adresse: {
        vejNavn: f.vejNavn,
        husNummer: f.husNummer,
        etage: f.etage,
        doer: f.doer,
        postNummer: f.postNummer,
        byNavn: f.byNavn,
        supplerendeBynavn: null,
        kommuneKode: f.kommuneKode,
        geoBredde: f.bredde,
        geoLaengde: f.laengde,
        dawaId: f.dawaId,
      },
      email: null,
      telefonNummer: null,
      cvrNummer: unit.cvrNummer,
      pNummer,
      aktivitetsstatus: 'Aktiv',
      oprettetTidspunkt: OPRETTET_TIDSPUNKT,
      aendretTidspunkt: null,
      nedlagtTidspunkt: null,
      aendringsSekvens: 0,
    };
  });
  return { records, links };
}

/** A København unit gets the layer's address UUID when the layer has it under the same name and address. */
function assignDawaIds(units: Unit[], kk: KkFeature[], prov: Provenance): number {
  let matched = 0;
  for (const unit of units) {
    if (!unit.aktiv || unit.kommuneKode !== KOEBENHAVN) continue;
    const ids = new Set(
      kk
        .filter(
          (f) =>
            f.navn === unit.navn &&
            f.vejNavn === unit.vejNavn &&
            f.husNummer === unit.husNummer &&
            f.postNummer === unit.postNummer,
        )
        .map((f) => f.dawaId),
    );
    const [id] = ids;
    if (ids.size !== 1 || id === undefined) continue;
    unit.dawaId = id;
    prov.mark(REGISTER_FILES.anvisningsenhed, unit.nummer, 'dawaId', 'afledt', 'dawa-kk');
    matched++;
  }
  return matched;
}

function toRecord(unit: Unit): AnvisningsEnhed {
  return {
    anvisningsenhedsNummer: unit.nummer,
    daginstitutionsNummer: unit.daginstitutionsNummer,
    enhedsNavn: unit.navn,
    instType3: unit.instType3,
    adresse: {
      vejNavn: unit.vejNavn,
      husNummer: unit.husNummer,
      etage: null,
      doer: null,
      postNummer: unit.postNummer,
      byNavn: unit.byNavn,
      supplerendeBynavn: null,
      kommuneKode: unit.kommuneKode,
      geoBredde: unit.bredde,
      geoLaengde: unit.laengde,
      dawaId: unit.dawaId,
    },
    email: null,
    telefonNummer: null,
    cvrNummer: unit.cvrNummer,
    pNummer: unit.pNummer,
    aktivitetsstatus: unit.aktiv ? 'Aktiv' : 'Nedlagt',
    oprettetTidspunkt: OPRETTET_TIDSPUNKT,
    aendretTidspunkt: null,
    nedlagtTidspunkt: unit.aktiv ? null : NEDLAGT_TIDSPUNKT,
    aendringsSekvens: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The CVR stand-in: every used P-number, plus per CVR three spare active ones and one ceased one.

const SPARE_P_NUMBERS = 3;

function cvrRows(
  used: readonly { pNummer: string | null; cvrNummer: string | null }[],
  issuer: PNummerIssuer,
): string[][] {
  const byP = new Map<string, string>();
  for (const { pNummer, cvrNummer } of used) {
    if (pNummer === null || cvrNummer === null) continue;
    const seen = byP.get(pNummer);
    if (seen !== undefined && seen !== cvrNummer) throw new Error(`P-number ${pNummer} used under two CVRs`);
    byP.set(pNummer, cvrNummer);
  }
  const rows = [...byP].map(([p, cvr]) => [p, cvr, 'aktiv']);
  const cvrs = [...new Set(used.map((u) => u.cvrNummer).filter((c): c is string => c !== null))].sort(
    compare,
  );
  for (const cvr of cvrs) {
    for (let i = 1; i <= SPARE_P_NUMBERS; i++) rows.push([issuer.issue(`ledig:${cvr}:${i}`), cvr, 'aktiv']);
    rows.push([issuer.issue(`ophoert:${cvr}`), cvr, 'ophoert']);
  }
  return rows.sort((x, y) => compare(x[1] ?? '', y[1] ?? '') || compare(x[0] ?? '', y[0] ?? ''));
}

// ---------------------------------------------------------------------------------------------

/** What a conversion produced, for the console and the README. */
export interface ConversionSummary {
  unitsActive: number;
  unitsClosed: number;
  closedIds: string[];
  unitsWithoutCvr: number;
  unitsWithDerivedCvr: number;
  unitsBoernehave: number;
  parentsActive: number;
  parentsClosed: number;
  alternativeAddresses: number;
  altLinks: AltLinkCounts;
  pNumbersUsed: number;
  pNumbersTotal: number;
  cvrNumbers: number;
  dawaIdsMatched: number;
  provenanceRows: number;
  oddities: Oddities;
}

/** Converts the sources in `sourceDir` into the register files in `outputDir` and says what it made. */
export function convertRealData(sourceDir: string, outputDir: string): ConversionSummary {
  const sources = readSources(sourceDir);
  const prov = new Provenance();
  const oddities: Oddities = { typeChanged: [], coordinatesKeptFromApril: [] };

  const units = buildUnits(sources, prov, oddities);
  const unitsWithDerivedCvr = assignCvr(units, sources.march, prov);
  const issuer = new PNummerIssuer();
  assignUnitPNumbers(units, issuer, prov);
  const dawaIdsMatched = assignDawaIds(units, sources.kk, prov);

  const highestReal = Math.max(
    ...units.filter((u) => u.nummer.startsWith('G')).map((u) => numberOf(u.nummer)),
  );
  const parents = buildParents(units, highestReal + 1, prov);
  const alt = buildAlternativeAddresses(sources.kk, units, highestReal + 1 + parents.length, issuer, prov);
  const enheder = units.map(toRecord);

  const ejerformOf = new Map(parents.map((p) => [p.daginstitutionsNummer, p.ejerformKode]));
  const rows = {
    daginstitution: parents.map(formatDaginstitution),
    anvisningsenhed: enheder.map((e) =>
      formatAnvisningsEnhed(e, ejerformOf.get(e.daginstitutionsNummer) ?? 0),
    ),
    alternativadresse: alt.records.map(formatAlternativAdresse),
  };
  const provenance = [
    ...prov.rowsFor(REGISTER_FILES.daginstitution, DAGINSTITUTION_COLUMNS, rows.daginstitution),
    ...prov.rowsFor(REGISTER_FILES.anvisningsenhed, ANVISNINGSENHED_COLUMNS, rows.anvisningsenhed),
    ...prov.rowsFor(REGISTER_FILES.alternativadresse, ALTERNATIVADRESSE_COLUMNS, rows.alternativadresse),
  ];
  prov.assertAllWritten();
  const cvr = cvrRows([...enheder, ...alt.records], issuer);

  const summary: ConversionSummary = {
    unitsActive: units.filter((u) => u.aktiv).length,
    unitsClosed: units.filter((u) => !u.aktiv).length,
    closedIds: units.filter((u) => !u.aktiv).map((u) => u.nummer),
    unitsWithoutCvr: units.filter((u) => u.cvrNummer === null).length,
    unitsWithDerivedCvr,
    unitsBoernehave: [...sources.april.values()].filter((a) => a.type === 'boernehave').length,
    parentsActive: parents.filter((p) => p.aktivitetsstatus === 'Aktiv').length,
    parentsClosed: parents.filter((p) => p.aktivitetsstatus === 'Nedlagt').length,
    alternativeAddresses: alt.records.length,
    altLinks: alt.links,
    pNumbersUsed: new Set([...enheder, ...alt.records].map((r) => r.pNummer).filter((p) => p !== null)).size,
    pNumbersTotal: cvr.length,
    cvrNumbers: new Set(cvr.map((r) => r[1])).size,
    dawaIdsMatched,
    provenanceRows: provenance.length,
    oddities,
  };

  mkdirSync(outputDir, { recursive: true });
  const write = (name: string, content: string): void => writeFileSync(join(outputDir, name), content);
  write(REGISTER_FILES.daginstitution, formatCsv(DAGINSTITUTION_COLUMNS, rows.daginstitution));
  write(REGISTER_FILES.anvisningsenhed, formatCsv(ANVISNINGSENHED_COLUMNS, rows.anvisningsenhed));
  write(REGISTER_FILES.alternativadresse, formatCsv(ALTERNATIVADRESSE_COLUMNS, rows.alternativadresse));
  write(REGISTER_FILES.cvrProduktionsenheder, formatCsv(CVR_PRODUKTIONSENHED_COLUMNS, cvr));
  write(REGISTER_FILES.provenance, formatCsv(PROVENANCE_COLUMNS, provenance));
  write('README.md', readme(summary));
  return summary;
}

// ---------------------------------------------------------------------------------------------

// Thousands separators by hand: locale formatting would depend on the Node build's ICU data.
const n = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function readme(s: ConversionSummary): string {
  return `# Register data: Dagtilbudsregisteret seed in the register's CSV export format

Generated by \`npm run data:convert\` (\`scripts/convert-real-data.ts\`) from the real public data
described below. **Do not edit these files by hand**: change the converter and run it again. The
conversion is deterministic, and \`test/data/converter.test.ts\` checks that the committed files are
exactly what the converter writes. The seed loader is \`src/registry/seed/\`.

## Files

| file | rows | what |
| --- | --- | --- |
| \`daginstitution.csv\` | ${n(s.parentsActive + s.parentsClosed)} | the parent level (daginstitutioner): ${n(s.parentsActive)} active, ${n(s.parentsClosed)} closed. All invented (no real parent data is public) |
| \`anvisningsenhed.csv\` | ${n(s.unitsActive + s.unitsClosed)} | the units: ${n(s.unitsActive)} active (every unit in the April 2026 files) and ${n(s.unitsClosed)} closed |
| \`alternativadresse.csv\` | ${n(s.alternativeAddresses)} | alternative addresses, built from Københavns Kommune's own layer |
| \`cvr-produktionsenheder.csv\` | ${n(s.pNumbersTotal)} | an invented stand-in for the CVR register's P-units (production units), read by the register's embedded CVR adapter |
| \`provenance.csv\` | ${n(s.provenanceRows)} | one row for every value in the three register files that is not copied from the real data |

Format of every file: semicolon-separated, UTF-8 **with BOM**, CRLF line ends, one header row,
quoted only where needed (csv-stringify). Empty field = no value. Coordinates (\`geoBredde\` =
latitude, \`geoLaengde\` = longitude, WGS84) are written with a **decimal comma**, as the real export
does; the loader also accepts a dot. Timestamps are ISO 8601 with an offset. \`kommuneKode\` is
unpadded (101, 210). Every \`…_Tekst\` column is the text of the code before it, from
\`src/registry/domain/code-tables.ts\`; the loader ignores it and takes the code.

### Columns

- \`daginstitution.csv\`: ${DAGINSTITUTION_COLUMNS.join(', ')}.
- \`anvisningsenhed.csv\`: ${ANVISNINGSENHED_COLUMNS.join(', ')}. \`ejerformKode\` repeats the parent's.
- \`alternativadresse.csv\`: ${ALTERNATIVADRESSE_COLUMNS.join(', ')}.
- \`cvr-produktionsenheder.csv\`: ${CVR_PRODUKTIONSENHED_COLUMNS.join(', ')}; \`status\` is \`aktiv\` or \`ophoert\`.
- \`provenance.csv\`: ${PROVENANCE_COLUMNS.join(', ')}; \`oprindelse\` is \`afledt\` (derived from real data by a rule) or \`opfundet\` (invented); \`regel\` is a rule id below.

The real export's full header lists are not public (see the project's research notes); these column
names use the real export's spelling where it is known, and the order is this project's decision.

## What is real, derived and invented

**Real** values are the register's own, as exported by STIL: copied verbatim, or recovered exactly by
undoing a one-to-one renaming the source applied (\`tp\` → \`instType3\` except \`boernehave\`, \`ow\` →
\`ejerformKode\`, municipality name → \`kommuneKode\`, \`a\` = "vejNavn husNummer" split at its last
space). They have no row in \`provenance.csv\`:

- \`anvisningsenhed.csv\`: \`anvisningsenhedsNummer\`, \`dagtilbudsNavn\` (double spaces and all),
  \`instType3\` (except \`boernehave\` units), \`ejerformKode\`, \`kommuneKode\`, \`vejNavn\`, \`husNummer\`,
  \`postNummer\`, \`byNavn\` (the source's city field: \`byNavn\`, or \`supplerendeBynavn\` where the
  export had no \`byNavn\`), \`geoBredde\`/\`geoLaengde\`, \`cvrNummer\` where the March file has it,
  and \`aktivitetsstatus\` \`Aktiv\` (the April export kept active units only).
  Coordinates have 8 decimals where the March file has the unit at the same address and its values
  round to the April ones, else the April file's 5 decimals.
- \`alternativadresse.csv\`: \`dagtilbudsNavn\` (the layer's \`enhedsnavn\`), \`vejNavn\`, \`husNummer\`,
  \`etage\`, \`doer\` (\`doerbetegnelse\`), \`postNummer\`, \`byNavn\`, \`kommuneKode\` (the address's own
  municipality: many udflytter addresses lie outside København), \`geoBredde\`/\`geoLaengde\`
  (\`nordlig\`/\`oestlig\`) and \`dawaId\` (\`locationuuid\`). These values are real, but they are
  Københavns Kommune's (December 2022), not the register's: the records themselves are invented.

**Empty** (unknown, not invented): \`email\` and \`telefonNummer\` everywhere (removed from the sources
for privacy); \`etage\`, \`doer\`, \`supplerendeBynavn\` of units; \`dawaId\` of units except
rule \`dawa-kk\`; \`geoBredde\`/\`geoLaengde\` of the closed units; \`cvrNummer\` and \`pNummer\` of selvejende and private units that the March file does
not cover (${n(s.unitsWithoutCvr)} units).

**Not in provenance.csv, invented for every row**: \`oprettetTidspunkt\` is \`${OPRETTET_TIDSPUNKT}\`
(the first snapshot's date) on every record of the three register files. \`cvr-produktionsenheder.csv\`
is invented as a whole except its CVR numbers (rule \`cvr-fil\`), and is not listed row by row.

### Rules (\`regel\` in provenance.csv)

| regel | oprindelse | rule |
| --- | --- | --- |
| \`inst-boernehave\` | afledt | The April files merge 6011 and 6014 as "boernehave"; such units get 6011 Børnehave (3-5 år) |
| \`cvr-kommune\` | afledt | A kommunal unit the March file does not cover gets its municipality's CVR: the most common CVR among that municipality's kommunal units in the March file (ties: the smallest) |
| \`pnummer\` | opfundet | P-number: 10 digits, first digit 1-9, from a SHA-256 of a stable seed (the smallest unit number of the group, or the alternative address's number); never issued twice. Units with the same CVR and the same vejNavn, husNummer and postNummer share one P-number (P-numbers are not unique in the real register). Only records with a CVR get one |
| \`nedlagt\` | afledt | The ${s.closedIds.length} units of the March file that the April export no longer has (${s.closedIds.join(', ')}) are \`Nedlagt\`; their data is the March file's. Caution: the March file has no coordinates and no city for exactly these units, and the April export kept only units with coordinates, so they may have dropped out for that reason rather than by closing. Their coordinates stay empty |
| \`bynavn-postnr\` | afledt | A closed unit's \`byNavn\` (empty in the March file) is the city that the April units with the same postNummer have (each postcode has exactly one there) |
| \`nedlagt-tid\` | opfundet | \`nedlagtTidspunkt\` of a closed unit or parent is \`${NEDLAGT_TIDSPUNKT}\` (the April snapshot's date) |
| \`dgi-nummer\` | opfundet | Parents are one per (kommuneKode, cvrNummer, ejerformKode, lovgrundlagKode) of their units; a unit without CVR gets a parent of its own. They are numbered G + 5 digits from the highest real unit number + 1, ordered by kommuneKode, ejerformKode, lovgrundlagKode, cvrNummer, smallest unit number. Marks both the parent's number and each unit's \`daginstitutionsNummer\` |
| \`dgi-navn-enhed\` | afledt | A parent of one unit has the unit's name |
| \`dgi-navn\` | opfundet | A kommunal parent of several units is named "Dagtilbud <kommune> (§ 19, stk. 2)", "Dagplejen <kommune>", "Fritidshjem <kommune>", "Klubber <kommune>" or "Særlige dagtilbud <kommune>" by its lovgrundlag; a selvejende or private one "<first active unit's name> m.fl." |
| \`dgi-noegle\` | afledt | The parent's ejerformKode and admKommuneKode are its units' |
| \`dgi-lovgrundlag\` | afledt | lovgrundlagKode (this project's numbering) from the units' type and ownership: 6013 → 5, 6020 → 6, 6021 → 7, 6022 → 8; other types by ownership: kommunal 1, selvejende 2, privat 4 |
| \`dgi-status\` | afledt | A parent is \`Aktiv\` when one of its units is, else \`Nedlagt\` |
| \`alt-nummer\` | opfundet | Alternative addresses are numbered after the parents, ordered by their unit's number, then name and address |
| \`alt-navn\` | afledt | The alternative address belongs to the active København unit with the same name (the nearest one if several) |
| \`alt-naermest\` | afledt | No unit has the name: it belongs to the active København unit nearest to the institution's primary address in the layer (a feature with the same name, \`primaer\` JA, in København), or to the feature itself when there is none |
| \`alt-cvr\` | afledt | An alternative address has its unit's CVR |
| \`alt-status\` | afledt | An alternative address is \`Aktiv\`, as its unit is |
| \`dawa-kk\` | afledt | An active København unit takes the layer's \`locationuuid\` when exactly one address UUID is found there under the same name, vejNavn, husNummer and postNummer |
| \`cvr-fil\` | opfundet | \`cvr-produktionsenheder.csv\`: every P-number used in the register files (aktiv), plus for every CVR number used there ${SPARE_P_NUMBERS} spare aktiv P-numbers no record uses (for creating units in tests) and 1 ophoert one |

## Counts

- Units (anvisningsenheder): ${n(s.unitsActive)} active, ${n(s.unitsClosed)} closed; ${n(s.unitsBoernehave)} by rule \`inst-boernehave\`;
  ${n(s.unitsWithDerivedCvr)} with a CVR by rule \`cvr-kommune\`; ${n(s.unitsWithoutCvr)} without CVR and P-number.
- Parents (daginstitutioner): ${n(s.parentsActive)} active, ${n(s.parentsClosed)} closed.
- Alternative addresses: ${n(s.alternativeAddresses)} (${n(s.altLinks.byName)} by rule \`alt-navn\`, ${n(s.altLinks.byNearest)} by \`alt-naermest\`; ${n(s.altLinks.withoutCvr)} without CVR because their unit has none).
  ${n(s.altLinks.atUnitAddress)} of them repeat their unit's own address: the layer tags many institutions' primary
  address as an Opsamlingsadresse (pick-up point) too. They are kept, as the rule takes every tagged feature.
- P-numbers: ${n(s.pNumbersUsed)} used by register records; ${n(s.pNumbersTotal)} in \`cvr-produktionsenheder.csv\` for ${n(s.cvrNumbers)} CVR numbers.
- DAWA ids matched by rule \`dawa-kk\`: ${n(s.dawaIdsMatched)}.
- Provenance rows: ${n(s.provenanceRows)}.

## Real oddities, kept as they are

- Names are verbatim, including double spaces ("Asgård  Børnehus"), backslashes
  ("Tippo\\puljedagpleje Tistrup"), quotes and stray accents (\`KFUM´s Børnehus Musereden\`, \`\`Kvl\`s Børnehus\`\`); 203 names occur more than once
  ("Børnehuset Mælkevejen" 13 times). Lower-case house-number letters (\`108a\`) are kept.
- Many units share an address: "Søvej 1, 8600 Silkeborg" has 25 dagpleje units (one P-number).
- \`D10041\` (Bryggehuset, København) is the one id that is not \`G\` + 5 digits.
- Changed between the two snapshots, April used: ${s.oddities.typeChanged.join('; ') || 'none'}.
- April coordinates kept although the address is unchanged, because the March ones do not round to
  them (the point was moved): ${s.oddities.coordinatesKeptFromApril.join(', ') || 'none'}.
- The closed unit G11406's address is upper case in the source ("PROVST BENTZONS VEJ 7").

## Sources

All public, copied into the project's shared research data; nothing here reads them at run time.
No licence is stated by either repository; the underlying data is STIL's public export from
Dagtilbudsregisteret (\`https://dagtilbudsregister.stil.dk/Eksport.aspx\`) and, for København, the
municipality's public WFS. Contact fields (e-mail, phone) were removed from the institutionsguide files
before copying; nothing else was changed.

1. **April 2026, the newest** — repository \`casperjbehrndtz-hue/institutionsguide\`, snapshot HEAD
   \`cda367d205e8ebe1486599fcea5deb81b12a0e97\` (2026-04-30), files \`public/data/{vuggestue,boernehave}-data.json\`
   (last changed in commit \`a4d7bb0bb2ebf0d2627c805952a23e05ddbd347d\`, 2026-04-04, "Rebuild institution data
   from fresh STIL export") and \`public/data/{dagpleje,sfo}-data.json\` (commit
   \`78b84794cb7cd9f1a3649656204833a886a3c3df\`, 2026-03-27). Made by the repository's \`scripts/rebuild-data.mjs\`
   from the samlet (øjebliksbillede) export: active anvisningsenheder with instType3 6010–6022 and
   coordinates. 4,810 distinct ids (one is \`D10041\`); used for names, addresses, type, ownership, coordinates.
2. **March 2026** — same repository, \`public/data/vuggestue-data.json\` at commit
   \`00ba61f03e6b7774fbfb50d3dc6f443f2164bef4\` ("Initial commit", generated 2026-03-27T12:14:28Z):
   3,209 vuggestue/aldersintegreret units and 646 dagpleje units with \`typeCode\`, 8-digit \`cvr\`,
   unpadded \`municipalityCode\` and 8-decimal coordinates; used for CVR, full-precision coordinates and
   the closed units.
3. **Københavns Kommune, December 2022** — repository \`Mahe0055/portfolio-6-bolius\`, \`geoJsoninst.js\` at HEAD
   \`6a1e138436908a67bd0fc53aea0ba26e48ee82aa\` (last changed in commit \`50f274c\`, 2022-12-14): the
   municipality's WFS layer "daginstitutioner", 537 features (timeStamp 2022-12-01). Its features tagged
   Udflytteradresse, Opsamlingsadresse or Skovbus become the alternative addresses.

## Regenerate

\`\`\`sh
npm run data:convert                     # sources ../shared/data/real, output data/register
npm run data:convert -- <sources> <out>  # other folders
\`\`\`
`;
}

function main(): void {
  const [sourceArg, outputArg] = process.argv.slice(2);
  const sourceDir = sourceArg === undefined ? DEFAULT_SOURCE_DIR : resolve(sourceArg);
  const outputDir = outputArg === undefined ? DEFAULT_OUTPUT_DIR : resolve(outputArg);
  const s = convertRealData(sourceDir, outputDir);
  console.log(`wrote ${outputDir}`);
  console.log(
    `units: ${s.unitsActive} active, ${s.unitsClosed} closed (${s.closedIds.join(', ')}); ${s.unitsWithoutCvr} without CVR`,
  );
  console.log(`parents: ${s.parentsActive} active, ${s.parentsClosed} closed`);
  console.log(
    `alternative addresses: ${s.alternativeAddresses} (${s.altLinks.byName} by name, ${s.altLinks.byNearest} nearest, ${s.altLinks.withoutCvr} without CVR)`,
  );
  console.log(
    `P-numbers: ${s.pNumbersUsed} used, ${s.pNumbersTotal} in the CVR file for ${s.cvrNumbers} CVRs`,
  );
  console.log(`dawaId matched: ${s.dawaIdsMatched}; provenance rows: ${s.provenanceRows}`);
  for (const line of s.oddities.typeChanged) console.log(`type changed between snapshots: ${line}`);
  for (const id of s.oddities.coordinatesKeptFromApril)
    console.log(`April coordinates kept (March place differs): ${id}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
