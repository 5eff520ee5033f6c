import type { FormEvent } from 'react';
import { PageHeading } from '../components/page-heading.tsx';
import { QueryState } from '../components/query-state.tsx';
import { STATUS_TEXT } from '../lib/texts.ts';
import type { Scope } from '../lib/rights.ts';
import { href } from '../lib/use-hash-route.ts';
import { useOwnDaycare } from './own-daycare.ts';

/** The signed-in identity's own daginstitutioner, each a link to change it; admin opens any by number. */
export function Overview({ scope }: { scope: Scope }) {
  const { data, fetching, error } = useOwnDaycare(scope, { status: ['ACTIVE', 'CLOSED'] });
  const mayCreate = scope.kind === 'admin' || scope.kind === 'kommune' || scope.kind === 'privat';
  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = String(new FormData(event.currentTarget).get('nummer') ?? '')
      .trim()
      .toUpperCase();
    if (number !== '') window.location.hash = href(`/vedligehold/${number}`);
  };
  return (
    <>
      <PageHeading title="Vedligehold">Dine daginstitutioner</PageHeading>
      {mayCreate && (
        <p>
          <a href={href('/vedligehold/ny')}>Opret en daginstitution med dens første anvisningsenhed</a>
        </p>
      )}
      {scope.kind === 'admin' && (
        <form className="search-form" onSubmit={open}>
          <div className="field">
            <label htmlFor="aabn-nummer">Åbn en daginstitution (institutionsnummer)</label>
            <input id="aabn-nummer" name="nummer" autoComplete="off" />
          </div>
          <button type="submit">Åbn</button>
        </form>
      )}
      {(scope.kind === 'reader' || scope.kind === 'unknown') && (
        <p>Der er ingen daginstitutioner, du må ændre.</p>
      )}
      <QueryState fetching={fetching} error={error} />
      {data !== undefined && (
        <section aria-labelledby="egne">
          <h2 id="egne">
            {data.daycareInstitutions.totalCount.toLocaleString('da-DK')} daginstitutioner, du må ændre
            {data.daycareInstitutions.totalCount > data.daycareInstitutions.edges.length
              ? ' (de første 100)'
              : ''}
          </h2>
          <ul className="own-list">
            {data.daycareInstitutions.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={href(`/vedligehold/${node.number}`)}>{node.name}</a> ({node.number},{' '}
                {node.ownership.text}, {node.administeringMunicipality.name}
                {node.status === 'CLOSED' ? `, ${STATUS_TEXT.CLOSED.toLowerCase()}` : ''})
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
