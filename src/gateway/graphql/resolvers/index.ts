import type { Resolvers } from '../generated/resolvers-types.ts';
import { alternativeAddressResolvers } from './alternative-address.ts';
import { assignmentUnitResolvers } from './assignment-unit.ts';
import { daycareInstitutionResolvers } from './daycare-institution.ts';
import { institutionResolvers, nodeResolvers } from './institution.ts';
import {
  cvrNumberScalar,
  emailScalar,
  institutionNumberScalar,
  municipalityCodeScalar,
  pNumberScalar,
  postalCodeScalar,
  textScalar,
} from '../scalars/index.ts';
import { changeEventResolvers, changesQuery, subscriptionResolvers } from './changes.ts';
import { mutationResolvers } from './mutation.ts';
import { queryResolvers } from './query.ts';
import { dateTimeScalar } from './scalars.ts';

/** Every resolver of schema.graphql; fields not listed resolve to the domain property of that name. */
export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  InstitutionNumber: institutionNumberScalar,
  CvrNumber: cvrNumberScalar,
  PNumber: pNumberScalar,
  MunicipalityCode: municipalityCodeScalar,
  PostalCode: postalCodeScalar,
  Email: emailScalar,
  Text: textScalar,
  Query: { ...queryResolvers, ...changesQuery },
  Subscription: subscriptionResolvers,
  ChangeEvent: changeEventResolvers,
  Mutation: mutationResolvers,
  Node: nodeResolvers,
  Institution: institutionResolvers,
  DaycareInstitution: daycareInstitutionResolvers,
  AssignmentUnit: assignmentUnitResolvers,
  AlternativeAddress: alternativeAddressResolvers,
};
