// Lint rules for the whole project. Warnings fail the build (`--max-warnings=0` in `npm run lint`).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The pure core (rdf/, query/, graph/) runs unchanged in Node, workers and the CLI, so it may not
// reach for React, sigma, the DOM-bound layers or the app's state.
const uiOnly = ['react', 'react-dom', 'react-dom/*', 'sigma', 'sigma/*', '@react-sigma/*'];
const pureCore = (layers) => ({
  patterns: [
    { group: uiOnly, message: 'The pure core must not depend on UI libraries.' },
    {
      group: layers.map((l) => `**/${l}/**`),
      message: 'Imports flow one way: ui → state → {graph, layout, query} → rdf.',
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'bench-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**', 'src/state/**', 'src/app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/rdf/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureCore(['query', 'graph', 'layout', 'state', 'ui', 'app', 'cli']),
      ],
    },
  },
  {
    files: ['src/query/**', 'src/graph/**', 'src/remote/**'],
    rules: {
      'no-restricted-imports': ['error', pureCore(['layout', 'state', 'ui', 'app', 'cli'])],
    },
  },
);
