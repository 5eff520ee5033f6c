import { addressText } from './address-text.ts';
import { foldText } from './fold-text.ts';
import type { Institution } from './records.ts';

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
  // One bounded, ordered bucket per tier. Once the better tiers hold `limit` suggestions together,
  // worse tiers cannot contribute and are no longer tried: a typed letter matches thousands of
  // records, and most are then dismissed by one startsWith.
  const buckets: SearchHit[][] = [[], [], [], []];
  let worstUseful: number = Tier.Inside;
  for (const record of records) {
    let bestTier = Number.POSITIVE_INFINITY;
    let best: SearchableText | null = null;
    for (const t of textsOf(record)) {
      const tier = matchTier(t.folded, query, queryWords);
      if (tier === null || tier >= bestTier || tier > worstUseful) continue;
      // A number matches only from its start: "10" inside G31062 is no suggestion.
      if (t.field === 'NUMBER' && tier !== Tier.Prefix) continue;
      bestTier = tier;
      best = t;
    }
    const bucket = buckets[bestTier];
    if (best === null || bucket === undefined) continue;
    const last = bucket.at(-1);
    if (bucket.length === limit && last !== undefined && compareText(best.text, record, last) >= 0) continue;
    insertBounded(bucket, { institution: record, matchedField: best.field, matchedText: best.text }, limit);
    let held = 0;
    for (let tier = 0; tier < buckets.length; tier++) {
      held += buckets[tier]?.length ?? 0;
      if (held >= limit) {
        worstUseful = tier;
        break;
      }
    }
  }
  return buckets.flat().slice(0, limit);
}

/** Orders a candidate (its text and record) against a kept suggestion. */
const compareText = (text: string, record: Institution, kept: SearchHit): number =>
  text.length - kept.matchedText.length ||
  collator.compare(text, kept.matchedText) ||
  (record.number < kept.institution.number ? -1 : record.number > kept.institution.number ? 1 : 0);

/** Inserts in order and drops the last beyond `limit`. */
function insertBounded(bucket: SearchHit[], hit: SearchHit, limit: number): void {
  let i = bucket.length;
  while (i > 0) {
    const before = bucket[i - 1];
    if (before === undefined || compareText(hit.matchedText, hit.institution, before) >= 0) break;
    i -= 1;
  }
  bucket.splice(i, 0, hit);
  if (bucket.length > limit) bucket.pop();
}
