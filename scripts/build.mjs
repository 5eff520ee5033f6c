// @ts-check
/*
 * The build and its stale check, in plain JavaScript: `npm start`, `npm run registry` and
 * `npm run gateway` run it on every start, before anything is compiled, on Node 20 (which cannot
 * strip types) — through tsx it would cost a module loader on each start. Type-checked all the
 * same (`// @ts-check`, tsconfig.scripts.json).
 *
 *   node scripts/build.mjs server            compile src/ to dist/ (tsc) and copy its other files
 *   node scripts/build.mjs web               build the web app into web/dist (vite)
 *   node scripts/build.mjs if-stale [what…]  build each of `server`, `web` (default: both) that is
 *                                            missing or older than any of its sources
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} Target
 * @property {string} builtAt the file whose modification time says when it was last built
 * @property {readonly string[]} sources what it is built from, files or folders, relative to the root
 * @property {() => Promise<void>} build
 */

/**
 * The newest modification time under `path` (a file, or a folder read recursively), tests left
 * out (the build leaves them out too); 0 if absent.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * When `file` was written, or null when it is not there.
 * @param {string} file
 * @returns {number | null}
 */
function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * The server: tsc into a fresh folder beside dist/, the files tsc does not emit (WSDL, XSD, the
 * playground's static files) copied to the same places, then swapped in at once, so that a server
 * starting meanwhile never loads half a build. dist/ mirrors src/, so a file found relative to
 * its module (`new URL('./wsdl/…', import.meta.url)`, `../../../schema.graphql`) is found from both.
 */
async function buildServer() {
  const next = join(root, `dist.building-${process.pid}`);
  const old = join(root, `dist.old-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', next], {
    cwd: root,
    stdio: 'inherit',
  });
  const src = join(root, 'src');
  cpSync(src, next, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith('.ts'),
  });
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(join(root, 'dist'), old);
  } catch {
    // no earlier build
  }
  renameSync(next, join(root, 'dist'));
  rmSync(old, { recursive: true, force: true });
}

/** The web app, as `npm run build:web` builds it (without its type check: that is `npm run check`'s). */
async function buildWeb() {
  // Loaded only when the web app is stale: vite is big, and a start with nothing to build skips it.
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** @type {Record<string, Target>} */
const TARGETS = {
  server: {
    builtAt: 'dist/.built',
    sources: ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'],
    build: buildServer,
  },
  web: {
    builtAt: 'web/dist/index.html',
    sources: ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'web/report-sizes.ts'],
    build: buildWeb,
  },
};

/**
 * Why `name` must be built, or null when its build is newer than all of its sources.
 * @param {string} name
 */
export function staleness(name) {
  const target = TARGETS[name];
  if (target === undefined) throw new Error(`unknown build target ${name}; one of ${Object.keys(TARGETS)}`);
  const at = modifiedAt(join(root, target.builtAt));
  if (at === null) return 'not built yet';
  const changed = target.sources.find((source) => newest(join(root, source)) > at);
  return changed === undefined ? null : `${changed} changed`;
}

/**
 * Builds each named target that is stale, saying why on stderr (stdout is the servers' log).
 * @param {readonly string[]} names
 */
export async function buildIfStale(names) {
  for (const name of names) {
    const why = staleness(name);
    if (why === null) continue;
    const target = TARGETS[name];
    if (target === undefined) continue;
    process.stderr.write(
      `build ${name}: ${why}; building ${relative(root, dirname(join(root, target.builtAt)))}/\n`,
    );
    await target.build();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command = '', ...rest] = process.argv.slice(2);
  if (command === 'if-stale') {
    await buildIfStale(rest.length === 0 ? Object.keys(TARGETS) : rest);
  } else if (TARGETS[command] !== undefined) {
    await TARGETS[command].build();
  } else {
    process.stderr.write('usage: node scripts/build.mjs server | web | if-stale [server] [web]\n');
    process.exit(2);
  }
}
