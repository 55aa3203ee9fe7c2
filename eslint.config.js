import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import zones from './eslint-rules/zones.js';

const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

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
  // Zones (README "Zones"): where each runtime's code may reach with a relative import. The TypeScript
  // project per zone (tsconfig.<zone>.json) keeps the globals apart; these keep the imports apart.
  { plugins: { zones } },
  {
    files: ['shared/**'],
    ignores: testFiles,
    rules: { 'zones/imports': ['error', { zone: 'shared/', allow: ['shared/'] }] },
  },
  {
    // Tests of shared code may read the bundled framework as a fixture, and nothing else outside shared/.
    files: testFiles.map((f) => `shared/${f}`),
    rules: { 'zones/imports': ['error', { zone: 'A shared/ test', allow: ['shared/', 'resources/frameworks/'] }] },
  },
  {
    files: ['renderer/src/**'],
    rules: {
      'zones/imports': [
        'error',
        {
          zone: 'renderer/src/',
          // Fonts are bundled by Vite as asset URLs for the report preview.
          allow: ['renderer/src/', 'shared/', 'resources/fonts/'],
          deny: [{ folder: 'electron/', because: 'the renderer reaches the services only through the typed client (api/client).' }],
        },
      ],
    },
  },
  {
    files: ['electron/services/**', 'electron/cli/**'],
    rules: {
      'zones/imports': [
        'error',
        {
          deny: [
            { folder: 'renderer/', because: 'the Node side never depends on the UI.' },
            {
              folder: 'electron/main/',
              because: 'services and the CLI run without Electron; the Electron host depends on them, not the reverse.',
            },
            { folder: 'electron/preload/', because: 'services and the CLI run without Electron.' },
            { folder: 'electron/browser-host/', because: 'a host depends on the services, not the reverse.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/hosting/**'],
    ignores: testFiles,
    rules: { 'zones/imports': ['error', { zone: 'electron/hosting/ (what both hosts share)', allow: ['electron/hosting/', 'shared/'] }] },
  },
  {
    files: ['electron/browser-host/**'],
    rules: {
      'zones/imports': [
        'error',
        {
          deny: [
            { folder: 'renderer/', because: 'the browser host serves the built renderer, it never imports it.' },
            { folder: 'electron/main/', because: 'the hosts share code through electron/hosting/ only.' },
            { folder: 'electron/preload/', because: 'the browser host runs without Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'zones/imports': [
        'error',
        {
          deny: [
            { folder: 'renderer/', because: 'the main process loads the built renderer, it never imports it.' },
            { folder: 'electron/browser-host/', because: 'the hosts share code through electron/hosting/ only.' },
            { folder: 'electron/cli/', because: 'the CLI is another host; shared behaviour belongs in the services.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'zones/imports': ['error', { zone: 'electron/preload/', allow: ['electron/preload/', 'shared/'] }] },
  },
);
