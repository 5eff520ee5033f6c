import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { reportChunkSizes } from './report-sizes.ts';

// `npm run build:web`: the app into web/dist/, which the gateway serves at `/` (src/gateway/web-app/).
// No source maps are served, and nothing is loaded from another host (the page's CSP forbids it).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), reportChunkSizes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The page's CSP has no 'unsafe-inline': keep every asset a file, never a data: URL.
    assetsInlineLimit: 0,
    // The module preload polyfill is inline-free in Vite, but modern Chromium/Firefox/Safari need none.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' } },
});
