import type { EjetDaginstitution } from '../domain/model.ts';
import type { Aendring } from './registry-store.ts';

/** Records for the store's own tests: a plain active daginstitution and one change of it. */

export const testDaginstitution = (nummer: string, navn: string): EjetDaginstitution => ({
  daginstitutionsNummer: nummer,
  daginstitutionsNavn: navn,
  ejerformKode: 1,
  lovgrundlagKode: 1,
  admKommuneKode: 101,
  ejerCvrNummer: null,
  aktivitetsstatus: 'Aktiv',
  oprettetTidspunkt: '2026-03-27T00:00:00+01:00',
  aendretTidspunkt: null,
  nedlagtTidspunkt: null,
  aendringsSekvens: 0,
});

export const testChange = (nummer: string, operation: string, tidspunkt: string): Aendring => ({
  niveau: 'daginstitution',
  nummer,
  operation,
  identitet: 'admin',
  tidspunkt,
});
