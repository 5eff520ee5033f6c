import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const web = fileURLToPath(new URL('../web', import.meta.url));
/** What the web app is built from; a change to any of them makes web/dist stale. */
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'report-sizes.ts'];

const newest = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const builtAt = (): number | null => {
  try {
    return statSync(join(web, 'dist', 'index.html')).mtimeMs;
  } catch {
    return null;
  }
};

/**
 * Builds the web app into web/dist when that is missing or older than any of its sources; says
 * why it builds. `npm start` and the browser tests use it; `npm run build` always builds.
 */
export async function buildWebIfStale(log: (line: string) => void): Promise<void> {
  const at = builtAt();
  if (at !== null && at >= Math.max(...SOURCES.map((name) => newest(join(web, name))))) return;
  log(
    at === null ? 'web app not built yet: building web/dist' : 'web app sources changed: rebuilding web/dist',
  );
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
}
