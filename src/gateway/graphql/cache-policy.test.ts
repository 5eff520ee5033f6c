import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from './schema.ts';
import { documentCachePolicy } from './cache-policy.ts';

const schema = buildSchema(loadTypeDefs());
const policy = (query: string) => documentCachePolicy(schema, parse(query));

describe('documentCachePolicy, on schema.graphql', () => {
  it('register data: 60 s, public', () => {
    expect(policy('{ institution(number: "G10662") { number name unilogin { eligible } } }')).toEqual({
      maxAge: 60,
      scope: 'PUBLIC',
    });
  });

  it('code tables alone: an hour; with register data: the smaller', () => {
    expect(policy('{ municipalities { code } codes(table: OWNERSHIP) { text } }').maxAge).toBe(3600);
    expect(policy('{ municipalities { code } assignmentUnits { totalCount } }').maxAge).toBe(60);
  });

  it('follows fragments and inline fragments, and counts a field of any type', () => {
    expect(
      policy(`{ institution(number: "G10662") { ...F } }
              fragment F on Institution { ... on DaycareInstitution { ownership { code } } }`).maxAge,
    ).toBe(60);
  });

  it('nothing but __typename or introspection: not cacheable', () => {
    expect(policy('{ __typename }').maxAge).toBe(0);
    expect(policy('{ __schema { types { name } } }').maxAge).toBe(0);
  });

  it('applies Apollo’s rules to hints: field over type, default 0 for unhinted composite and root fields', () => {
    const hinted = buildSchema(`
      directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      enum CacheControlScope { PUBLIC PRIVATE }
      type Query { a: A @cacheControl(maxAge: 30) b: B c: Int d: A @cacheControl(scope: PRIVATE) }
      type A @cacheControl(maxAge: 100) { x: Int b: B @cacheControl(inheritMaxAge: true) }
      type B { y: Int }
    `);
    const of = (query: string) => documentCachePolicy(hinted, parse(query));
    expect(of('{ a { x } }')).toEqual({ maxAge: 30, scope: 'PUBLIC' });
    expect(of('{ a { b { y } } }')).toEqual({ maxAge: 30, scope: 'PUBLIC' });
    expect(of('{ a { x } b { y } }').maxAge).toBe(0);
    expect(of('{ c }').maxAge).toBe(0);
    expect(of('{ a { x } d { x } }')).toEqual({ maxAge: 30, scope: 'PRIVATE' });
  });
});
