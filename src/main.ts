import { runRegistry } from './registry/main.ts';

// `npm start`: the system on its embedded defaults. For now that is the register alone, on
// https://localhost:8443 with the real data and the demo identities.
const registry = await runRegistry(process.env);
const stop = () => {
  registry.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
