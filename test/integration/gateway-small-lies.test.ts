import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  buildClientSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  validate,
  type IntrospectionQuery,
} from 'graphql';
import { loadTypeDefs } from '../../src/gateway/graphql/schema.ts';
import { describe, expect, it } from 'vitest';
import { useTestStack } from '../helpers/test-stack.ts';

const { gateway } = useTestStack({ gateway: {} });

const post = async (body: unknown) => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
};

describe('the small lies of issue 14', () => {
  it('a persisted query whose hash does not match its text is a client error, not a masked 500', async () => {
    const query = '{ __typename }';
    const wrong = createHash('sha256').update('something else').digest('hex');
    const answer = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(answer.body.errors?.[0]?.message).toMatch(/hash/i);
  });

  it('variables nested 5,000 deep are refused as bad input, not HTTP 500', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const answer = await post(
      `{"query":"query($v: NearInput) { assignmentUnits(filter: { near: $v }) { totalCount } }","variables":{"v":${deep}}}`,
    );
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|BAD_REQUEST/);
  });

  it('a subscription over HTTP is refused with a clear code, not INTERNAL_SERVER_ERROR', async () => {
    const answer = await post({ query: 'subscription { institutionChanged { sequence } }' });
    expect(answer.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(answer.body.errors?.[0]?.message).toMatch(/WebSocket|subscription/i);
  });

  it('every argument, input and scalar has its description at run time (introspection)', async () => {
    const answer = await gateway.query<IntrospectionQuery>(getIntrospectionQuery());
    const schema = buildClientSchema(answer.data as IntrospectionQuery);
    expect(schema.getType('DateTime')?.description).toMatch(/ISO 8601/);
    const mutation = schema.getMutationType();
    for (const field of Object.values(mutation?.getFields() ?? {})) {
      for (const arg of field.args) expect(arg.description, `${field.name}(${arg.name})`).toBeTruthy();
    }
  });
});

describe("the README's GraphQL examples", () => {
  it('are valid one by one and each block as one document (named operations, as GraphiQL needs)', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const document = parse(block);
      expect(validate(schema, document)).toEqual([]);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        expect(definition.name?.value).toBeTruthy();
        expect(validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] })).toEqual([]);
      }
    }
  });
});
