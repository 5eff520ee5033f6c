import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * A scalar's refusal of a value. Not a GraphQLError on purpose: graphql-js then reports it with the
 * argument's location ("Expected value of type …; <message>"), and `formatError` shows it as
 * BAD_USER_INPUT by this code.
 */
export class ScalarInputError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' } as const;

  constructor(message: string) {
    super(message);
    this.name = 'ScalarInputError';
  }
}

/**
 * Half of a UTF-16 pair on its own: JSON (`"\ud800"`) can carry one, but it is no character, and
 * on its way to the register as UTF-8 it would silently become U+FFFD.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** How one text scalar reads a value. */
export interface TextScalarOptions {
  name: string;
  description: string;
  /** The rule in words, for the message: "must be 10 digits". */
  rule: string;
  /** The value in its normal form, or null when it breaks the rule. */
  parse(text: string): string | null;
  /** Whether an integer literal is read as its digits too (a municipality code written as 101). */
  acceptsInt?: boolean;
}

/**
 * A string scalar that checks its input before anything runs, with a message naming the rule, and
 * passes output through as it is (the register's own data is not re-judged on the way out). Every
 * one refuses a lone surrogate and hands its value on composed (NFC).
 */
export function createTextScalar(options: TextScalarOptions): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    const text =
      typeof value === 'string'
        ? value
        : options.acceptsInt === true && typeof value === 'number' && Number.isInteger(value)
          ? String(value)
          : null;
    if (text !== null && LONE_SURROGATE.test(text)) {
      throw new ScalarInputError(
        `${options.name} must be Unicode text; got a lone surrogate (half of a UTF-16 pair) in ${JSON.stringify(value)}.`,
      );
    }
    // Composed (NFC), as the register stores text: "Åbyhøj" typed decomposed is the same name.
    const parsed = text === null ? null : options.parse(text.trim().normalize('NFC'));
    if (parsed === null) {
      throw new ScalarInputError(`${options.name} ${options.rule}; got ${JSON.stringify(value)}.`);
    }
    return parsed;
  };
  const literal = (ast: ValueNode): unknown => {
    if (ast.kind === Kind.STRING) return ast.value;
    if (ast.kind === Kind.INT) return Number(ast.value);
    return `a ${ast.kind.toLowerCase()} literal`;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: (value) => {
      if (typeof value !== 'string')
        throw new TypeError(`${options.name} must be a string in the domain model`);
      return value;
    },
    parseValue: parse,
    parseLiteral: (ast) => parse(literal(ast)),
  });
}
