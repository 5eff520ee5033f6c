/**
 * The v2.0 cross-validation matrix ("krydsvalidering"): which ejerform and which InstType3 are
 * lawful under each lovgrundlag. STIL has not published it, so this is an ASSUMPTION of this
 * project (contract §7, A), decided as follows and kept here, in one table, to be changed in one place:
 *
 * - The four § 19 bases each go with one ownership form: stk. 2 kommunal, stk. 3 selvejende,
 *   stk. 4 udliciteret, stk. 5 privat; landsbyordning (§ 19 stk. 2 with folkeskoleloven § 24 aa)
 *   is kommunal. Under them: the institution types vuggestue, børnehave and aldersintegreret.
 * - Dagpleje (§ 21), fritidshjem (§ 52), klub (§ 66) and the special offers of serviceloven
 *   (§ 32 / § 36) each allow their one type, under any ownership form.
 *
 * The codes are those of `code-tables.ts` (lovgrundlag numbers are themselves assumption A).
 */

/** One row: under `lovgrundlagKode`, these ejerformKoder and these InstType3 codes are lawful. */
export interface LovgrundlagRegel {
  lovgrundlagKode: number;
  ejerformKoder: readonly number[];
  instType3Koder: readonly number[];
}

const ALL_EJERFORMER = [1, 2, 3, 4] as const;
const DAGINSTITUTION_TYPES = [6010, 6011, 6012, 6014] as const;

/** The matrix, one row per lovgrundlagKode. */
export const CROSS_VALIDATION_MATRIX: readonly LovgrundlagRegel[] = [
  { lovgrundlagKode: 1, ejerformKoder: [1], instType3Koder: DAGINSTITUTION_TYPES }, // § 19 stk. 2
  { lovgrundlagKode: 2, ejerformKoder: [2], instType3Koder: DAGINSTITUTION_TYPES }, // § 19 stk. 3
  { lovgrundlagKode: 3, ejerformKoder: [4], instType3Koder: DAGINSTITUTION_TYPES }, // § 19 stk. 4
  { lovgrundlagKode: 4, ejerformKoder: [3], instType3Koder: DAGINSTITUTION_TYPES }, // § 19 stk. 5
  { lovgrundlagKode: 5, ejerformKoder: ALL_EJERFORMER, instType3Koder: [6013] }, // § 21 dagpleje
  { lovgrundlagKode: 6, ejerformKoder: ALL_EJERFORMER, instType3Koder: [6020] }, // § 52 fritidshjem
  { lovgrundlagKode: 7, ejerformKoder: ALL_EJERFORMER, instType3Koder: [6021] }, // § 66 klub
  { lovgrundlagKode: 8, ejerformKoder: ALL_EJERFORMER, instType3Koder: [6022] }, // serviceloven § 32 / § 36
  { lovgrundlagKode: 9, ejerformKoder: [1], instType3Koder: DAGINSTITUTION_TYPES }, // landsbyordning
];
