import sax from 'sax';
import { SOAP_11, versionOfEnvelope, type SoapVersion } from './soap-versions.ts';

/** A child of `Header`: who it is for and whether it must be understood. */
export interface HeaderBlock {
  namespace: string;
  localName: string;
  mustUnderstand: boolean;
  /** Whether its `actor` (1.1) or `role` (1.2) names this node (or nobody, which means this node). */
  forThisNode: boolean;
  /** Its character data, when it has some and holds no element (a header with a simple value). */
  text?: string;
}

/** The one element of the Body, which names the operation (document/literal, WS-I BP R2201). */
export interface OperationElement {
  namespace: string;
  localName: string;
  /** The element alone, with every namespace declaration it inherited. */
  xml: string;
  /** The same, preceded by as many line breaks as precede it in the request: parsers count lines as the client does. */
  xmlAtItsLine: string;
}

export type EnvelopeReading =
  | { ok: true; version: SoapVersion; headers: HeaderBlock[]; operation: OperationElement }
  | { ok: false; version: SoapVersion; code: 'Client' | 'VersionMismatch'; reason: string };

class Stop extends Error {}

/**
 * Reads a SOAP envelope's structure from XML already found well-formed and within limits: the
 * version (its namespace), the header blocks, and the Body's single element. Anything else where
 * the envelope has no place for it (a bare operation without an Envelope, a second Body, elements
 * after the Body, text between them, an empty Body or two operations in it) is refused with the
 * reason and line, in the version of the envelope when there is one (else in `fallback`, the
 * version the request's media type names).
 */
export function readEnvelope(xml: string, fallback: SoapVersion = SOAP_11): EnvelopeReading {
  const parser = sax.parser(true, { xmlns: true, position: true });
  let version: SoapVersion = fallback;
  let refusal: { code: 'Client' | 'VersionMismatch'; reason: string } | null = null;
  const headers: HeaderBlock[] = [];
  let operation: OperationElement | null = null;
  let operationStart: { offset: number; line: number; tag: sax.QualifiedTag } | null = null;
  let depth = 0;
  let section: 'none' | 'header' | 'body' | 'after-body' = 'none';
  let sawHeader = false;
  let bodyElements = 0;
  /** The current header block's character data; null once it holds an element. */
  let headerText: string | null = '';
  const at = () => `line ${parser.line + 1}`;
  const refuse = (reason: string, code: 'Client' | 'VersionMismatch' = 'Client'): never => {
    refusal ??= { code, reason };
    throw new Stop(reason);
  };
  const isEnvelope = (tag: sax.QualifiedTag, local: string) =>
    tag.uri === version.envelopeNamespace && tag.local === local;

  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    depth += 1;
    if (depth === 1) {
      if (tag.local !== 'Envelope') {
        refuse(
          `The request's root element is ${describe(tag)}, not a SOAP Envelope; send the operation element inside soap:Envelope/soap:Body`,
        );
      }
      const known = versionOfEnvelope(tag.uri);
      if (known === null) {
        refuse(
          `The Envelope's namespace ${tag.uri === '' ? '(none)' : `"${tag.uri}"`} is neither SOAP 1.1's (${SOAP_11.envelopeNamespace}) nor SOAP 1.2's (http://www.w3.org/2003/05/soap-envelope)`,
          'VersionMismatch',
        );
      } else version = known;
    } else if (depth === 2) {
      if (section === 'none' && !sawHeader && isEnvelope(tag, 'Header')) {
        sawHeader = true;
        section = 'header';
      } else if (section === 'none' && isEnvelope(tag, 'Body')) section = 'body';
      else if (section === 'after-body')
        refuse(`Nothing may follow the Body in an Envelope; found ${describe(tag)} (${at()})`);
      else refuse(`An Envelope holds an optional Header and then one Body; found ${describe(tag)} (${at()})`);
    } else if (depth === 3 && section === 'header') {
      headers.push(headerBlock(tag, version, at, refuse));
    } else if (depth === 4 && section === 'header') {
      headerText = null;
    } else if (depth === 3 && section === 'body') {
      bodyElements += 1;
      if (bodyElements > 1)
        refuse(`The Body holds more than one element; the second is ${describe(tag)} (${at()})`);
      const offset = parser.startTagPosition - 1;
      operationStart = { offset, line: lineOf(xml, offset), tag };
    }
  };
  parser.onclosetag = () => {
    if (depth === 3 && operationStart !== null && operation === null) {
      const { offset, line, tag } = operationStart;
      const element = withNamespaces(xml.slice(offset, parser.position), tag);
      operation = {
        namespace: tag.uri,
        localName: tag.local,
        xml: element,
        xmlAtItsLine: '\n'.repeat(line) + element,
      };
    }
    const block = depth === 3 && section === 'header' ? headers.at(-1) : undefined;
    if (block !== undefined && headerText !== null && headerText !== '') block.text = headerText;
    if (depth === 3) headerText = '';
    if (depth === 2 && section === 'header') section = 'none';
    if (depth === 2 && section === 'body') section = 'after-body';
    depth -= 1;
  };
  parser.ontext = (text) => {
    if (depth === 3 && section === 'header' && headerText !== null) headerText += text;
    if (depth <= 2 && text.trim() !== '') {
      refuse(
        `Text is not allowed ${depth === 2 ? `directly in the ${section === 'body' ? 'Body' : 'Header'}` : 'in the Envelope'} (${at()})`,
      );
    }
  };
  parser.oncdata = (text) => {
    if (depth <= 2 && text.trim() !== '')
      refuse(`CDATA is not allowed outside the operation element (${at()})`);
  };
  parser.onerror = (error) =>
    refuse(`Malformed XML: ${error.message.split('\n')[0] ?? 'parse error'} (${at()})`);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  if (refusal !== null)
    return { ok: false, version, ...(refusal as { code: 'Client' | 'VersionMismatch'; reason: string }) };
  if (section === 'none' && operation === null)
    return { ok: false, version, code: 'Client', reason: 'The Envelope has no Body' };
  if (operation === null) {
    return {
      ok: false,
      version,
      code: 'Client',
      reason: 'The Body is empty; it must hold the operation element (document/literal wrapped)',
    };
  }
  return { ok: true, version, headers, operation };
}

