import { describe, expect, it } from 'vitest';
import { readEnvelope } from './read-envelope.ts';
import { SOAP_11, SOAP_12 } from './soap-versions.ts';

const S11 = SOAP_11.envelopeNamespace;
const S12 = SOAP_12.envelopeNamespace;

describe('readEnvelope', () => {
  it('cuts the operation out with the namespaces it inherited, at its own line', () => {
    const xml =
      `<?xml version="1.0"?>\n<s:Envelope xmlns:s="${S12}" xmlns:i="urn:i">\n<s:Body>\n` +
      '<i:Op><i:a>Æ</i:a><b xmlns="urn:i"/></i:Op></s:Body></s:Envelope>';
    const reading = readEnvelope(xml);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.version).toBe(SOAP_12);
    expect(reading.operation).toMatchObject({ namespace: 'urn:i', localName: 'Op' });
    expect(reading.operation.xml).toBe(
      `<i:Op xmlns:s="${S12}" xmlns:i="urn:i"><i:a>Æ</i:a><b xmlns="urn:i"/></i:Op>`,
    );
    expect(reading.operation.xmlAtItsLine).toBe(`\n\n\n${reading.operation.xml}`);
  });

  it('reads header blocks: mustUnderstand in either spelling, and whom they are for', () => {
    const header =
      '<a:A xmlns:a="urn:a" s:mustUnderstand="1"/><b:B xmlns:b="urn:b" s:mustUnderstand="true" s:actor="urn:other"/>' +
      '<c:C xmlns:c="urn:c" s:actor="http://schemas.xmlsoap.org/soap/actor/next"/>';
    const reading = readEnvelope(
      `<s:Envelope xmlns:s="${S11}"><s:Header>${header}</s:Header><s:Body><Op/></s:Body></s:Envelope>`,
    );
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.headers).toEqual([
      { namespace: 'urn:a', localName: 'A', mustUnderstand: true, forThisNode: true },
      { namespace: 'urn:b', localName: 'B', mustUnderstand: true, forThisNode: false },
      { namespace: 'urn:c', localName: 'C', mustUnderstand: false, forThisNode: true },
    ]);
  });

  it.each([
    ['<Op xmlns="urn:i"/>', 'Client', /root element is <Op>/],
    [
      '<s:Envelope xmlns:s="urn:x"><s:Body><Op/></s:Body></s:Envelope>',
      'VersionMismatch',
      /neither SOAP 1\.1's/,
    ],
    [
      `<s:Envelope xmlns:s="${S11}"><s:Body><Op/></s:Body><s:Header/></s:Envelope>`,
      'Client',
      /Nothing may follow the Body/,
    ],
    [
      `<s:Envelope xmlns:s="${S11}"><s:Header/><s:Header/><s:Body/></s:Envelope>`,
      'Client',
      /optional Header and then one Body/,
    ],
    [
      `<s:Envelope xmlns:s="${S11}"><s:Header><h s:mustUnderstand="yes"/></s:Header><s:Body><Op/></s:Body></s:Envelope>`,
      'Client',
      /must be 0, 1, true or false/,
    ],
  ])('refuses %s', (xml, code, reason) => {
    const reading = readEnvelope(xml);
    expect(reading).toMatchObject({ ok: false, code, reason: expect.stringMatching(reason) });
  });
});
