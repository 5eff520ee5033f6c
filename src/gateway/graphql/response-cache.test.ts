import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { describe, expect, it } from 'vitest';
import { createStalenessRecorder, type StalenessRecorder } from '../ports/staleness.ts';
import { useCacheControl } from './plugins/use-cache-control.ts';
import { useResponseCache } from './plugins/use-response-cache.ts';
import { createDocumentCachePolicies } from './cache-policy.ts';
import { ResponseStore } from './response-cache.ts';
import { createResponseGeneration } from './response-cache-keys.ts';

interface Context {
  staleness: StalenessRecorder;
}

const typeDefs = `
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE
  enum CacheControlScope { PUBLIC PRIVATE }
  type Query {
    value: Int @cacheControl(maxAge: 60)
    brief: Int @cacheControl(maxAge: 1)
    uncached: Int
    "Served from an expired record: marks this request stale."
    stale: Int @cacheControl(maxAge: 60)
    "A write commits while this is being computed."
    racing: Int @cacheControl(maxAge: 60)
  }
`;

/** A server as the gateway builds it, over a counting resolver and a write generation of its own. */
async function serverWith(options: { ttlMs: number }) {
  let executions = 0;
  let generation = 0;
  const store = new ResponseStore({ maxBytes: 1024 * 1024, ttlMs: options.ttlMs });
  const policies = createDocumentCachePolicies();
  const server = new ApolloServer<Context>({
    typeDefs,
    resolvers: {
      Query: {
        value: () => ++executions,
        brief: () => ++executions,
        uncached: () => ++executions,
        stale: (_p: unknown, _a: unknown, context: Context) => {
          context.staleness.markStale('record:x', 1000);
          return ++executions;
        },
        racing: () => {
          generation++;
          return ++executions;
        },
      },
    },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      useCacheControl(policies),
      useResponseCache<Context>(
        store,
        createResponseGeneration(store, { writeGeneration: () => generation }),
        policies,
      ),
    ],
  });
  await server.start();
  const run = async (query: string): Promise<unknown> => {
    const response = await server.executeOperation(
      { query },
      { contextValue: { staleness: createStalenessRecorder() } },
    );
    if (response.body.kind !== 'single') throw new Error('not a single result');
    return response.body.singleResult.data;
  };
  return {
    run,
    store,
    executions: () => executions,
    write: () => generation++,
    stop: () => server.stop(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('useResponseCache', () => {
  it('answers a repeated query from the store, and executes it again after a committed write', async () => {
    const server = await serverWith({ ttlMs: 60_000 });
    expect(await server.run('{ value }')).toEqual({ value: 1 });
    expect(await server.run('{ value }')).toEqual({ value: 1 });
    expect(server.executions()).toBe(1);
    expect(server.store.report().entries).toBe(1);
    server.write();
    expect(await server.run('{ value }')).toEqual({ value: 2 });
    // The answer of the generation before is dropped, not left for the LRU to push out.
    expect(server.store.report().entries).toBe(1);
    await server.stop();
  });

  it('never serves an answer computed while a write committed', async () => {
    const server = await serverWith({ ttlMs: 60_000 });
    await server.run('{ racing }');
    // Stored under the generation it started in, which the write has left behind.
    await server.run('{ racing }');
    expect(server.executions()).toBe(2);
    await server.stop();
  });

  it('does not store an answer that used stale-if-error records', async () => {
    const server = await serverWith({ ttlMs: 60_000 });
    await server.run('{ stale }');
    await server.run('{ stale }');
    expect(server.executions()).toBe(2);
    await server.stop();
  });

  it('neither stores nor looks up a query whose hints give maxAge 0', async () => {
    const server = await serverWith({ ttlMs: 60_000 });
    await server.run('{ uncached }');
    await server.run('{ uncached }');
    expect(server.executions()).toBe(2);
    expect(server.store.report()).toMatchObject({ hits: 0, misses: 0 });
    await server.stop();
  });

  it('keeps an answer for the shorter of its maxAge and the TTL cap', async () => {
    const capped = await serverWith({ ttlMs: 100 });
    await capped.run('{ value }');
    await capped.run('{ value }');
    expect(capped.executions()).toBe(1);
    await sleep(150);
    await capped.run('{ value }');
    expect(capped.executions()).toBe(2);
    await capped.stop();

    // maxAge 1 s under a TTL cap of a minute: gone after a second.
    const hinted = await serverWith({ ttlMs: 60_000 });
    await hinted.run('{ brief }');
    await sleep(400);
    await hinted.run('{ brief }');
    expect(hinted.executions()).toBe(1);
    await sleep(700);
    await hinted.run('{ brief }');
    expect(hinted.executions()).toBe(2);
    await hinted.stop();
  });
});