function headerBlock(
  tag: sax.QualifiedTag,
  version: SoapVersion,
  at: () => string,
  refuse: (reason: string) => never,
): HeaderBlock {
  const attribute = (local: string) =>
    Object.values(tag.attributes).find((a) => a.uri === version.envelopeNamespace && a.local === local)
      ?.value;
  const mustUnderstand = attribute('mustUnderstand');
  // xs:boolean in both versions' schemas ("0"/"1" are SOAP 1.1's spelling, "true"/"false" 1.2's).
  if (mustUnderstand !== undefined && !['0', '1', 'true', 'false'].includes(mustUnderstand.trim())) {
    refuse(
      `mustUnderstand on header ${describe(tag)} must be 0, 1, true or false; got "${mustUnderstand.slice(0, 50)}" (${at()})`,
    );
  }
  const target = attribute(version.targetAttribute);
  return {
    namespace: tag.uri,
    localName: tag.local,
    mustUnderstand: mustUnderstand !== undefined && ['1', 'true'].includes(mustUnderstand.trim()),
    forThisNode: target === undefined || target === '' || version.targetsThisNode.includes(target.trim()),
  };
}

/** `{namespace}local` as a reader would want it named in a fault. */
function describe(tag: sax.QualifiedTag): string {
  const local = tag.local.slice(0, 100);
  return tag.uri === '' ? `<${local}> (no namespace)` : `<${local}> in namespace "${tag.uri.slice(0, 200)}"`;
}

function lineOf(xml: string, offset: number): number {
  let lines = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** Adds to the element's start tag every namespace declaration in scope that it does not make itself. */
function withNamespaces(element: string, tag: sax.QualifiedTag): string {
  const own = new Set(Object.keys(tag.attributes));
  let missing = '';
  // sax chains each element's bindings onto its parent's, so for…in sees every binding in scope.
  for (const prefix in tag.ns) {
    if (prefix === 'xml' || prefix === 'xmlns') continue;
    const key = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    if (own.has(key)) continue;
    const uri = tag.ns[prefix] ?? '';
    missing += ` ${key}="${uri.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`;
  }
  return `<${tag.name}${missing}${element.slice(tag.name.length + 1)}`;
}
