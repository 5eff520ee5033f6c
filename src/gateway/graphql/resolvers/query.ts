import { badUserInput } from '../../errors.ts';
import {
  toAlternativeAddressFilter,
  toAssignmentUnitFilter,
  toDaycareInstitutionFilter,
} from '../filter-input.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { fromGlobalId, requireInstitutionNumber } from '../global-id.ts';
import { orderedConnection } from '../ordered-connection.ts';
import { toSearchQuery } from '../search-input.ts';

/** The entry points. */
export const queryResolvers: QueryResolvers = {
  node: (_parent, { id }, context) => {
    const { kind, number } = fromGlobalId(id);
    return context.loaders.find(kind, number);
  },
  institution: (_parent, { number }, context) =>
    context.loaders.find('any', requireInstitutionNumber(number)),
  institutions: (_parent, { numbers }, context) => {
    if (numbers.length > context.maxPageSize) {
      throw badUserInput(`numbers may hold at most ${context.maxPageSize} numbers; got ${numbers.length}.`);
    }
    const valid = numbers.map(requireInstitutionNumber);
    return Promise.all(valid.map((number) => context.loaders.find('any', number)));
  },
  assignmentUnits: (_parent, { filter, ...page }, context) => {
    const domainFilter = toAssignmentUnitFilter(filter);
    return orderedConnection(
      page,
      { scope: 'Query.assignmentUnits', filter: domainFilter, maxPageSize: context.maxPageSize },
      () => context.search.assignmentUnits(domainFilter),
    );
  },
  daycareInstitutions: (_parent, { filter, ...page }, context) => {
    const domainFilter = toDaycareInstitutionFilter(filter);
    return orderedConnection(
      page,
      { scope: 'Query.daycareInstitutions', filter: domainFilter, maxPageSize: context.maxPageSize },
      () => context.search.daycareInstitutions(domainFilter),
    );
  },
  alternativeAddresses: (_parent, { filter, ...page }, context) => {
    const domainFilter = toAlternativeAddressFilter(filter);
    return orderedConnection(
      page,
      { scope: 'Query.alternativeAddresses', filter: domainFilter, maxPageSize: context.maxPageSize },
      () => context.search.alternativeAddresses(domainFilter),
    );
  },
  search: (_parent, args, context) => context.search.autocomplete(toSearchQuery(args)),
  municipalities: async (_parent, _args, context) =>
    (await context.codes.codeTable('MUNICIPALITY')).map((row) => ({ code: row.code, name: row.text })),
  codes: async (_parent, { table }, context) => [...(await context.codes.codeTable(table))],
};
