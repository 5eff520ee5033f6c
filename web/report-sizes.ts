import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Public pages may load at most this much JavaScript, gzipped (issue 16). */
const PUBLIC_PAGE_MAX_GZIP_BYTES = 250 * 1024;

interface ChunkInfo {
  code: string;
  imports: readonly string[];
  dynamicImports: readonly string[];
  isEntry: boolean;
  name: string;
}

/** A chunk and everything it imports statically, transitively: what the browser loads for it. */
function closure(
  start: string,
  chunks: ReadonlyMap<string, ChunkInfo>,
  into = new Set<string>(),
): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const imported of chunks.get(start)?.imports ?? []) closure(imported, chunks, into);
  return into;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * After a build, prints the JavaScript each page loads (the entry with its static imports; the
 * maintenance page adds its lazily loaded chunk), raw and gzipped, and fails the build when the
 * public pages load more than 250 KB gzipped.
 */
export function reportChunkSizes(): Plugin {
  return {
    name: 'report-chunk-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, output] of Object.entries(bundle))
        if (output.type === 'chunk') chunks.set(fileName, output);
      const size = (files: Iterable<string>) => {
        let raw = 0;
        let gzip = 0;
        for (const file of files) {
          const code = chunks.get(file)?.code ?? '';
          raw += Buffer.byteLength(code);
          gzip += gzipSync(code, { level: 9 }).length;
        }
        return { raw, gzip };
      };
      const lines: string[] = [];
      let publicGzip = 0;
      for (const [fileName, chunk] of chunks) {
        if (!chunk.isEntry) continue;
        const entry = closure(fileName, chunks);
        const publicSize = size(entry);
        publicGzip = Math.max(publicGzip, publicSize.gzip);
        lines.push(
          `  offentlige sider (søgning, institution, nær, eksport): ${kb(publicSize.raw)}, ${kb(publicSize.gzip)} gzip`,
        );
        for (const lazy of chunk.dynamicImports) {
          const withLazy = closure(lazy, chunks, new Set(entry));
          const s = size(withLazy);
          lines.push(
            `  + ${chunks.get(lazy)?.name ?? lazy} (indlæses ved behov): ${kb(s.raw)}, ${kb(s.gzip)} gzip i alt`,
          );
        }
      }
      this.info(`JavaScript per side:\n${lines.join('\n')}`);
      if (publicGzip > PUBLIC_PAGE_MAX_GZIP_BYTES)
        this.error(
          `The public pages load ${kb(publicGzip)} gzipped, more than ${kb(PUBLIC_PAGE_MAX_GZIP_BYTES)}`,
        );
    },
  };
}
