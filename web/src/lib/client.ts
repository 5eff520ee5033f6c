import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * The app's one GraphQL client, talking to this gateway's `/graphql` only (the page's CSP allows no
 * other host). Reads carry no credentials: the register's data is public. A mutation's credentials
 * are added to that one request by `useWrite` (maintenance/use-write.ts).
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // The document cache drops every cached query that holds a type a mutation returns: a saved
  // change shows in the public look-up at once.
  requestPolicy: 'cache-first',
  preferGetMethod: false,
});
