// The benchmark's yardstick: Apollo Server 5 as its documentation starts it (startStandaloneServer,
// which serves on node:http) with a one-field schema and nothing else. Plain JavaScript on
// purpose, so that its start is not slowed by a TypeScript loader. Prints `{"url":"…"}` when it
// listens on 127.0.0.1 at BARE_APOLLO_PORT (0: any free port); stops on SIGTERM.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import process from 'node:process';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String }',
  resolvers: { Query: { hello: () => 'world' } },
});
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.BARE_APOLLO_PORT ?? 0) },
});
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
