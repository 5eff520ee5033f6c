import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One built file of the web app, read into memory at start. */
export interface StaticFile {
  /** The URL path it is served at, e.g. `/assets/index-abc123.js`. */
  path: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) yield* walk(file);
    else yield file;
  }
}

/**
 * Every file of a Vite build folder that has a known content type (source maps and the like are
 * not served); an empty list when the folder does not exist.
 */
export function readStaticFiles(dir: string): StaticFile[] {
  let files: string[];
  try {
    files = [...walk(dir)];
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const contentType = CONTENT_TYPES[extname(file)];
    if (contentType === undefined) return [];
    const path = `/${relative(dir, file).split(sep).join('/')}`;
    return [{ path, contentType, body: readFileSync(file) }];
  });
}
