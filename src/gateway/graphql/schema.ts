import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** schema.graphql at the project root: the contract, the server's typeDefs and codegen's input. */
export function loadTypeDefs(): string {
  return readFileSync(fileURLToPath(new URL('../../../schema.graphql', import.meta.url)), 'utf8');
}
