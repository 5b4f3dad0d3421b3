// Lint rules that hold the architecture in place (README "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'crypto',
  'child_process',
  'url',
  'util',
  'stream',
  'events',
  'timers',
  'zlib',
  'worker_threads',
  'process',
  'buffer',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use main/ipc (typed, validated) or the preload.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure domain: no Electron, no Node built-ins, no storage, no clock, no randomness.
    files: ['main/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb', 'lowdb/node', 'node-cron', 'openai', ...NODE_BUILTINS].map((name) => ({
            name,
            message: 'main/core is pure: pass effects in from main/services.',
          })),
          patterns: [{ group: ['node:*'], message: 'main/core is pure: no Node built-ins.' }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'main/core takes nowMs from its caller.' },
        { object: 'Math', property: 'random', message: 'main/core takes a seeded random from its caller.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'main/core takes nowMs from its caller.',
        },
      ],
    },
  },
  {
    // Only main/ipc and the preload may touch raw IPC.
    files: ['main/ipc/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb', 'openai'].map((name) => ({
            name,
            message: 'The renderer talks only to CreditwatchApi.',
          })),
          patterns: [{ group: ['node:*'], message: 'The renderer runs in a sandboxed page.' }],
        },
      ],
    },
  },
  {
    // Components receive the API by context; only the composition root and api/ may reach window or fetch.
    files: [
      'renderer/components/**/*.tsx',
      'renderer/pages/**/*.tsx',
      'renderer/hooks/**/*.ts',
      'renderer/view-models/**/*.ts',
    ],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the injected CreditwatchApi.' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'creditwatch', message: 'Use the injected CreditwatchApi.' },
      ],
    },
  },
);
