// Lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte, with
// Prettier owning the layout (eslint-config-prettier turns the layout rules off).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// What PocketBase's JS engine (goja) puts in scope of pb_hooks/ and pb_migrations/
// (see pocketbase's jsvm types): the app, routing and hook registration, helpers, errors and
// the model classes the hooks construct.
const pocketbaseGlobals = Object.fromEntries(
  [
    '__hooks',
    '$app',
    '$apis',
    '$dbx',
    '$filesystem',
    '$filepath',
    '$http',
    '$mails',
    '$os',
    '$security',
    '$template',
    'arrayOf',
    'cronAdd',
    'cronRemove',
    'migrate',
    // the hook registrations the hooks use
    'onBootstrap',
    'onMailerRecordOTPSend',
    'onMailerRecordPasswordResetSend',
    'onBatchRequest',
    'onRecordAuthWithPasswordRequest',
    'onRecordConfirmPasswordResetRequest',
    'onRealtimeSubscribeRequest',
    'onRecordAfterCreateSuccess',
    'onRecordAfterUpdateSuccess',
    'onRecordAfterDeleteSuccess',
    'onRecordCreate',
    'onRecordCreateRequest',
    'onRecordRequestEmailChangeRequest',
    'onRecordRequestOTPRequest',
    'onRecordUpdate',
    'onRecordUpdateRequest',
    'onRecordViewRequest',
    'onRecordsListRequest',
    'readerToString',
    'routerAdd',
    'routerUse',
    'sleep',
    'toBytes',
    'toString',
    'BadRequestError',
    'BoolField',
    'Collection',
    'DateField',
    'DateTime',
    'DynamicModel',
    'EmailField',
    'ForbiddenError',
    'MailerMessage',
    'Middleware',
    'NotFoundError',
    'NumberField',
    'Record',
    'RelationField',
    'DateField',
    'SelectField',
    'SubscriptionMessage',
    'TextField',
    'TooManyRequestsError',
    'UnauthorizedError',
    'ValidationError',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'node_modules/',
      'src/lib/paraglide/',
      'pb_hooks/lib/vendor/',
      'pb_data/',
      '.pocketbase/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'static/',
    ],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  prettier,
  svelte.configs.prettier,
  {
    // the app runs in browsers, the scripts, tests and configs in Node
    ignores: ['pb_hooks/**', 'pb_migrations/**', 'bench/hooks/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    rules: {
      // `_name` marks a parameter kept for its position (a callback's first argument)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The app is served at the root of its origin (no kit.paths.base, PocketBase serves it),
      // so resolve() around every href and goto() would change no address; turn this back on
      // if the app is ever served under a base path.
      'svelte/no-navigation-without-resolve': 'off',
      // `{' · '}` keeps a space that Svelte 5 drops at the start or end of a block or a tag
      // (`{#if mine} · <strong>` renders "· "): such mustaches are not useless
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  {
    // goja runs these as CommonJS scripts, one handler at a time: require() and module.exports
    files: ['pb_hooks/**/*.js', 'pb_migrations/**/*.js', 'bench/hooks/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.commonjs, ...pocketbaseGlobals },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // PocketBase's convention: `/// <reference path="../pb_data/types.d.ts" />` gives editors
      // the hook API's types; a goja script cannot import them
      '@typescript-eslint/triple-slash-reference': 'off',
      'no-undef': ['error'],
      // eslint-plugin-svelte's wrapper of this core rule crashes on CommonJS scripts under
      // ESLint 10 (it asks for a strict-mode scope that a script has not); no .svelte here
      'svelte/no-inner-declarations': 'off',
    },
  },
  {
    // Playwright's fixtures take their dependencies as an object pattern, `async ({}, use)`
    // when they have none: its documented form
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
