import { ownOriginPolicy } from '../http/content-security-policy.ts';
import type { PlaygroundAssets } from './assets.ts';
import type { PlaygroundExample } from './examples.ts';

/** The page's Content-Security-Policy: the gateway's own, widened only where GraphiQL needs it. */
export const PLAYGROUND_CSP = ownOriginPolicy({
  // GraphiQL's dialogs (Radix, through react-remove-scroll) add a <style> element at run time.
  'style-src': "'self' 'unsafe-inline'",
  'font-src': "'self' data:",
});

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Builds the playground's HTML page: GraphiQL from `assets`, talking to `graphqlPath`, opening on `examples`. */
export function buildPlaygroundPage(options: {
  assets: PlaygroundAssets;
  graphqlPath: string;
  examples: readonly PlaygroundExample[];
}): string {
  const { assets } = options;
  // A JSON data block is never executed, so the CSP allows it; `<` escaped so that no string can close it.
  const examples = JSON.stringify(options.examples).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Dagtilbud GraphQL playground</title>
    <link rel="icon" href="data:,">
${assets.styles.map((s) => `    <link rel="stylesheet" href="${escapeHtml(s.path)}">`).join('\n')}
${assets.scripts.map((s) => `    <script defer src="${escapeHtml(s.path)}"></script>`).join('\n')}
    <script type="module" src="${escapeHtml(assets.entry.path)}"></script>
  </head>
  <body>
    <div id="graphiql" data-endpoint="${escapeHtml(options.graphqlPath)}" data-graphql-ws="${escapeHtml(assets.modules[0]?.path ?? '')}">Loading the playground…</div>
    <script type="application/json" id="playground-examples">${examples}</script>
  </body>
</html>
`;
}
