/** One preloaded GraphiQL tab: an operation and its variables as JSON text (GraphiQL's `defaultTabs`). */
export interface PlaygroundExample {
  query: string;
  variables: string;
}

// Lines of at most about 50 characters: the width of GraphiQL's editor on a laptop screen.
const MUNICIPALITY_UNITS = `# The active anvisningsenheder of one municipality
# (kommuneKode; 751 is Aarhus), a page at a time:
# pass pageInfo.endCursor as $after for the next.
query MunicipalityUnits(
  $municipalityCode: MunicipalityCode!
  $first: Int
  $after: String
) {
  assignmentUnits(
    first: $first
    after: $after
    filter: { municipalityCode: $municipalityCode }
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        number
        name
        institutionType { text }
        address {
          street houseNumber postalCode city
        }
        unilogin { eligible }
      }
    }
  }
}
`;

const UNITS_NEAR_POINT = `# Anvisningsenheder within a radius (metres) of a
# WGS84 point (here Aarhus C), nearest first.
query UnitsNearPoint(
  $latitude: Float!
  $longitude: Float!
  $radiusMeters: Float!
) {
  assignmentUnits(
    first: 10
    filter: {
      near: {
        latitude: $latitude
        longitude: $longitude
        radiusMeters: $radiusMeters
      }
    }
  ) {
    totalCount
    edges {
      distanceMeters
      node {
        number
        name
        institutionType { text }
        address {
          street houseNumber postalCode city
          location { latitude longitude }
        }
      }
    }
  }
}
`;

const UNILOGIN_ELIGIBILITY = `# May Unilogin users be created at this
# institutionsnummer, and if not, why not? Try also
# D10041 (no CVR- or P-nummer), G13047 (closed) or
# G30306 (a daginstitution).
query UniloginEligibility($number: InstitutionNumber!) {
  institution(number: $number) {
    __typename
    number
    name
    status
    unilogin { eligible reasons }
    ... on AssignmentUnit { cvrNumber pNumber }
    ... on AlternativeAddress { cvrNumber pNumber }
  }
}
`;

const CHANGES_LIVE = `# Every change of the register as it happens
# (graphql-ws over WebSocket): run it, then change an
# institution (a mutation in another tab, or SOAP).
# With afterSequence, what came after it first.
subscription InstitutionChanged($afterSequence: Int) {
  institutionChanged(afterSequence: $afterSequence) {
    sequence
    kind
    occurredAt
    level
    number
    institution { name status municipality { name } }
  }
}
`;

const json = (variables: Record<string, unknown>): string => JSON.stringify(variables, null, 2);

/** The operations the playground opens with: a municipality's list, units near a point, an eligibility check, live changes. */
export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  { query: MUNICIPALITY_UNITS, variables: json({ municipalityCode: 751, first: 10 }) },
  { query: UNITS_NEAR_POINT, variables: json({ latitude: 56.1572, longitude: 10.2107, radiusMeters: 1000 }) },
  { query: UNILOGIN_ELIGIBILITY, variables: json({ number: 'G10662' }) },
  { query: CHANGES_LIVE, variables: json({ afterSequence: 0 }) },
];
