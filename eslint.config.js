/**
 * Lint, and the layers of DESIGN §2.1 as import boundaries. Each zone below is one line of that
 * table: who may import what. `npm run lint` runs this with zero warnings allowed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const ROOT = import.meta.dirname
const abs = (path) => join(ROOT, path)
const folders = (path) =>
  existsSync(abs(path)) ? readdirSync(abs(path)).filter((name) => statSync(abs(join(path, name))).isDirectory()) : []

/** Core's features: every folder of src/core but the shared infrastructure. */
const CORE_INFRASTRUCTURE = ['api', 'common', 'db', 'testing']
const CORE_FEATURES = folders('src/core').filter((name) => !CORE_INFRASTRUCTURE.includes(name))
const RENDERER_FEATURES = folders('src/renderer/src/features')

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'src/core/testing/**', 'src/shared/testing/**', 'tests/**']

/** Zones that hold for every file in src, tests included. */
const everywhere = [
  { target: 'src', from: ['tests', 'scripts'], message: 'Nothing in src imports tests or scripts.' },
  {
    target: 'src/shared',
    from: ['src/core', 'src/main', 'src/preload', 'src/renderer', 'tests', 'scripts'],
    message: 'shared is pure and imports only shared (and zod).',
  },
  { target: 'src/core', from: ['src/main', 'src/preload', 'src/renderer'], message: 'core knows nothing of the shell or the screen.' },
  { target: 'src/renderer', from: ['src/core', 'src/main'], message: 'The renderer reaches core only through window.pos.' },
]

/** Zones for the app's own code (tests may reach into what they test). */
const layers = [
  ...everywhere,
  { target: 'src', from: ['src/core/testing', 'src/shared/testing'], message: 'Only tests import the test helpers and fixtures.' },
  ...['src/core/common', 'src/core/db'].map((target) => ({
    target,
    from: [...CORE_FEATURES.map((feature) => `src/core/${feature}`), 'src/core/api', 'src/core/testing', 'src/core/backend.ts'],
    message: 'core/common and core/db import no feature.',
  })),
  ...CORE_FEATURES.map((feature) => ({
    target: `src/core/${feature}`,
    from: [`${abs('src/core')}/**`],
    except: [
      ...new Set([`${abs(`src/core/${feature}`)}/**`, `${abs('src/core/audit')}/**`]),
      `${abs('src/core/common')}/**`,
      `${abs('src/core/db')}/**`,
      `${abs('src/core')}/*/*.service.ts`,
      `${abs('src/core/api')}/policy.{ts,tsx}`,
    ],
    message: "A feature imports core/common, core/db, core/audit, the role policy and other features' *.service.ts.",
  })),
  {
    target: 'src/core/api',
    from: [`${abs('src/core')}/**`],
    except: [`${abs('src/core/api')}/**`, `${abs('src/core/common')}/**`, `${abs('src/core/db')}/**`, `${abs('src/core')}/*/*.handlers.ts`],
    message: 'core/api imports the features’ handlers only.',
  },
  {
    target: 'src/main',
    from: [`${abs('src/core')}/**`],
    except: [`${abs('src/core')}/backend.{ts,tsx}`],
    message: 'main imports core/backend.ts only.',
  },
  {
    target: ['src/renderer/src/ui', 'src/renderer/src/platform'],
    from: ['src/renderer/src/features', 'src/renderer/src/app'],
    message: 'ui and platform import no feature.',
  },
  ...RENDERER_FEATURES.map((feature) => ({
    target: `src/renderer/src/features/${feature}`,
    from: [`${abs('src/renderer/src')}/{app,features}/**`],
    except: [`${abs(`src/renderer/src/features/${feature}`)}/**`, `${abs('src/renderer/src/features')}/*/public.ts`],
    message: "A renderer feature imports ui, platform, shared and other features' public.ts.",
  })),
]

const ELECTRON_ONLY_IN_SHELL = { name: 'electron', message: 'Only src/main and src/preload may import electron.' }

/** Calls that open a transaction or change a statement's mode: only the write door and the statement registry make them. */
const DATABASE_DOOR = [
  { selector: "CallExpression[callee.property.name='transaction']", message: 'Open a transaction through write() in core/db/tx.ts.' },
  { selector: "CallExpression[callee.property.name='transactional']", message: 'Open a transaction through write() in core/db/tx.ts.' },
  {
    selector: "CallExpression[callee.property.name='pluck']",
    message: "Give a named statement mode 'value' or 'values' (core/db/statements.ts).",
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'bench-results/**', 'test-results/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: layers }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/**', 'src/preload/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [ELECTRON_ONLY_IN_SHELL] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON_ONLY_IN_SHELL, { name: 'react', message: 'shared is pure TypeScript.' }],
          patterns: [{ regex: '^node:', message: 'shared runs in the renderer too: no Node modules.' }],
        },
      ],
    },
  },
  {
    // The sandboxed preload bundles nothing but the channel names (types are free).
    files: ['src/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#shared/(?!ipc/channel-names$)', allowTypeImports: true, message: 'The preload imports only channel-names.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...TEST_FILES, 'src/core/db/tx.ts', 'src/core/db/statements.ts'],
    rules: { 'no-restricted-syntax': ['error', ...DATABASE_DOOR] },
  },
  {
    files: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: everywhere }] },
  },
)
