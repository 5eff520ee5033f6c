import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from './depth-limit.ts';

const schema = buildSchema(`
  type Query { unit: Unit }
  type Unit { name: String parent: Parent }
  type Parent { name: String unit: Unit }
`);
const errors = (query: string, max: number) => validate(schema, parse(query), [depthLimit(max)]);

describe('depthLimit', () => {
  it('counts nested fields, through fragments, and not introspection', () => {
    expect(errors('{ unit { parent { unit { name } } } }', 4)).toEqual([]);
    expect(errors('{ unit { parent { unit { name } } } }', 3)[0]?.message).toBe(
      'The operation is nested 4 fields deep; at most 3 are allowed.',
    );
    expect(errors('{ unit { ...P } } fragment P on Unit { parent { unit { name } } }', 3)).toHaveLength(1);
    expect(errors('{ __schema { types { fields { type { ofType { name } } } } } }', 1)).toEqual([]);
  });

  it('marks its error QUERY_TOO_COMPLEX', () => {
    expect(errors('{ unit { parent { name } } }', 2)[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
