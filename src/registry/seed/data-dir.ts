import { fileURLToPath } from 'node:url';

/** The committed register data (`data/register` in the project root), independent of the working directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data/register/', import.meta.url));
