import { ADRESSE_101, P, REAL } from './import-fixtures.ts';
import { IMPORT_NS, SOAP11_NS, SOAP12_NS } from './soap-wire.ts';

/**
 * A generator of malformed and hostile ImportService requests, each a mutation of a write that the
 * register would accept as it is. Every mutation is chosen so that it cannot yield a valid write
 * (a repeated or misplaced element breaks the XSD's sequence, a huge value breaks every type's
 * width or pattern, a truncation or a bare `<` breaks well-formedness, …): whatever the register
 * answers, it must not write.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same requests on every run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
export type Random = ReturnType<typeof createRandom>;

/** An XML element: a namespace of its own (`xmlns=`) when `ns` is set, attributes, and children or text. */
export interface XmlNode {
  name: string;
  ns?: string;
  attrs?: Record<string, string>;
  children?: XmlNode[];
  /** Text content, already escaped (a mutation may put markup or references in it on purpose). */
  raw?: string;
}

const leaf = (name: string, text: string): XmlNode => ({ name, raw: escape(text) });
const node = (name: string, children: XmlNode[]): XmlNode => ({ name, children });
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const adresse = () =>
  node(
    'Adresse',
    Object.entries(ADRESSE_101).map(([k, v]) => leaf(k, v)),
  );

/** A write the register accepts from `admin` on the seeded store, as the operation element's tree. */
export interface BaseWrite {
  operation: string;
  element: () => XmlNode;
}

/** The writes mutated; sent unmutated in this order, each is accepted (the test's control). */
export const BASE_WRITES: readonly BaseWrite[] = [
  {
    operation: 'UpdateAnvisningsEnhed',
    element: () =>
      node('UpdateAnvisningsEnhed', [
        node('AnvisningsEnhed', [
          leaf('EnhedsNummer', REAL.privatUnit751),
          leaf('EnhedsNavn', 'Fuzz-haven Højvang'),
          leaf('Email', 'fuzz@example.dk'),
          leaf('TelefonNummer', '86 22 33 44'),
        ]),
      ]),
  },
  {
    operation: 'UpdateDaginstitution',
    element: () =>
      node('UpdateDaginstitution', [
        node('Daginstitution', [
          leaf('daginstitutionsNummer', REAL.kommunal101),
          leaf('daginstitutionsNavn', 'Dagtilbud København Fuzz'),
        ]),
      ]),
  },
  {
    operation: 'InsertAnvisningsEnhed',
    element: () =>
      node('InsertAnvisningsEnhed', [
        node('AnvisningsEnhed', [
          leaf('DagInstitutionsNummer', REAL.kommunal101),
          leaf('EnhedsNavn', 'Fuzz Nord'),
          leaf('InstType3', '6010'),
          adresse(),
          leaf('Email', 'nord@kk.dk'),
          leaf('PNummer', P.koebenhavn[1]),
        ]),
      ]),
  },
  {
    operation: 'InsertDaginstitution',
    element: () =>
      node('InsertDaginstitution', [
        node('Daginstitution', [
          leaf('daginstitutionsNavn', 'Børnehuset Fuzz'),
          leaf('ejerformKode', '1'),
          leaf('lovgrundlagKode', '1'),
          leaf('admKommuneKode', '101'),
        ]),
        node('AnvisningsEnhed', [
          leaf('EnhedsNavn', 'Fuzz Æblehaven'),
          leaf('InstType3', '6012'),
          adresse(),
          leaf('Email', 'fuzz@kk.dk'),
          leaf('TelefonNummer', '33 66 33 66'),
          leaf('PNummer', P.koebenhavn[0]),
        ]),
      ]),
  },
  {
    operation: 'InsertAlternativAdresse',
    element: () =>
      node('InsertAlternativAdresse', [
        node('AlternativAdresse', [
          leaf('EnhedsNummer', 'G10432'),
          leaf('Navn', 'Fuzz-skoven'),
          adresse(),
          leaf('PNummer', P.koebenhavn[2]),
        ]),
      ]),
  },
];

