import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadTypeDefs } from '../src/gateway/graphql/schema.ts';

// A bare Apollo Server 5 (its standalone node:http server) on the gateway's schema with no plugins
// of the project's: the yardstick of bench/hot-path.ts. Prints its URL as a log line the
// way the gateway does (`"url":"…"`), so that the bench can start it like the gateway.
const server = new ApolloServer({ typeDefs: loadTypeDefs(), nodeEnv: 'production' });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
console.log(JSON.stringify({ msg: 'bare apollo listening', url: `${url.replace(/\/$/, '')}/graphql` }));
const stop = () => void server.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
