import { codeText, isKnownCode, type CodeTableName } from '../domain/code-tables.ts';
import { CROSS_VALIDATION_MATRIX, type LovgrundlagRegel } from './cross-validation-matrix.ts';
import type { RuleError } from './rule-error.ts';

/** The coded values of one daginstitution and its units that must agree (v2.0 krydsvalidering). */
export interface CrossValidationInput {
  ejerformKode: number;
  lovgrundlagKode: number;
  /** The InstType3 of the units concerned: all units under the daginstitution, or only the one being written. */
  instType3Koder: readonly number[];
}

/** Where to report each kind of conflict: the XML paths of the fields the write actually carried. */
export interface CrossValidationFelter {
  /** Reported when the ejerform is not lawful under the lovgrundlag. */
  ejerformKode: string;
  /** Reported when a unit's InstType3 is not lawful under the lovgrundlag. */
  instType3: string;
}

const regel = (lovgrundlagKode: number): LovgrundlagRegel | undefined =>
  CROSS_VALIDATION_MATRIX.find((r) => r.lovgrundlagKode === lovgrundlagKode);

/** `kode (tekst)`, the way messages name a code. */
const named = (table: CodeTableName, kode: number): string =>
  `${kode} (${codeText(table, kode) ?? 'ukendt'})`;

/** `a`, `a eller b`, `a, b eller c`. */
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1) ?? ''}`;

/** The lovgrundlag codes under which an ejerform (and, when given, an InstType3) is lawful. */
export function lawfulLovgrundlag(ejerformKode: number, instType3Kode?: number): number[] {
  return CROSS_VALIDATION_MATRIX.filter(
    (r) =>
      r.ejerformKoder.includes(ejerformKode) &&
      (instType3Kode === undefined || r.instType3Koder.includes(instType3Kode)),
  ).map((r) => r.lovgrundlagKode);
}

/**
 * Checks that ejerform × lovgrundlag × InstType3 is lawful (`KRYDSVALIDERING`), reporting each
 * conflict once with what would be lawful. Unknown codes are skipped: the code-table rule reports them.
 */
export function checkCrossValidation(
  input: CrossValidationInput,
  felter: CrossValidationFelter,
): RuleError[] {
  const { ejerformKode, lovgrundlagKode } = input;
  const row = regel(lovgrundlagKode);
  if (row === undefined || !isKnownCode('ejerformKode', ejerformKode)) return [];
  const lovgrundlag = named('lovgrundlagKode', lovgrundlagKode);
  const ejerform = named('ejerformKode', ejerformKode);
  const errors: RuleError[] = [];

  if (!row.ejerformKoder.includes(ejerformKode)) {
    const required = orList(row.ejerformKoder.map((k) => named('ejerformKode', k)));
    const lawful = lawfulLovgrundlag(ejerformKode).map((k) => named('lovgrundlagKode', k));
    const alternative =
      lawful.length > 0 ? ` Med ejerform ${ejerform} kan lovgrundlaget være ${orList(lawful)}.` : '';
    errors.push({
      felt: felter.ejerformKode,
      kode: 'KRYDSVALIDERING',
      tekst: `Ejerform ${ejerform} er ikke lovlig med lovgrundlag ${lovgrundlag}, som kræver ejerform ${required}.${alternative}`,
    });
  }

  for (const type of new Set(input.instType3Koder)) {
    if (!isKnownCode('InstType3', type) || row.instType3Koder.includes(type)) continue;
    // Prefer the bases that also fit the ejerform; fall back to those the type allows at all.
    const fitting = lawfulLovgrundlag(ejerformKode, type);
    const forType = CROSS_VALIDATION_MATRIX.filter((r) => r.instType3Koder.includes(type)).map(
      (r) => r.lovgrundlagKode,
    );
    const lawful = fitting.length > 0 ? fitting : forType;
    const qualifier =
      fitting.length > 0 && fitting.length < forType.length ? ` ved ejerform ${ejerform}` : '';
    const requirement =
      lawful.length > 0
        ? `kræver lovgrundlag ${orList(lawful.map((k) => named('lovgrundlagKode', k)))}${qualifier}`
        : 'er ikke lovlig under noget lovgrundlag';
    errors.push({
      felt: felter.instType3,
      kode: 'KRYDSVALIDERING',
      tekst: `InstType3 ${named('InstType3', type)} ${requirement}; daginstitutionen har lovgrundlag ${lovgrundlag}.`,
    });
  }
  return errors;
}
