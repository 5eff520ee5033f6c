/**
 * Turns a request body's bytes into text by the encoding it declares, or says why it cannot.
 *
 * An XML body names its encoding in up to three places: a byte order mark, the content type's
 * `charset` (RFC 7303) and the XML declaration's `encoding` (XML 1.0 §4.3.3, Appendix F). When
 * more than one is given they must agree: the register refuses a body whose declarations disagree
 * rather than pick one, since a wrong pick stores every æ, ø and å wrong without anybody noticing.
 * Labels are compared as the WHATWG Encoding Standard resolves them (`latin1` and `ISO-8859-1`
 * are one encoding), and UTF-16 without a byte order (`UTF-16`) agrees with either UTF-16 BOM.
 * With no declaration the body is UTF-8, the XML default.
 *
 * Decoding is fatal: bytes that are not valid in the declared encoding are refused, never replaced
 * by U+FFFD. A lone surrogate cannot survive a fatal decoder, but it can be written as a character
 * reference (`&#xD800;`), which XML 1.0 does not allow either (production [66] must match Char).
 * The text comes out composed (NFC).
 */

/** The body as text, or the reason it cannot be read. */
export type DecodedRequest = { xml: string; problem: null } | { xml: ''; problem: string };

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Decodes a request body; `contentType` is the raw Content-Type header. */
export function decodeRequestBody(body: Buffer, contentType: string | undefined): DecodedRequest {
  const bom = signatureOf(body);
  const charset = charsetOf(contentType);
  const declared = declaredEncoding(body, bom);
  const named: { source: string; label: string; encoding: string }[] = [];
  for (const [source, label] of [
    ['the content type', charset],
    ['the XML declaration', declared],
  ] as const) {
    if (label === null) continue;
    const encoding = canonicalEncoding(label);
    if (encoding === null)
      return refuse(
        `The request declares the encoding "${label}" in ${source}, which the register cannot read; send UTF-8`,
      );
    named.push({ source, label, encoding });
  }
  const chosen = bom ?? named[0]?.encoding ?? 'utf-8';
  for (const { source, label, encoding } of named) {
    if (!agrees(encoding, chosen, label, bom !== null)) {
      const other =
        bom === null ? `the content type's charset "${charset ?? ''}"` : `its first bytes (${bom})`;
      return refuse(`The request's encodings disagree: ${source} says "${label}", ${other} says otherwise`);
    }
  }
  let xml: string;
  try {
    xml = decode(chosen, body);
  } catch {
    return refuse(
      `The request is not valid ${chosen.toUpperCase()}: it holds bytes that encoding does not allow`,
    );
  }
  const surrogate = findSurrogate(xml);
  if (surrogate !== null) return refuse(surrogate);
  return { xml: composed(withoutEncodingDeclaration(xml)), problem: null };
}

/**
 * The encoding the first bytes show: a byte order mark, or UTF-16 without one (`<` as a two-byte
 * unit, XML 1.0 Appendix F); null when they show none.
 */
function signatureOf(body: Buffer): string | null {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => body[i] === byte));
  if (bom !== undefined) return bom.encoding;
  if (body[0] === 0x3c && body[1] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c) return 'utf-16be';
  return null;
}

/**
 * WHATWG's windows-1252 (also what `ISO-8859-1` and `latin1` name) differs from Latin-1 in
 * 0x80–0x9F. Node 20's TextDecoder decodes it as plain Latin-1 there (€ as U+0080), so those
 * 32 bytes are mapped by the standard's index; the five bytes it leaves unassigned stay C1 controls.
 */
const WINDOWS_1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decode(encoding: string, body: Buffer): string {
  const text = new TextDecoder(encoding, { fatal: true }).decode(body);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}

/** The `charset` parameter of a media type, unquoted; null when absent. */
function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType ?? '');
  if (match === null) return null;
  const value = (match[2] ?? match[1] ?? '').trim();
  return value === '' ? null : value;
}

/**
 * The XML declaration's encoding label. The declaration is ASCII in every encoding the register
 * reads except UTF-16, so it is read from the first bytes as Latin-1, or as UTF-16 when the body
 * starts like UTF-16.
 */
function declaredEncoding(body: Buffer, signature: string | null): string | null {
  const utf16 = signature === 'utf-16le' || signature === 'utf-16be' ? signature : null;
  const start = signature === 'utf-8' ? 3 : 0;
  const text = new TextDecoder(utf16 ?? 'latin1').decode(body.subarray(start, 512));
  const match = /^\uFEFF?<\?xml\s[^?>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1/.exec(text);
  return match?.[2] ?? null;
}

/** The WHATWG name of an encoding label, or null for one the register does not read. */
function canonicalEncoding(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label);
    // "replacement" is what WHATWG maps unsafe encodings (ISO-2022-KR, HZ) to: it decodes nothing.
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

/** Whether a declaration agrees with the encoding chosen; `UTF-16` names either byte order. */
function agrees(encoding: string, chosen: string, label: string, hasBom: boolean): boolean {
  if (encoding === chosen) return true;
  const unordered = /^(utf-?16|ucs-?2|unicode)$/i.test(label.trim());
  return hasBom && unordered && chosen.startsWith('utf-16');
}

/** A character reference to a surrogate, or a lone surrogate, as a message; null when none. */
function findSurrogate(xml: string): string | null {
  if (/\p{Cs}/u.test(xml))
    return 'The request holds a lone surrogate (half of a UTF-16 pair), which is not a character';
  // References inside CDATA sections and comments are literal text, not characters.
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '');
  for (const match of markup.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const digits = match[1] ?? '';
    const code = digits.startsWith('x') ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
    if (code >= 0xd800 && code <= 0xdfff) {
      return `The request holds the character reference ${match[0]}, a surrogate, which XML does not allow`;
    }
  }
  return null;
}

/**
 * The text without the declaration's encoding: once decoded it is no longer in that encoding, and
 * a parser downstream that honoured it would decode the characters a second time.
 */
function withoutEncodingDeclaration(xml: string): string {
  return xml.replace(/^(<\?xml\s[^?>]*?)\s+encoding\s*=\s*(["'])[^"']*\2/, '$1');
}

/**
 * The text composed (NFC), as the register stores it, so that the XSD measures what is stored:
 * 132 × `å` sent as `a` + ring are 132 characters, not 264. Only runs between `<` and `>` are
 * normalised, never across them: `>` followed by U+0338 would otherwise compose to `≯` and
 * break the markup.
 */
function composed(xml: string): string {
  return xml.replace(/[^<>]+/g, (run) => run.normalize('NFC'));
}

function refuse(problem: string): DecodedRequest {
  return { xml: '', problem };
}