/** One generated request. */
export interface FuzzCase {
  mutation: string;
  operation: string;
  body: string;
  headers: Record<string, string>;
}

/** A request as sent: the operation element in an envelope of a version, with its headers. */
interface Wire {
  version: '1.1' | '1.2';
  element: XmlNode;
  operation: string;
  /** Header blocks, as XML. */
  header: string;
  /** The action sent (SOAPAction in 1.1, the action parameter in 1.2), or none. */
  action: string | null;
  mediaType: string | null;
  envelopeNs: string | null;
  /** The whole body text, once a mutation works on it as text. */
  text?: string;
}

export function serialize(element: XmlNode, inheritedNs: string | null = null): string {
  if (element.name === '') return element.raw ?? '';
  const ns = element.ns ?? null;
  const xmlns = ns !== null && ns !== inheritedNs ? ` xmlns="${ns}"` : '';
  const attrs = Object.entries(element.attrs ?? {})
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  const inner = element.raw ?? (element.children ?? []).map((c) => serialize(c, ns ?? inheritedNs)).join('');
  return `<${element.name}${xmlns}${attrs}>${inner}</${element.name}>`;
}

function render(wire: Wire): FuzzCase['body'] {
  if (wire.text !== undefined) return wire.text;
  const operation = serialize(wire.element);
  if (wire.envelopeNs === null) return operation;
  const header = wire.header === '' ? '' : `<e:Header>${wire.header}</e:Header>`;
  return `<?xml version="1.0" encoding="utf-8"?><e:Envelope xmlns:e="${wire.envelopeNs}">${header}<e:Body>${operation}</e:Body></e:Envelope>`;
}

function headersOf(wire: Wire): Record<string, string> {
  const headers: Record<string, string> = {};
  const mediaType = wire.mediaType ?? (wire.version === '1.1' ? 'text/xml' : 'application/soap+xml');
  if (wire.version === '1.2' && wire.action !== null && wire.mediaType === null) {
    headers['content-type'] = `${mediaType}; charset=utf-8; action="${wire.action}"`;
  } else {
    headers['content-type'] = `${mediaType}; charset=utf-8`;
    if (wire.action !== null) headers.soapaction = `"${wire.action}"`;
  }
  return headers;
}

/** All elements of a tree with their parents, the root first. */
function elementsOf(root: XmlNode): { node: XmlNode; parent: XmlNode | null }[] {
  const out: { node: XmlNode; parent: XmlNode | null }[] = [];
  const walk = (n: XmlNode, parent: XmlNode | null) => {
    out.push({ node: n, parent });
    for (const c of n.children ?? []) walk(c, n);
  };
  walk(root, null);
  return out;
}
const leavesOf = (root: XmlNode) => elementsOf(root).filter((e) => e.node.raw !== undefined);
const recordsOf = (root: XmlNode) => root.children ?? [];

type Mutation = (wire: Wire, random: Random) => boolean;

/** Fields whose XSD type is a number, a code or a pattern, not free text. */
const TYPED_FIELDS = new Set([
  'EnhedsNummer',
  'DagInstitutionsNummer',
  'daginstitutionsNummer',
  'InstType3',
  'ejerformKode',
  'lovgrundlagKode',
  'admKommuneKode',
  'PNummer',
  'postNummer',
  'kommuneKode',
]);

const OTHER_ACTIONS = [
  'HelloWorld',
  'DeleteAnvisningsEnhed',
  'DeleteDaginstitution',
  'MoveAnvisningsEnhed',
  'GetXMLSchema',
];

