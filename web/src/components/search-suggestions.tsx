import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/gql.ts';
import type { SearchField } from '../gql/graphql.ts';
import { href } from '../lib/use-hash-route.ts';

const SuggestQuery = graphql(`
  query Suggest($text: String!) {
    search(text: $text, first: 8) {
      matchedField
      matchedText
      institution {
        __typename
        number
        name
      }
    }
  }
`);

const FIELD_TEXT: Readonly<Record<SearchField, string>> = {
  NAME: 'Navn',
  NUMBER: 'Nummer',
  ADDRESS: 'Adresse',
};

const LEVEL_TEXT: Readonly<Record<string, string>> = {
  DaycareInstitution: 'daginstitution',
  AssignmentUnit: 'anvisningsenhed',
  AlternativeAddress: 'alternativ adresse',
};

/** Waits until the text has stood still a moment, so that not every key press is a request. */
function useSettled(text: string, delayMs: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}

/**
 * Suggestions as the user types, from the API's autocomplete (`search`): names, institutionsnumre
 * and addresses alike, accent-folding (`aeblehaven` finds Æblehaven, `tyboron` Tyborøn Allé), best
 * match first. Each suggestion links to its institution's page.
 */
export function SearchSuggestions({ text }: { text: string }) {
  const settled = useSettled(text.trim(), 200);
  const [{ data }] = useQuery({
    query: SuggestQuery,
    variables: { text: settled },
    pause: settled.length < 2,
  });
  const hits = settled.length < 2 ? [] : (data?.search ?? []);
  return (
    <section aria-label="Forslag" className="suggestions">
      {/* Not role="status": the result count below is the page's status. */}
      <p aria-live="polite" className="visually-hidden">
        {hits.length === 0 ? '' : `${hits.length} forslag`}
      </p>
      {hits.length > 0 && (
        <ul>
          {hits.map((hit) => (
            <li key={hit.institution.number}>
              <a href={href(`/institution/${hit.institution.number}`)}>
                {hit.institution.name} ({hit.institution.number})
              </a>{' '}
              <span className="hint">
                {FIELD_TEXT[hit.matchedField]}: {hit.matchedText} · {LEVEL_TEXT[hit.institution.__typename]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
