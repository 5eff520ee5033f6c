// GraphQL Mesh's SOAP engine (@omnigraph/soap) over the register, served with graphql-yoga on
// node:http: the other contestant of `npm run bench:mesh`. Plain JavaScript, because this package
// has its own node_modules, installed on demand, which the project's type check cannot see.
// MESH_WSDL_URL: the rewriting proxy's WSDL (bench/soap-rewrite-proxy.ts); MESH_USERNAME and
// MESH_PASSWORD: the register's Basic credentials; NODE_EXTRA_CA_CERTS: the register's CA.
// Prints `{"url":"…"}` when it listens on 127.0.0.1 (any free port); stops on SIGTERM.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import process from 'node:process';
import { createExecutorFromSchemaAST, SOAPLoader } from '@omnigraph/soap';
import { createYoga } from 'graphql-yoga';

const authorization = `Basic ${Buffer.from(`${process.env.MESH_USERNAME}:${process.env.MESH_PASSWORD}`).toString('base64')}`;
// The loader's operationHeaders are not passed on to its calls (0.96), so the credentials go in
// the fetch it is given, for the WSDL and for every SOAP call alike.
const fetchWithCredentials = (url, init = {}) =>
  globalThis.fetch(url, { ...init, headers: { ...init.headers, authorization } });

const loader = new SOAPLoader({ fetch: fetchWithCredentials });
await loader.fetchWSDL(process.env.MESH_WSDL_URL);
const schema = loader.buildSchema();
const executor = createExecutorFromSchemaAST(schema, fetchWithCredentials);

// Yoga parses and validates; the execution is Mesh's (its root values make the SOAP calls).
const yoga = createYoga({
  schema,
  graphqlEndpoint: '/graphql',
  logging: false,
  plugins: [
    {
      onExecute({ setExecuteFn }) {
        setExecuteFn((args) =>
          executor({ document: args.document, variables: args.variableValues, context: args.contextValue }),
        );
      },
    },
  ],
});
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` })}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
// MESH_SCHEMA_FILE: where to write the schema Mesh made of the WSDL, to see its field names.
if (process.env.MESH_SCHEMA_FILE !== undefined) {
  const { printSchema } = await import('graphql');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.MESH_SCHEMA_FILE, printSchema(schema));
}
