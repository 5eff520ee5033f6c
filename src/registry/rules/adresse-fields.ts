import type { AdresseInput } from '../domain/import-input.ts';
import { checkCoordinates } from './coordinates.ts';
import { checkDawaId } from './dawa-id.ts';
import type { ExternalChecks } from './external-checks.ts';
import { FIELD_WIDTHS } from './field-widths.ts';
import { checkHusNummer } from './hus-nummer.ts';
import { checkKommuneKode } from './kommune-kode.ts';
import { checkPostNummer } from './post-nummer.ts';
import { hasText, MANDATORY, OPTIONAL, requireText } from './require-text.ts';
import type { RuleError } from './rule-error.ts';

const ADRESSE_FIELDS = [
  'vejNavn',
  'husNummer',
  'etage',
  'doer',
  'postNummer',
  'byNavn',
  'supplerendeBynavn',
  'kommuneKode',
  'geoBredde',
  'geoLaengde',
  'dawaId',
] as const satisfies readonly (keyof AdresseInput)[];

/** The address as the address register should see it: trimmed, without the fields that carry no text. */
function trimmed(input: AdresseInput): AdresseInput {
  const out: AdresseInput = {};
  for (const key of ADRESSE_FIELDS) {
    const value = input[key];
    if (hasText(value)) out[key] = value.trim();
  }
  return out;
}

/** The address the way a Dane writes it: `Vej 38, 2. tv, 2300 By`. */
function describe(a: AdresseInput): string {
  const floorDoor = [a.etage === undefined ? undefined : `${a.etage}.`, a.doer].filter(Boolean).join(' ');
  return [`${a.vejNavn ?? ''} ${a.husNummer ?? ''}`, floorDoor, `${a.postNummer ?? ''} ${a.byNavn ?? ''}`]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * Validates an address given in a write, as a whole (it replaces the stored address): every field's
 * format, then, only when all of them are well-formed, that the address register knows the address.
 */
export function validateAdresseFields(
  input: AdresseInput,
  ctx: Pick<ExternalChecks, 'isKnownPostNummer' | 'addressExists'>,
  path: string,
): RuleError[] {
  const felt = (name: keyof AdresseInput): string => `${path}/${name}`;
  const errors = [
    ...requireText(input.vejNavn, felt('vejNavn'), FIELD_WIDTHS.vejNavn, MANDATORY),
    ...checkHusNummer(input.husNummer, felt('husNummer'), MANDATORY),
    ...requireText(input.etage, felt('etage'), FIELD_WIDTHS.etage, OPTIONAL),
    ...requireText(input.doer, felt('doer'), FIELD_WIDTHS.doer, OPTIONAL),
    ...checkPostNummer(input.postNummer, felt('postNummer'), ctx.isKnownPostNummer, MANDATORY),
    ...requireText(input.byNavn, felt('byNavn'), FIELD_WIDTHS.byNavn, MANDATORY),
    ...requireText(
      input.supplerendeBynavn,
      felt('supplerendeBynavn'),
      FIELD_WIDTHS.supplerendeBynavn,
      OPTIONAL,
    ),
    ...checkKommuneKode(input.kommuneKode, felt('kommuneKode'), MANDATORY),
    ...checkCoordinates(input, path),
    ...checkDawaId(input.dawaId, felt('dawaId')),
  ];
  // An address with format errors cannot be looked up meaningfully; ADRESSE_UKENDT would only be noise.
  if (errors.length > 0) return errors;
  const adresse = trimmed(input);
  if (ctx.addressExists(adresse)) return [];
  return [
    {
      felt: path,
      kode: 'ADRESSE_UKENDT',
      tekst: `Adressen "${describe(adresse)}" findes ikke i adresseregisteret (DAR); kontrollér vejnavn, husnummer, postnummer og kommunekode.`,
    },
  ];
}
