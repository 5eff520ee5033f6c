import { uniloginEligibility } from '../../domain/eligibility.ts';
import type { Institution } from '../../domain/records.ts';
import type { InstitutionResolvers, NodeResolvers } from '../generated/resolvers-types.ts';
import { toGlobalId } from '../global-id.ts';

/** Node: the type is the domain record's kind. */
export const nodeResolvers: NodeResolvers = {
  __resolveType: (parent) => parent.kind,
};

/** Institution: the type is the domain record's kind. */
export const institutionResolvers: InstitutionResolvers = {
  __resolveType: (parent) => parent.kind,
};

/** The fields every level resolves alike: its global id and its Unilogin eligibility. */
export const institutionFields = {
  id: (parent: Institution) => toGlobalId(parent.kind, parent.number),
  unilogin: (parent: Institution) => uniloginEligibility(parent),
};