/** The mutations, by name; each returns false when it does not apply to this request. */
export const MUTATIONS: Record<string, Mutation> = {
  'duplicate a field': (w, r) => {
    const { node: field, parent } = r.pick(leavesOf(w.element));
    if (parent === null || parent.children === undefined) return false;
    parent.children.splice(parent.children.indexOf(field), 0, structuredClone(field));
    return true;
  },
  'duplicate a record': (w, r) => {
    const records = recordsOf(w.element);
    const record = r.pick(records);
    records.splice(records.indexOf(record) + r.int(0, 1), 0, structuredClone(record));
    return true;
  },
  'drop a record': (w, r) => {
    const records = recordsOf(w.element);
    records.splice(r.int(0, records.length - 1), 1);
    return true;
  },
  'empty a record': (w, r) => {
    const record = r.pick(recordsOf(w.element));
    record.children = [];
    return true;
  },
  'swap two siblings': (w, r) => {
    const parents = elementsOf(w.element).filter((e) => (e.node.children?.length ?? 0) >= 2);
    if (parents.length === 0) return false;
    const children = r.pick(parents).node.children ?? [];
    const i = r.int(0, children.length - 2);
    const [a, b] = [children[i], children[i + 1]];
    if (a === undefined || b === undefined || a.name === b.name) return false;
    children[i] = b;
    children[i + 1] = a;
    return true;
  },
  'an unknown element': (w, r) => {
    const parents = elementsOf(w.element).filter((e) => e.node.children !== undefined && e.parent !== null);
    const children = r.pick(parents).node.children ?? [];
    children.splice(
      r.int(0, children.length),
      0,
      leaf(r.pick(['IsAdmin', 'CVRNummer', 'Status', 'x']), 'true'),
    );
    return true;
  },
  'a wrong namespace': (w, r) => {
    const { node: target } = r.pick(elementsOf(w.element));
    target.ns = r.pick(['urn:evil', '', 'urn:dagtilbudsregister:export:v1', `${IMPORT_NS}/`]);
    return true;
  },
  'a huge value': (w, r) => {
    const { node: field } = r.pick(leavesOf(w.element));
    // Longer than every width (the widest is 132) and no pattern's match; never only blanks,
    // which xs:token would collapse to a valid empty value.
    field.raw = r.pick(['x', 'Å', '9']).repeat(r.pick([133, 1000, 100_000, 1_000_000]));
    return true;
  },
  'a value the type refuses': (w, r) => {
    // Only fields with a type stricter than text: a name may hold anything short enough.
    const typed = leavesOf(w.element).filter((e) => TYPED_FIELDS.has(e.node.name));
    if (typed.length === 0) return false;
    const { node: field } = r.pick(typed);
    field.raw = r.pick(['6012x', '-', '1e3', '12345678901', 'G1234567', '<!---->x'.repeat(40)]).repeat(20);
    return true;
  },
  'a huge attribute': (w, r) => {
    const { node: target } = r.pick(elementsOf(w.element));
    const size = r.next() < 0.03 ? 3 * 1024 * 1024 : r.int(4097, 200_000);
    target.attrs = { ...target.attrs, a: 'v'.repeat(size) };
    return true;
  },
  'an attribute on a field': (w, r) => {
    const { node: field } = r.pick(leavesOf(w.element));
    field.attrs = { ...field.attrs, [r.pick(['admin', 'nil', 'id'])]: 'true' };
    return true;
  },
  'deep nesting': (w, r) => {
    const { node: field } = r.pick(leavesOf(w.element));
    const depth = r.pick([2, 10, 40, 1000, 100_000]);
    field.raw = `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    return true;
  },
  'many siblings': (w, r) => {
    const record = r.pick(recordsOf(w.element));
    const field = r.pick(record.children ?? [leaf('Email', 'a@b.dk')]);
    const count = r.pick([2, 50, 5000, 25_000, 100_000]);
    record.children = [...(record.children ?? []), ...Array.from({ length: count }, () => field)];
    return true;
  },
  'markup in a value': (w, r) => {
    const { node: field } = r.pick(leavesOf(w.element));
    // Not a comment or a processing instruction: the XSD ignores both, and so may the register.
    field.raw = `${field.raw ?? ''}${r.pick(['<b>x</b>', '<br/>', '<Email>a@b.dk</Email>'])}`;
    return true;
  },
  'text in a record': (w, r) => {
    const record = r.pick(recordsOf(w.element));
    record.children = [...(record.children ?? []), { name: '', raw: 'loose text' }];
    return true;
  },
  'a bad reference': (w, r) => {
    const { node: field } = r.pick(leavesOf(w.element));
    field.raw = `${field.raw ?? ''}${r.pick(['&bogus;', '&#0;', '&#x1;', '&#xD800;', '&', '&lt'])}`;
    return true;
  },
  'a DOCTYPE with entities': (w, r) => {
    w.text = render(w).replace(
      '<?xml version="1.0" encoding="utf-8"?>',
      r.pick([
        '<!DOCTYPE e [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE e>',
      ]),
    );
    return true;
  },
  'a wrong action': (w, r) => {
    w.action = `${IMPORT_NS}/${r.pick(OTHER_ACTIONS.filter((a) => a !== w.operation))}`;
    return true;
  },
  'an action naming nothing': (w, r) => {
    w.action = r.pick([
      'urn:x/DropAllTables',
      `${IMPORT_NS}/`,
      'DeleteAnvisningsEnhed',
      `${IMPORT_NS}/${w.operation}x`,
    ]);
    return true;
  },
  'no envelope': (w) => {
    w.envelopeNs = null;
    return true;
  },
  'an unknown envelope': (w, r) => {
    w.envelopeNs = r.pick([`${SOAP11_NS}x`, 'urn:soap', `${SOAP12_NS}/`]);
    return true;
  },
  "the other version's media type": (w, r) => {
    w.mediaType = w.version === '1.1' ? r.pick(['application/soap+xml', 'application/xml']) : 'text/xml';
    return true;
  },
  'a mustUnderstand header': (w, r) => {
    const value = w.version === '1.1' ? r.pick(['1', 'true']) : r.pick(['1', 'true']);
    w.header = `<s:Security xmlns:s="urn:sec" e:mustUnderstand="${value}"><s:Token>admin</s:Token></s:Security>`;
    return true;
  },
  'two operations': (w) => {
    w.text = render(w).replace('</e:Body>', `${serialize(w.element)}</e:Body>`);
    return true;
  },
  'a truncation': (w, r) => {
    const text = render(w);
    w.text = text.slice(0, r.int(0, text.length - 2));
    return true;
  },
  'junk with a stray <=': (w, r) => {
    const text = render(w);
    const start = text.indexOf('?>') + 2;
    const at = r.int(start, text.length - 1);
    const junk = Array.from({ length: r.int(0, 20) }, () => String.fromCharCode(r.int(33, 126))).join('');
    // `<=` starts no tag and is no text: never well-formed, wherever it lands.
    w.text = `${text.slice(0, at)}${junk}<=${junk}${text.slice(at)}`;
    return true;
  },
};

/** `count` requests from `seed`, cycling through the bases and picking mutations at random. */
export function generateFuzzCases(seed: number, count: number): FuzzCase[] {
  const random = createRandom(seed);
  const names = Object.keys(MUTATIONS);
  const cases: FuzzCase[] = [];
  while (cases.length < count) {
    const base = random.pick(BASE_WRITES);
    const element = { ...base.element(), ns: IMPORT_NS };
    const version = random.pick(['1.1', '1.2'] as const);
    const wire: Wire = {
      version,
      element,
      operation: base.operation,
      header: '',
      action: random.next() < 0.7 ? `${IMPORT_NS}/${base.operation}` : null,
      mediaType: null,
      envelopeNs: version === '1.1' ? SOAP11_NS : SOAP12_NS,
    };
    const name = random.pick(names);
    const mutate = MUTATIONS[name];
    if (mutate === undefined || !mutate(wire, random)) continue;
    cases.push({ mutation: name, operation: base.operation, body: render(wire), headers: headersOf(wire) });
  }
  return cases;
}

/** A base write, unmutated, in SOAP 1.1: the control that each would be accepted. */
export function unmutated(base: BaseWrite): FuzzCase {
  const wire: Wire = {
    version: '1.1',
    element: { ...base.element(), ns: IMPORT_NS },
    operation: base.operation,
    header: '',
    action: `${IMPORT_NS}/${base.operation}`,
    mediaType: null,
    envelopeNs: SOAP11_NS,
  };
  return { mutation: 'none', operation: base.operation, body: render(wire), headers: headersOf(wire) };
}
