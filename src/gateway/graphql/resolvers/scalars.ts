import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const parse = (value: unknown): string => {
  if (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new GraphQLError('DateTime must be ISO 8601 text with an offset, e.g. 2026-03-26T23:00:00.000Z.', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
};

/** DateTime: ISO 8601 text; the domain model already holds instants as UTC text. */
export const dateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  // Given here too: a scalar built in code replaces the SDL's, description included.
  description:
    "An instant as ISO 8601 text in UTC, e.g. `2026-03-26T23:00:00.000Z` (the register's `oprettetTidspunkt`/`nedlagtTidspunkt`, xs:dateTime).",
  serialize: (value) => {
    if (typeof value !== 'string') throw new TypeError('DateTime must be a string in the domain model');
    return value;
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
