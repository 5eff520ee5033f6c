import { badUserInput } from '../errors.ts';
import type { InstitutionKind, InstitutionStatus } from '../domain/records.ts';
import { LEVEL_KIND } from './change-filter-input.ts';
import { searchText, statuses } from './filter-input.ts';
import type { InputMaybe, InstitutionLevel } from './generated/resolvers-types.ts';

/** The most suggestions one autocomplete answers: a list to pick from, not a page to read. */
export const MAX_SUGGESTIONS = 50;

/** `Query.search`'s arguments, validated. */
export interface SearchQuery {
  text: string;
  first: number;
  levels: readonly InstitutionKind[];
  statuses: readonly InstitutionStatus[];
}

/** Checks `Query.search`'s arguments before anything is read. */
export function toSearchQuery(args: {
  text: string;
  first?: InputMaybe<number>;
  levels?: InputMaybe<InstitutionLevel[]>;
  status?: InputMaybe<InstitutionStatus[]>;
}): SearchQuery {
  const text = searchText('text', args.text);
  if (text === undefined) throw badUserInput('text must hold at least one visible character.');
  const first = args.first ?? 10;
  if (!Number.isInteger(first) || first < 0 || first > MAX_SUGGESTIONS) {
    throw badUserInput(`first must be from 0 to ${MAX_SUGGESTIONS}; got ${first}.`);
  }
  const levels =
    args.levels === undefined || args.levels === null
      ? Object.values(LEVEL_KIND)
      : [...new Set(args.levels)].map((level) => LEVEL_KIND[level]);
  return { text, first, levels, statuses: statuses(args.status) };
}
