import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  paths: [
    {
      name: 'electron',
      message: 'Only electron/main and electron/preload may import Electron: services and shared code run under plain Node too.',
    },
  ],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import Electron.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Services and shared code must never depend on Electron: they run in the browser host, the CLI and tests.
    files: ['electron/services/**', 'electron/browser-host/**', 'electron/cli/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', electronImport] },
  },
  {
    // shared/ runs in the renderer too: no Node built-ins.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['node:*', 'fs', 'path', 'crypto', 'os'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer is untrusted UI: it reaches the services only through the typed client.
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            ...electronImport.patterns,
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/electron/services/**'], message: 'The renderer talks to services through api/client only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
