/**
 * Maximum widths, in characters, of the ImportService text fields: the one place they are kept.
 *
 * From the contract (§4, STIL's Datamodel, evidence S): names 132, Email 132, TelefonNummer 20,
 * institution numbers 6, CVRNummer 8, PNummer 10. Fields whose shape fixes their width (postNummer,
 * kommuneKode, dawaId, coordinates) are checked by their shape in their own rule instead.
 *
 * Assumptions of this project (A), where nothing public gives a width:
 * - `Navn` of an alternative address: 132, as the other two levels' names.
 * - `vejNavn` 40, `byNavn` 34 and `supplerendeBynavn` 34: wide enough for DAR's street, postal
 *   district and supplementary town names, which the register validates addresses against.
 * - `husNummer` 4: DAR's house number is 1–3 digits and an optional letter (`38`, `1A`, `080`).
 * - `etage` 3 (`st`, `kl`, `12`, `k2`) and `doer` 4 (`tv`, `th`, `mf`, `1`, `12A`): DAR's short forms.
 */
export const FIELD_WIDTHS = {
  daginstitutionsNavn: 132,
  EnhedsNavn: 132,
  Navn: 132,
  Email: 132,
  TelefonNummer: 20,
  vejNavn: 40,
  husNummer: 4,
  etage: 3,
  doer: 4,
  byNavn: 34,
  supplerendeBynavn: 34,
  institutionsNummer: 6,
  CVRNummer: 8,
  PNummer: 10,
} as const;
