// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const inside = (file, folder) => relative(root, file).split(sep).join('/').startsWith(folder);

/**
 * The two programs' boundary (style.md habit 6), resolved on real paths so that the gateway's own
 * `registry/` folder is not mistaken for the register: `src/registry/` and `src/gateway/` never
 * import each other, and inside the gateway only `soap-client/` imports `soap`.
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
    plugins: { boundaries: { rules: { programs: programBoundaries } } },
    rules: { 'boundaries/programs': 'error' },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
