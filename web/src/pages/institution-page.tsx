import { useQuery } from 'urql';
import { PageHeading } from '../components/page-heading.tsx';
import { QueryState } from '../components/query-state.tsx';
import { graphql } from '../gql/gql.ts';
import type { InstitutionDetailQuery } from '../gql/graphql.ts';
import { mayChange, scopeOf } from '../lib/rights.ts';
import { useSession } from '../lib/session.ts';
import { addressLine, STATUS_TEXT, UNILOGIN_REASON_TEXT } from '../lib/texts.ts';
import { href } from '../lib/use-hash-route.ts';

const InstitutionDetailQueryDoc = graphql(`
  query InstitutionDetail($number: InstitutionNumber!) {
    institution(number: $number) {
      __typename
      id
      number
      name
      status
      createdAt
      closedAt
      municipality {
        code
        name
      }
      unilogin {
        eligible
        reasons
      }
      ... on DaycareInstitution {
        ownership {
          code
          text
        }
        administeringMunicipality {
          code
        }
        ownerCvrNumber
        legalBasis {
          text
        }
        units(first: 100, filter: { status: [ACTIVE, CLOSED] }) {
          totalCount
          edges {
            node {
              number
              name
              status
              institutionType {
                text
              }
            }
          }
        }
      }
      ... on AssignmentUnit {
        institutionType {
          text
        }
        address {
          ...DetailAddress
        }
        email
        phone
        cvrNumber
        pNumber
        daycareInstitution {
          number
          name
          status
          ownership {
            code
            text
          }
          administeringMunicipality {
            code
          }
          ownerCvrNumber
        }
        alternativeAddresses(status: [ACTIVE, CLOSED]) {
          number
          name
          status
        }
      }
      ... on AlternativeAddress {
        address {
          ...DetailAddress
        }
        email
        phone
        cvrNumber
        pNumber
        assignmentUnit {
          number
          name
          daycareInstitution {
            number
            name
            status
            ownership {
              code
            }
            administeringMunicipality {
              code
            }
            ownerCvrNumber
          }
        }
      }
    }
  }

  fragment DetailAddress on Address {
    street
    houseNumber
    floor
    door
    postalCode
    city
    supplementaryCity
    location {
      latitude
      longitude
    }
  }
`);

type Found = NonNullable<InstitutionDetailQuery['institution']>;

const LEVEL: Readonly<Record<Found['__typename'], string>> = {
  DaycareInstitution: 'Daginstitution',
  AssignmentUnit: 'Anvisningsenhed',
  AlternativeAddress: 'Alternativ adresse',
};

