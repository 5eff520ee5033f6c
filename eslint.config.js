// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const inside = (file, folder) => relative(root, file).split(sep).join('/').startsWith(folder);

/**
 * The two programs' boundary (style.md habit 6), resolved on real paths so that no folder name is
 * mistaken for another: `src/registry/` and `src/gateway/` never import each other (they share only
 * the WSDL), and inside the gateway only `soap-client/` imports `soap`.
 */
const programBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (inside(file, 'src/gateway/') && !inside(file, 'src/gateway/soap-client/')) {
        if (source === 'soap' || source.startsWith('soap/')) {
          context.report({ node, message: 'Only src/gateway/soap-client/ imports soap.' });
        }
      }
      if (!source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      if (inside(file, 'src/gateway/') && inside(target, 'src/registry/')) {
        context.report({
          node,
          message: 'The gateway never imports the register: they share only the WSDL.',
        });
      }
      if (inside(file, 'src/registry/') && inside(target, 'src/gateway/')) {
        context.report({ node, message: 'The register never imports the gateway.' });
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

/**
 * The gateway's folders, one meaning each (`src/gateway/<folder>/`), and what each may import of the
 * others, checked on resolved paths. A folder lists either what it may import (`allow`: everything
 * else of the gateway is refused) or what it must not (`deny`). Tests are exempt: they wire real
 * pieces together, as `dependencies.ts` does. Each rule says why.
 */
const GATEWAY_FOLDERS = [
  {
    folder: 'domain/',
    allow: ['domain/', 'assert-never.ts'],
    why: 'the domain (records, filters, order, rank) is pure: it knows nothing of where records come from or who asks',
  },
  {
    folder: 'ports/',
    allow: ['ports/', 'domain/', 'assert-never.ts'],
    why: 'ports say what the gateway needs of the register in domain words, never how an adapter or cache provides it',
  },
  {
    folder: 'loaders/',
    allow: ['loaders/', 'ports/', 'domain/', 'assert-never.ts', 'errors.ts'],
    why: 'loaders read through the RegisterReader port, whichever reader (live model or TTL cache) was chosen at start',
  },
  {
    folder: 'writes/',
    allow: ['writes/', 'ports/', 'domain/', 'assert-never.ts', 'errors.ts'],
    why: 'the write service is the one write path for any API: GraphQL maps onto it, never the other way round',
  },
  {
    folder: 'login-guard/',
    allow: ['login-guard/', 'ports/', 'errors.ts'],
    why: 'the login guard is a policy over counters; where the counters live (process, Redis) is handed in',
  },
  {
    folder: 'graphql/',
    deny: ['soap-client/', 'read-model/'],
    why: "resolvers reach the register through ports, loaders and writes; which adapter and cache serve them is dependencies.ts's choice",
  },
  {
    folder: 'read-model/',
    deny: ['graphql/', 'soap-client/', 'loaders/', 'writes/', 'http/'],
    why: 'the read model implements RegisterReader over the RegisterClient port: it knows neither the API nor SOAP',
  },
  {
    folder: 'soap-client/',
    deny: ['graphql/', 'read-model/', 'loaders/', 'writes/'],
    why: 'the SOAP adapter implements the ports and knows none of their users',
  },
];

const gatewayFolders = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    if (!inside(file, 'src/gateway/') || file.endsWith('.test.ts')) return {};
    const from = relative(resolve(root, 'src/gateway'), file).split(sep).join('/');
    const rule = GATEWAY_FOLDERS.find((r) => from.startsWith(r.folder));
    if (rule === undefined) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      if (!inside(target, 'src/gateway/')) return;
      const to = relative(resolve(root, 'src/gateway'), target).split(sep).join('/');
      const refused =
        rule.allow !== undefined
          ? !rule.allow.some((prefix) => to.startsWith(prefix))
          : rule.deny.some((prefix) => to.startsWith(prefix));
      if (refused) {
        context.report({ node, message: `src/gateway/${rule.folder} does not import ${to}: ${rule.why}.` });
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'var/',
      'src/gateway/graphql/generated/',
      'web/dist/',
      'web/src/gql/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    // The house boundaries (style.md habit 6): SQLite only in the store, the register never imports the gateway.
    files: ['src/**/*.ts'],
    ignores: ['src/registry/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'Only src/registry/store/ talks to SQLite.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries: { rules: { programs: programBoundaries, 'gateway-folders': gatewayFolders } } },
    rules: { 'boundaries/programs': 'error', 'boundaries/gateway-folders': 'error' },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
