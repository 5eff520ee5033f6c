import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from './schema.ts';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { MAX_COST, operationCost } from './query-cost.ts';

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
const cost = (query: string, variables?: Record<string, unknown>) =>
  operationCost(schema, parse(query), variables, undefined, 500);

const CARD = 'number name status institutionType { code } address { street postalCode city } pNumber';
const NESTED = (a: string, b: string, c: string) =>
  `query($a: Int, $b: Int, $c: Int) { daycareInstitutions(first: ${a}) { edges { node { number
    units(first: ${b}) { edges { node { number name daycareInstitution { units(first: ${c}) { edges { node { number name } } } } } } } } } } }`;

describe('the cost of an operation, with its variables applied', () => {
  it('is the same with literals and with variables', () => {
    const literal = cost(`{ assignmentUnits(first: 500) { edges { node { ${CARD} } } } }`);
    const variable = cost(`query($n: Int) { assignmentUnits(first: $n) { edges { node { ${CARD} } } } }`, {
      n: 500,
    });
    expect(variable).toBe(literal);
    expect(cost(NESTED('$a', '$b', '$c'), { a: 500, b: 500, c: 500 })).toBe(
      cost(NESTED('500', '500', '500')),
    );
    // And a variable's default counts like a literal too.
    expect(cost(`query($n: Int = 500) { assignmentUnits(first: $n) { edges { node { ${CARD} } } } }`)).toBe(
      literal,
    );
  });

  it('lets the documented 500-unit page with a list card through and refuses 500 × 500 × 500', () => {
    expect(cost(`{ assignmentUnits(first: 500) { edges { node { ${CARD} } } } }`)).toBeLessThan(MAX_COST / 5);
    expect(cost(NESTED('$a', '$b', '$c'), { a: 500, b: 500, c: 500 })).toBeGreaterThan(MAX_COST * 1000);
  });

  it('counts a page over the limit as the limit (the connection refuses it as BAD_USER_INPUT)', () => {
    const q = `query($n: Int) { assignmentUnits(first: $n) { edges { node { number } } } }`;
    expect(cost(q, { n: 100_000 })).toBe(cost(q, { n: 500 }));
    expect(cost(q, { n: 100_000 })).toBeLessThan(MAX_COST);
  });

  it('counts a list of numbers by its length, and backward pages by last', () => {
    const numbers = (n: number) =>
      cost('query($n: [InstitutionNumber!]!) { institutions(numbers: $n) { number name } }', {
        n: Array.from({ length: n }, () => 'G10662'),
      });
    expect(numbers(400)).toBeGreaterThan(numbers(4) * 50);
    expect(cost('{ assignmentUnits(last: 200) { edges { node { number } } } }')).toBe(
      cost('{ assignmentUnits(first: 200) { edges { node { number } } } }'),
    );
  });
});

describe('introspection', () => {
  it('costs nothing, as GraphiQL needs it', () => {
    expect(cost('{ __schema { types { name fields { name args { name type { name } } } } } }')).toBe(0);
  });
});
