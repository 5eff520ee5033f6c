import { graphql } from '../gql/gql.ts';

// Every write returns the register's userErrors (field path, code, Danish text) and the record as
// the register now has it; urql's document cache then drops the cached reads of those types.

/** What every write answers of each refusal: the input path, the register's code, its Danish text. */
export const WriteUserErrorFragment = graphql(`
  fragment WriteUserError on UserError {
    field
    code
    message
  }
`);

export const EditableUnitFragment = graphql(`
  fragment EditableUnit on AssignmentUnit {
    id
    number
    name
    status
    institutionType {
      code
      text
    }
    address {
      ...EditableAddressFields
    }
    pNumber
    cvrNumber
    email
    phone
  }

  fragment EditableAddressFields on Address {
    street
    houseNumber
    floor
    door
    postalCode
    city
    municipality {
      code
    }
  }
`);

export const UnitAddressesQuery = graphql(`
  query UnitAddresses($number: InstitutionNumber!) {
    institution(number: $number) {
      __typename
      ... on AssignmentUnit {
        id
        alternativeAddresses(status: [ACTIVE, CLOSED]) {
          ...EditableAlternativeAddress
        }
      }
    }
  }

  fragment EditableAlternativeAddress on AlternativeAddress {
    id
    number
    name
    status
    address {
      ...EditableAddressFields
    }
    pNumber
    cvrNumber
    email
    phone
  }
`);

export const MaintainableDaycareQuery = graphql(`
  query MaintainableDaycare($filter: DaycareInstitutionFilter, $after: String) {
    daycareInstitutions(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          name
          status
          ownership {
            code
            text
          }
          administeringMunicipality {
            code
            name
          }
          ownerCvrNumber
        }
      }
    }
  }
`);

export const DaycareForEditQuery = graphql(`
  query DaycareForEdit($number: InstitutionNumber!, $after: String) {
    institution(number: $number) {
      __typename
      ... on DaycareInstitution {
        id
        number
        name
        status
        ownership {
          code
          text
        }
        legalBasis {
          code
          text
        }
        administeringMunicipality {
          code
          name
        }
        ownerCvrNumber
        activeUnits: units(first: 1) {
          totalCount
        }
        # 30 a page: the gateway's query cost limit counts every field of every unit.
        units(first: 30, after: $after, filter: { status: [ACTIVE, CLOSED] }) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...EditableUnit
            }
          }
        }
      }
      ... on AssignmentUnit {
        daycareInstitution {
          number
        }
      }
      ... on AlternativeAddress {
        assignmentUnit {
          daycareInstitution {
            number
          }
        }
      }
    }
  }
`);

export const CreateDaycareMutation = graphql(`
  mutation CreateDaycare($input: CreateDaycareInstitutionInput!, $validateOnly: Boolean! = false) {
    createDaycareInstitution(input: $input, validateOnly: $validateOnly) {
      daycareInstitution {
        id
        number
        name
      }
      assignmentUnit {
        id
        number
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const UpdateDaycareMutation = graphql(`
  mutation UpdateDaycare($input: UpdateDaycareInstitutionInput!) {
    updateDaycareInstitution(input: $input) {
      daycareInstitution {
        id
        number
        name
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const CloseDaycareMutation = graphql(`
  mutation CloseDaycare($input: CloseInput!) {
    closeDaycareInstitution(input: $input) {
      daycareInstitution {
        id
        status
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const CreateUnitMutation = graphql(`
  mutation CreateUnit($input: CreateAssignmentUnitInput!) {
    createAssignmentUnit(input: $input) {
      assignmentUnit {
        id
        number
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const UpdateUnitMutation = graphql(`
  mutation UpdateUnit($input: UpdateAssignmentUnitInput!, $validateOnly: Boolean! = false) {
    updateAssignmentUnit(input: $input, validateOnly: $validateOnly) {
      assignmentUnit {
        id
        number
        name
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const CloseUnitMutation = graphql(`
  mutation CloseUnit($input: CloseInput!) {
    closeAssignmentUnit(input: $input) {
      assignmentUnit {
        id
        status
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const MoveUnitMutation = graphql(`
  mutation MoveUnit($input: MoveAssignmentUnitInput!) {
    moveAssignmentUnit(input: $input) {
      assignmentUnit {
        id
        number
      }
      daycareInstitution {
        id
        number
      }
      previousDaycareInstitution {
        id
        number
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const CreateAddressMutation = graphql(`
  mutation CreateAddress($input: CreateAlternativeAddressInput!) {
    createAlternativeAddress(input: $input) {
      alternativeAddress {
        id
        number
        # Its unit too: a unit's cached address list, empty before, holds no AlternativeAddress to drop.
        assignmentUnit {
          id
        }
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const UpdateAddressMutation = graphql(`
  mutation UpdateAddress($input: UpdateAlternativeAddressInput!) {
    updateAlternativeAddress(input: $input) {
      alternativeAddress {
        id
        number
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const CloseAddressMutation = graphql(`
  mutation CloseAddress($input: CloseInput!) {
    closeAlternativeAddress(input: $input) {
      alternativeAddress {
        id
        status
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);

export const MoveAddressMutation = graphql(`
  mutation MoveAddress($input: MoveAlternativeAddressInput!) {
    moveAlternativeAddress(input: $input) {
      alternativeAddress {
        id
        number
      }
      assignmentUnit {
        id
        number
      }
      previousAssignmentUnit {
        id
        number
      }
      userErrors {
        ...WriteUserError
      }
    }
  }
`);
