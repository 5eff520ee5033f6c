import { runGateway } from './gateway/main.ts';
import { runRegistry } from './registry/main.ts';
import { onStop } from './process/on-stop.ts';

// `npm start`: the system on its embedded defaults — the register with the real data on
// https://localhost:8443, and the gateway on http://localhost:4000/graphql reading from it with
// the register's own certificate trusted.
const registry = await runRegistry(process.env);
const gateway = await runGateway({ ...process.env, REGISTRY_URL: registry.url }, { registryCa: registry.ca });

onStop(() => {
  // The gateway first, so nothing it still has in flight loses its register.
  gateway
    .close()
    .then(() => registry.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}, process.env);
