import { describe, expect, it } from 'vitest';
import { readEnvelope } from '../soap/read-envelope.ts';
import { SoapFault } from '../soap/soap-fault.ts';
import { isValidateOnly } from './validate-only.ts';

const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const IMPORT_NS = 'urn:dagtilbudsregister:import:v1';

/** The dry-run decision from a request's header, as the envelope reading finds its blocks. */
const dryRunOf = (header: string): boolean => {
  const reading = readEnvelope(
    `<s:Envelope xmlns:s="${S11}"><s:Header>${header}</s:Header><s:Body><Op/></s:Body></s:Envelope>`,
  );
  if (!reading.ok) throw new TypeError(reading.reason);
  return isValidateOnly(reading.headers);
};
const kunValidering = (content: string, ns = IMPORT_NS) =>
  `<k:KunValidering xmlns:k="${ns}">${content}</k:KunValidering>`;

describe('the dry-run header KunValidering, read from the envelope', () => {
  it('is a dry run for true and 1 (spaces around allowed), not for false, 0 or no header', () => {
    expect([' true ', '1'].map((v) => dryRunOf(kunValidering(v)))).toEqual([true, true]);
    expect(['false', '0'].map((v) => dryRunOf(kunValidering(v)))).toEqual([false, false]);
    expect(dryRunOf('')).toBe(false);
  });

  it('counts only the ImportService namespace: the same name elsewhere is another header', () => {
    expect(dryRunOf(kunValidering('true', 'urn:other'))).toBe(false);
    expect(dryRunOf(`<x:Other xmlns:x="urn:x">1</x:Other>${kunValidering('1')}`)).toBe(true);
  });

  it('refuses a value that is no xs:boolean, an empty one, or one holding elements, with a Client fault', () => {
    for (const content of ['yes', '', '<k:x/>true']) {
      expect(() => dryRunOf(kunValidering(content))).toThrow(SoapFault);
    }
    expect(() => dryRunOf(kunValidering('yes'))).toThrow(/must be true, 1, false or 0; got "yes"/);
  });
});
