import { useQuery } from 'urql';
import { graphql } from '../gql/gql.ts';

const FilterOptionsQuery = graphql(`
  query FilterOptions {
    # Named text, like a code table entry's: every select of the app takes { code, text }.
    municipalities {
      code
      text: name
    }
    institutionTypes: codes(table: INSTITUTION_TYPE) {
      code
      text
    }
    ownerships: codes(table: OWNERSHIP) {
      code
      text
    }
    legalBases: codes(table: LEGAL_BASIS) {
      code
      text
    }
  }
`);

/** The register's municipalities and code tables, for the filters and forms (cached for an hour by the gateway). */
export function useFilterOptions() {
  const [{ data }] = useQuery({ query: FilterOptionsQuery });
  return {
    municipalities: data?.municipalities ?? [],
    institutionTypes: data?.institutionTypes ?? [],
    ownerships: data?.ownerships ?? [],
    legalBases: data?.legalBases ?? [],
  };
}
