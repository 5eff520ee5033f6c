import { describe, expect, it } from 'vitest';
import { decodeRequestBody } from './request-text.ts';

const decl = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>`;

describe('decodeRequestBody', () => {
  it('is UTF-8 without any declaration, and drops a UTF-8 BOM', () => {
    expect(decodeRequestBody(Buffer.from('<a>Ærø</a>'), undefined)).toEqual({
      xml: '<a>Ærø</a>',
      problem: null,
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>Ø</a>')]);
    expect(decodeRequestBody(bom, 'text/xml').xml).toBe('<a>Ø</a>');
  });

  it('reads the charset, quoted or not, and the declaration, and removes the declared encoding', () => {
    const latin1 = Buffer.from(`${decl('latin1')}<a>Søhøj</a>`, 'latin1');
    expect(decodeRequestBody(latin1, undefined).xml).toBe('<?xml version="1.0"?><a>Søhøj</a>');
    expect(decodeRequestBody(Buffer.from('<a>Å</a>', 'latin1'), 'text/xml; charset="ISO-8859-1"').xml).toBe(
      '<a>Å</a>',
    );
    expect(
      decodeRequestBody(latin1, 'application/soap+xml; charset=iso-8859-1; action="x"').problem,
    ).toBeNull();
  });

  it('reads UTF-16 with either BOM, and big-endian without one', () => {
    const text = `${decl('UTF-16')}<a>Ø 𝄞</a>`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeRequestBody(le, undefined).xml).toBe('<?xml version="1.0"?><a>Ø 𝄞</a>');
    expect(decodeRequestBody(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), undefined).xml).toContain('Ø 𝄞');
    expect(decodeRequestBody(be, 'text/xml; charset=utf-16be').xml).toContain('Ø 𝄞');
  });

  it('refuses what it cannot read, saying why', () => {
    expect(decodeRequestBody(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c]), undefined).problem).toMatch(
      /not valid UTF-8/,
    );
    expect(decodeRequestBody(Buffer.from(`${decl('ISO-2022-KR')}<a/>`), undefined).problem).toMatch(
      /"ISO-2022-KR"/,
    );
    expect(decodeRequestBody(Buffer.from('<a/>'), 'text/xml; charset=utf-7').problem).toMatch(
      /"utf-7".*content type/,
    );
    expect(
      decodeRequestBody(Buffer.from(`${decl('utf-8')}<a/>`), 'text/xml; charset=windows-1252').problem,
    ).toMatch(/disagree/);
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x3c, 0, 0x00, 0xd8, 0x3e, 0])]);
    expect(decodeRequestBody(lone, undefined).problem).toMatch(/not valid UTF-16LE/);
  });

  it('refuses a surrogate character reference, but not the same text in CDATA or a comment', () => {
    expect(decodeRequestBody(Buffer.from('<a>&#xdbff;&#xDC00;</a>'), undefined).problem).toMatch(/surrogate/);
    expect(decodeRequestBody(Buffer.from('<a>&#55296;</a>'), undefined).problem).toMatch(/&#55296;/);
    expect(
      decodeRequestBody(Buffer.from('<a><![CDATA[&#xD800;]]><!-- &#xD800; --></a>'), undefined).problem,
    ).toBeNull();
  });

  it('composes text (NFC) without touching the markup', () => {
    expect(decodeRequestBody(Buffer.from('<a x="A\u030a">A\u030abyhøj</a>'), undefined).xml).toBe(
      '<a x="Å">Åbyhøj</a>',
    );
    expect(decodeRequestBody(Buffer.from('<a>\u0338x</a>'), undefined).xml).toBe('<a>\u0338x</a>');
  });
});
