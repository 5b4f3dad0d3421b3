// Lint rules that hold the architecture in place (README "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

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

/** The one raw-IPC rule every folder keeps (main/ipc and the preload are exempt). */
const RAW_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use main/ipc (typed, validated) or the preload.',
};

/**
 * A relative import that reaches one of `folders` of main/ from anywhere below it (`../host/x`, `../../services/y`).
 * Relative imports are the only way across main/ (the one alias is `@core/*`).
 */
function reaches(folders) {
  return `^(\\.\\./)+(${folders.join('|')})(/|$)`;
}

/**
 * The renderer computes no money figure: a sum, a difference, a share, a scaling or a comparison of amounts is
 * core's (it comes with the account's answer). These selectors catch arithmetic on a name ending in `Micros`
 * (`balanceMicros`, `e.micros`, `totals.dayMicros`), directly or through `Math.*`. Converting an amount to a
 * pixel or to text goes through core (`fromMicros`, `formatMoney`), which is not arithmetic here.
 */
const MONEY_NAME = '/micros$/i';
const ARITHMETIC = '/^([-+*/%]|[<>]=?|\\*\\*)$/';
const NO_MONEY_ARITHMETIC = [
  ...['left', 'right'].flatMap((side) => [
    `BinaryExpression[operator=${ARITHMETIC}][${side}.name=${MONEY_NAME}]`,
    `BinaryExpression[operator=${ARITHMETIC}][${side}.property.name=${MONEY_NAME}]`,
  ]),
  `AssignmentExpression[operator=/^[-+*/%]=$/][left.name=${MONEY_NAME}]`,
  `AssignmentExpression[operator=/^[-+*/%]=$/][left.property.name=${MONEY_NAME}]`,
  `AssignmentExpression[operator=/^[-+*/%]=$/][right.name=${MONEY_NAME}]`,
  `AssignmentExpression[operator=/^[-+*/%]=$/][right.property.name=${MONEY_NAME}]`,
  `CallExpression[callee.object.name='Math'] > Identifier.arguments[name=${MONEY_NAME}]`,
  `CallExpression[callee.object.name='Math'] > MemberExpression.arguments[property.name=${MONEY_NAME}]`,
].map((selector) => ({
  selector,
  message:
    'The renderer computes no money figure: compute it in main/core (with the account’s answer) and only format it here.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [RAW_IPC] }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
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
          patterns: [
            { group: ['node:*'], message: 'main/core is pure: no Node built-ins.' },
            {
              regex: reaches(['services', 'app', 'host', 'electron', 'ipc', 'commands', 'simulator']),
              message: 'main/core is pure: effects live in the folders that import it, never the other way.',
            },
          ],
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
    // The application layer runs under both hosts, so it cannot know either of them.
    files: ['main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'main/app runs under both hosts: Electron lives in main/electron.' },
          ],
          patterns: [
            {
              regex: reaches(['host', 'electron', 'ipc']),
              message: 'main/app runs under both hosts: the hosts import it, never the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services are the effects the application composes; they never reach back up into it.
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Services run in plain Node: Electron lives in main/electron.' },
          ],
          patterns: [
            {
              regex: reaches(['app', 'host', 'electron', 'ipc', 'commands']),
              message: 'main/services is composed by main/app and the hosts; it never imports them.',
            },
          ],
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
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandboxed page.' },
            {
              regex: '(^|/)main/(services|app|host|electron|ipc|commands|simulator)(/|$)',
              message: 'The renderer talks only to CreditwatchApi; it shares only main/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
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
      'no-restricted-syntax': ['error', ...NO_MONEY_ARITHMETIC],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the injected CreditwatchApi.' }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'creditwatch', message: 'Use the injected CreditwatchApi.' },
      ],
    },
  },
);
