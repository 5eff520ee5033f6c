import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Once per `vitest run`: the browser tests drive the built web app and the start tests run the
 * compiled servers, so build whichever is missing or stale (the stale check `npm start` runs).
 */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), 'if-stale'],
    {
      stdio: 'inherit',
    },
  );
}
