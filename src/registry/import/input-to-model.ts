import type { AdresseInput } from '../domain/import-input.ts';
import type { Adresse } from '../domain/model.ts';
import { hasText, parseCoordinate, parseKommuneKode } from '../rules/index.ts';

/**
 * Pure mapping from validated ImportService input to the domain model. Called only after the rules
 * found no error, so every mandatory value is present and well-formed.
 */

/** A trimmed text, or null for absent/blank (invisible characters only count as blank, as in the rules). */
export const text = (value: string | undefined): string | null => (hasText(value) ? value.trim() : null);

/** A number from a validated coded field. */
export const code = (value: string | undefined): number => Number(value?.trim());

/** A validated address. */
export function toAdresse(input: AdresseInput): Adresse {
  return {
    vejNavn: text(input.vejNavn) ?? '',
    husNummer: text(input.husNummer) ?? '',
    etage: text(input.etage),
    doer: text(input.doer),
    postNummer: text(input.postNummer) ?? '',
    byNavn: text(input.byNavn) ?? '',
    supplerendeBynavn: text(input.supplerendeBynavn),
    kommuneKode: parseKommuneKode(input.kommuneKode ?? '') ?? 0,
    geoBredde: input.geoBredde === undefined ? null : parseCoordinate(input.geoBredde),
    geoLaengde: input.geoLaengde === undefined ? null : parseCoordinate(input.geoLaengde),
    dawaId: text(input.dawaId),
  };
}

/** `value` when the write carried it, else the stored one: an Update changes only what it sends. */
export function changed<T>(given: string | undefined, map: (v: string) => T, stored: T): T {
  return given === undefined ? stored : map(given);
}