const date = (iso: string) =>
  new Date(iso).toLocaleDateString('da-DK', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' });
const link = (number: string, name: string) => <a href={href(`/institution/${number}`)}>{name}</a>;

function Unilogin({ institution }: { institution: Found }) {
  const { eligible, reasons } = institution.unilogin;
  return (
    <section aria-labelledby="unilogin">
      <h2 id="unilogin">Unilogin</h2>
      {eligible ? (
        <p>Der kan oprettes Unilogin-brugere her.</p>
      ) : (
        <>
          <p>Der kan ikke oprettes Unilogin-brugere her, fordi:</p>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{UNILOGIN_REASON_TEXT[reason]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The three levels around this record: its parent above, its children below. */
function Levels({ institution }: { institution: Found }) {
  switch (institution.__typename) {
    case 'DaycareInstitution':
      return (
        <section aria-labelledby="enheder">
          <h2 id="enheder">Anvisningsenheder ({institution.units.totalCount})</h2>
          <ul>
            {institution.units.edges.map(({ node }) => (
              <li key={node.number}>
                {link(node.number, node.name)} ({node.number}, {node.institutionType.text}
                {node.status === 'CLOSED' ? `, ${STATUS_TEXT.CLOSED.toLowerCase()}` : ''})
              </li>
            ))}
          </ul>
        </section>
      );
    case 'AssignmentUnit':
      return (
        <section aria-labelledby="niveauer">
          <h2 id="niveauer">Hører til</h2>
          <p>
            Daginstitution: {link(institution.daycareInstitution.number, institution.daycareInstitution.name)}{' '}
            ({institution.daycareInstitution.number})
          </p>
          <h3>Alternative adresser ({institution.alternativeAddresses.length})</h3>
          {institution.alternativeAddresses.length === 0 ? (
            <p>Ingen.</p>
          ) : (
            <ul>
              {institution.alternativeAddresses.map((a) => (
                <li key={a.number}>
                  {link(a.number, a.name)} ({a.number}
                  {a.status === 'CLOSED' ? `, ${STATUS_TEXT.CLOSED.toLowerCase()}` : ''})
                </li>
              ))}
            </ul>
          )}
        </section>
      );
    case 'AlternativeAddress':
      return (
        <section aria-labelledby="niveauer">
          <h2 id="niveauer">Hører til</h2>
          <p>
            Anvisningsenhed: {link(institution.assignmentUnit.number, institution.assignmentUnit.name)} (
            {institution.assignmentUnit.number})
          </p>
          <p>
            Daginstitution:{' '}
            {link(
              institution.assignmentUnit.daycareInstitution.number,
              institution.assignmentUnit.daycareInstitution.name,
            )}{' '}
            ({institution.assignmentUnit.daycareInstitution.number})
          </p>
        </section>
      );
  }
}

function Facts({ institution }: { institution: Found }) {
  const rows: [string, string][] = [
    ['Niveau', LEVEL[institution.__typename]],
    ['Institutionsnummer', institution.number],
    ['Status', STATUS_TEXT[institution.status]],
    ['Kommune', `${institution.municipality.name} (${institution.municipality.code})`],
  ];
  if (institution.__typename === 'DaycareInstitution') {
    rows.push(['Ejerform', institution.ownership.text], ['Lovgrundlag', institution.legalBasis.text]);
  } else {
    if (institution.__typename === 'AssignmentUnit')
      rows.push(
        ['Institutionstype', institution.institutionType.text],
        ['Ejerform', institution.daycareInstitution.ownership.text],
      );
    const a = institution.address;
    rows.push(['Adresse', addressLine(a)]);
    if (a.supplementaryCity != null) rows.push(['Supplerende bynavn', a.supplementaryCity]);
    if (a.location != null)
      rows.push([
        'Koordinater',
        `${a.location.latitude.toLocaleString('da-DK')}, ${a.location.longitude.toLocaleString('da-DK')}`,
      ]);
    rows.push(
      ['CVR-nummer', institution.cvrNumber ?? 'Ikke registreret'],
      ['P-nummer', institution.pNumber ?? 'Ikke registreret'],
    );
    if (institution.email != null) rows.push(['E-mail', institution.email]);
    if (institution.phone != null) rows.push(['Telefon', institution.phone]);
  }
  rows.push(['Oprettet', date(institution.createdAt)]);
  if (institution.closedAt != null) rows.push(['Nedlagt', date(institution.closedAt)]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The daginstitution whose rights decide who may change this record. */
const daycareOf = (institution: Found) =>
  institution.__typename === 'DaycareInstitution'
    ? institution
    : institution.__typename === 'AssignmentUnit'
      ? institution.daycareInstitution
      : institution.assignmentUnit.daycareInstitution;

/** For a signed-in maintainer who may change it: a link to change it (the register still decides). */
function EditLink({ institution }: { institution: Found }) {
  const session = useSession();
  if (session === null) return null;
  const daycare = daycareOf(institution);
  if (!mayChange(scopeOf(session.user), daycare)) return null;
  return (
    <p>
      <a href={href(`/vedligehold/${daycare.number}`)}>Ændr i vedligehold</a>
    </p>
  );
}

/** One institution, at whichever of the three levels it is, with the levels around it linked. */
export function InstitutionPage({ number }: { number: string }) {
  const [{ data, fetching, error }] = useQuery({ query: InstitutionDetailQueryDoc, variables: { number } });
  const institution = data?.institution;
  return (
    <>
      <p className="breadcrumb">
        <a href="#/">Søg</a>
      </p>
      {institution == null ? (
        <>
          <PageHeading title={number}>{number}</PageHeading>
          <QueryState fetching={fetching} error={error} />
          {data !== undefined && <p role="status">Intet dagtilbud har institutionsnummer {number}.</p>}
        </>
      ) : (
        <>
          <PageHeading title={institution.name}>{institution.name}</PageHeading>
          <EditLink institution={institution} />
          <Facts institution={institution} />
          <Levels institution={institution} />
          <Unilogin institution={institution} />
        </>
      )}
    </>
  );
}
