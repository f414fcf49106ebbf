// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules the pure cores must never import: I/O, processes, networks, drivers, loggers. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'child_process',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'cluster',
  'worker_threads',
  'os',
  'readline',
  'process',
  'v8',
  'vm',
].flatMap((m) => [m, `node:${m}`]);
const DRIVERS_AND_ADAPTERS = [
  'sharp',
  'exifr',
  'exiftool-vendored',
  'better-sqlite3',
  'pg',
  'kysely',
  'pino',
  '@contentauth/*',
  'heic-decode',
  'libheif-js',
  '@proofdesk/server',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'fixtures/**',
      'data/**',
      '**/*.js',
      '**/*.mjs',
      'apps/server/bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` string union, not an enum.' },
      ],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({
            name,
            message: 'The cores are pure: no I/O. Put this in an adapter in apps/server.',
          })),
          patterns: [
            { group: DRIVERS_AND_ADAPTERS, message: 'The cores are pure: drivers and adapters belong in apps/server.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The cores never read process or process.env.' }],
      'no-console': 'error',
    },
  },
);
