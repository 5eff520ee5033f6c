import type { RuleError } from '../rules/index.ts';

/** `ImportSvarXML` (assumption A, documented in the WSDL and docs/register.md; contract A3): OK, or FEJL with every error. */
export interface ImportSvar {
  status: 'OK' | 'FEJL';
  nummer?: string;
  anvisningsenhedsNummer?: string;
  aendringsSekvens?: number;
  fejl: RuleError[];
}

/** A FEJL answer; nothing was changed. */
export const fejl = (errors: RuleError[], nummer?: string): ImportSvar => ({
  status: 'FEJL',
  ...(nummer === undefined ? {} : { nummer }),
  fejl: errors,
});

/** An OK answer for a committed change. */
export const ok = (nummer: string, aendringsSekvens: number): ImportSvar => ({
  status: 'OK',
  nummer,
  aendringsSekvens,
  fejl: [],
});

/** ImportSvar → the XSD's element object, fields in sequence order. */
export function importSvarToXml(svar: ImportSvar): Record<string, unknown> {
  return {
    status: svar.status,
    ...(svar.nummer === undefined ? {} : { nummer: svar.nummer }),
    ...(svar.anvisningsenhedsNummer === undefined
      ? {}
      : { anvisningsenhedsNummer: svar.anvisningsenhedsNummer }),
    ...(svar.aendringsSekvens === undefined ? {} : { aendringsSekvens: svar.aendringsSekvens }),
    fejl: { fejlbesked: svar.fejl.map(({ felt, kode, tekst }) => ({ felt, kode, tekst })) },
  };
}
