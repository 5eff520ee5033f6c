import { addressText } from './address-text.ts';
import { foldText } from './fold-text.ts';
import type { Institution } from './model.ts';

/** What a suggestion matched on. */
export type SearchField = 'NUMBER' | 'NAME' | 'ADDRESS';

/** One autocomplete suggestion: the record, what matched and the text that matched. */
export interface SearchHit {
  institution: Institution;
  matchedField: SearchField;
  matchedText: string;
}

/**
 * How well a folded text matches a folded query, best first (DAWA's autocomplete is the anchor:
 * prefix matches first, then word matches): the whole text starts with the query; a word of it
 * does; every word of the query starts some word of it, in any order; the query is inside it.
 */
const Tier = { Prefix: 0, WordPrefix: 1, AllWords: 2, Inside: 3 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

/** The tier of `text` for `query` (both folded), or null when it does not match. */
export function matchTier(text: string, query: string, queryWords: readonly string[]): Tier | null {
  if (text.startsWith(query)) return Tier.Prefix;
  if (text.includes(` ${query}`)) return Tier.WordPrefix;
  if (queryWords.length > 1) {
    const words = text.split(' ');
    if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return Tier.AllWords;
  }
  return text.includes(query) ? Tier.Inside : null;
}

interface SearchableText {
  field: SearchField;
  text: string;
  folded: string;
}

// Records are shared, immutable objects of the read model: fold each one's texts once.
const searchable = new WeakMap<Institution, readonly SearchableText[]>();
const textsOf = (record: Institution): readonly SearchableText[] => {
  let texts = searchable.get(record);
  if (texts === undefined) {
    const own: { field: SearchField; text: string }[] = [
      { field: 'NUMBER', text: record.number },
      { field: 'NAME', text: record.name },
    ];
    if (record.kind !== 'DaycareInstitution')
      own.push({ field: 'ADDRESS', text: addressText(record.address) });
    texts = own.map((t) => ({ ...t, folded: foldText(t.text) }));
    searchable.set(record, texts);
  }
  return texts;
};

const collator = new Intl.Collator('da');

/**
 * The best `limit` suggestions for what a user has typed so far, over names, institutionsnumre and
 * addresses (street, house number, postcode, city): by tier, then the shorter matched text (closer
 * to what was typed), then Danish order of it, then number. Each record once, by its best match.
 */
export function autocomplete(records: Iterable<Institution>, typed: string, limit: number): SearchHit[] {
  const query = foldText(typed);
  if (query === '' || limit === 0) return [];
  const queryWords = query.split(' ');
  const tiers: SearchHit[][] = [[], [], [], []];
  for (const record of records) {
    let best: { hit: SearchHit; tier: Tier } | null = null;
    for (const t of textsOf(record)) {
      const tier = matchTier(t.folded, query, queryWords);
      if (tier === null) continue;
      // A number matches only from its start: "10" inside G31062 is no suggestion.
      if (t.field === 'NUMBER' && tier !== Tier.Prefix) continue;
      if (best === null || tier < best.tier) {
        best = { hit: { institution: record, matchedField: t.field, matchedText: t.text }, tier };
      }
    }
    if (best !== null) tiers[best.tier]?.push(best.hit);
  }
  // Only the first `limit` are needed: a bounded selection per tier, not a sort of every match
  // (one typed letter matches thousands).
  const result: SearchHit[] = [];
  for (const tier of tiers) {
    if (result.length === limit) break;
    result.push(...smallest(tier, limit - result.length, byRelevance));
  }
  return result;
}

const byRelevance = (a: SearchHit, b: SearchHit): number =>
  a.matchedText.length - b.matchedText.length ||
  collator.compare(a.matchedText, b.matchedText) ||
  (a.institution.number < b.institution.number ? -1 : a.institution.number > b.institution.number ? 1 : 0);

/** The `k` smallest items in order: one comparison per item once `k` are held. */
function smallest<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    const last = kept.at(-1);
    if (kept.length === k && last !== undefined && compare(item, last) >= 0) continue;
    let i = kept.length;
    while (i > 0 && compare(item, kept[i - 1] as T) < 0) i -= 1;
    kept.splice(i, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}
