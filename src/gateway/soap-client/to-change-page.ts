import type { ChangeEvent, ChangeKind, ChangePage } from '../domain/change.ts';
import type { Institution, InstitutionKind } from '../domain/records.ts';
import { asArray } from './as-array.ts';
import { toAlternativeAddress, toAssignmentUnit, toDaycareInstitution } from './to-model.ts';
import { UnexpectedAnswerError } from './unexpected-answer.ts';
import { dateTime, integer, record, text, type XmlRecord } from './xml-values.ts';

/*
 * GetAendringerResult → ChangePage (the feed contract: `senesteSekvens`, `Aendringer/Aendring*`, each
 * with its sequence, type, time, level, number and exactly one record element of its level).
 */

const KINDS: Readonly<Record<string, ChangeKind>> = {
  Oprettet: 'CREATED',
  Aendret: 'UPDATED',
  Flyttet: 'MOVED',
  Nedlagt: 'CLOSED',
};

/** niveau → the level, its record element and mapping. */
const LEVELS: Readonly<
  Record<string, { level: InstitutionKind; element: string; map(v: unknown): Institution }>
> = {
  Daginstitution: { level: 'DaycareInstitution', element: 'Daginstitution', map: toDaycareInstitution },
  AnvisningsEnhed: { level: 'AssignmentUnit', element: 'AnvisningsEnhed', map: toAssignmentUnit },
  AlternativAdresse: { level: 'AlternativeAddress', element: 'AlternativAdresse', map: toAlternativeAddress },
};

function toChange(value: unknown): ChangeEvent {
  const r: XmlRecord = record(value, 'Aendring');
  const kind = KINDS[text(r, 'aendringsType')];
  if (kind === undefined)
    throw new UnexpectedAnswerError(`aendringsType "${text(r, 'aendringsType')}" is unknown`);
  const level = LEVELS[text(r, 'niveau')];
  if (level === undefined) throw new UnexpectedAnswerError(`niveau "${text(r, 'niveau')}" is unknown`);
  const institution = level.map(r[level.element]);
  const number = text(r, 'nummer');
  if (institution.number !== number)
    throw new UnexpectedAnswerError(`Aendring ${number} carries record ${institution.number}`);
  return {
    sequence: integer(r, 'aendringsSekvens'),
    kind,
    occurredAt: dateTime(r, 'tidspunkt'),
    level: level.level,
    number,
    institution,
  };
}

/** Maps one GetAendringer answer; the changes must be in strictly increasing sequence order. */
export function toChangePage(value: unknown): ChangePage {
  const r = record(value, 'GetAendringerResult');
  const list = r.Aendringer;
  const changes =
    list === undefined || list === null || list === ''
      ? []
      : asArray(record(list, 'Aendringer').Aendring).map(toChange);
  for (let i = 1; i < changes.length; i++) {
    if ((changes[i]?.sequence ?? 0) <= (changes[i - 1]?.sequence ?? 0))
      throw new UnexpectedAnswerError('Aendringer are not in increasing aendringsSekvens order');
  }
  return { latestSequence: integer(r, 'senesteSekvens'), changes };
}
