// @ts-check
/**
 * Lint as a guard of the layers (ARCHITECTURE.md), not a style police: typescript-eslint's
 * recommended rules, and import boundaries that fail the build when code reaches across a layer.
 * Formatting is Prettier's job (.prettierrc.json), so no rule here is about layout.
 *
 * The boundaries use ESLint's own rules, no plugin: `no-restricted-imports` for `import … from`,
 * `no-restricted-syntax` for `import()` (which no-restricted-imports does not see), and
 * `no-restricted-globals` for Office.js. Relative specifiers are matched by how many `../` they
 * climb, so each rule is given per folder depth (a file two folders below src/core leaves the core
 * with three `../`).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The libraries the core may use: pure, no I/O, no host. Add one here only if that holds. */
const CORE_LIBRARIES = ['zod', 'pure-rand'];
const TS = '{ts,tsx}';
/** Folder depths below a layer's root that get their own relative-path rules (deeper fails loudly, below). */
const DEPTHS = [0, 1, 2, 3];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const up = (count) => `(\\.\\./){${count}}`;

/** @typedef {{ regex: string, message: string, dynamicToo?: boolean }} Restriction */

/** @type {Record<string, Restriction>} */
const LIBRARIES = {
  react: {
    regex: '^(react|react-dom|@fluentui/[^/]+)(/.*)?$',
    message: 'React and Fluent UI belong to the task pane and browser mode (src/taskpane, src/browser).',
    dynamicToo: true,
  },
  xlsx: {
    regex: '^(exceljs|fflate|saxes)(/.*)?$',
    message: "exceljs, fflate and saxes belong to the xlsx adapter (src/workbook/xlsx); elsewhere, go through the port or the adapter's index.",
    dynamicToo: true,
  },
  node: {
    regex: `^(node:.*|(${builtinModules
      .filter((name) => !name.includes('/'))
      .map(escape)
      .join('|')})(/.*)?)$`,
    message: 'Node built-ins are for the command line and src/workbook/xlsx/xlsxFile.ts: this code also runs in the browser, which has no Node fallbacks.',
    dynamicToo: true,
  },
};

/** @type {(depth: number) => Restriction[]} */
const core = (depth) => [
  {
    regex: `^${up(depth + 1)}(?!\\.\\./templates/.+\\.json$)`,
    message:
      'src/core imports nothing outside src/core (templates/*.json data excepted): adapters, the pane and the CLI depend on the core, never the reverse. What the core needs from a workbook goes in the port, src/core/port.ts.',
    dynamicToo: true,
  },
  {
    regex: `^(?!\\.|(${CORE_LIBRARIES.map(escape).join('|')})(/.*)?$)`,
    message: `src/core is pure TypeScript: of libraries it uses only ${CORE_LIBRARIES.join(' and ')} (no React, exceljs, fflate, saxes, Office or Node). See CORE_LIBRARIES in eslint.config.mjs.`,
    dynamicToo: true,
  },
];

/** @type {(depth: number) => Restriction[]} */
const paneBeyondEntry = (depth) => [
  {
    regex: `^${up(depth + 1)}(workbook|cli|browser)(/|$)`,
    message:
      'The task pane reaches a workbook only through the port (src/core/port.ts, services/paneWorkbook.ts); only its entry point, src/taskpane/index.tsx, picks an adapter.',
    dynamicToo: true,
  },
];

/** @type {Restriction} */
const paneEntryNoXlsx = {
  regex: '^\\.\\./workbook/(?!office/)',
  message:
    "The task pane's entry uses the Office adapter only: the xlsx adapter would bring exceljs into the pane's first load (scripts/firstLoadGuard.js checks the build too).",
  dynamicToo: true,
};

/** Modules in a page's first load may reach the xlsx writer (exceljs) only through import(). */
const firstLoadNoWriter = (regex) => ({
  regex,
  message: "This module is in a page's first load: reach the xlsx writer (exceljs, ~256 KB gzipped) only through import(), so it loads when a file is written.",
});

/** @type {Restriction} */
const adaptersReachOnlyTheCore = {
  regex: '^(\\.\\./)+(taskpane|cli|browser)(/|$)',
  message: 'An adapter depends on the core (src/core/port.ts) only, never on the pane, browser mode or the CLI that use it.',
  dynamicToo: true,
};

/** @type {Restriction[]} */
const cli = [
  {
    regex: '^(\\.\\./)+workbook/xlsx/',
    message: "The command line reaches the xlsx adapter through its front door, '../workbook/xlsx' (src/workbook/xlsx/index.ts).",
    dynamicToo: true,
  },
  {
    regex: '^(\\.\\./)+(workbook/office|taskpane|browser)(/|$)',
    message: 'The command line uses the core and the xlsx adapter; the Office adapter, the pane and browser mode are for Excel and the browser.',
    dynamicToo: true,
  },
];

/**
 * One config object per group of files: flat config replaces (does not merge) a rule's options
 * when two objects match a file, so every file must fall in exactly one group below.
 * @param {string[]} files
 * @param {Restriction[]} restrictions
 * @param {string[]} [ignores]
 */
function layer(files, restrictions, ignores = []) {
  const dynamic = restrictions.filter((r) => r.dynamicToo);
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
      'no-restricted-syntax': [
        'error',
        ...dynamic.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`, message })),
      ],
    },
  };
}

const atDepth = (root, depth) => `${root}/${'*/'.repeat(depth)}*.${TS}`;

export default defineConfig([
  { ignores: ['dist/', 'demo/', 'coverage/', 'test-output/', '**/test-output/'] },

  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },

  {
    files: [`**/*.${TS}`],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_` marks a parameter a signature requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/naming-convention': ['error', { selector: 'typeLike', format: ['PascalCase'] }],
    },
  },
  { files: [`test/**/*.${TS}`], languageOptions: { globals: { ...globals.jest, ...globals.node } } },
  {
    // The Excel stand-in mimics Office's `chart.title.text` with accessors in an object literal,
    // whose `this` is the literal: the chart proxy has to be reached by another name.
    files: [`test/support/**/*.${TS}`],
    rules: { '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['chart'] }] },
  },

  // The layers. Depth 0 is a file directly in the folder.
  ...DEPTHS.map((depth) => layer([atDepth('src/core', depth)], core(depth))),
  layer(
    [`src/workbook/office/**/*.${TS}`],
    [LIBRARIES.react, LIBRARIES.xlsx, LIBRARIES.node, adaptersReachOnlyTheCore, firstLoadNoWriter('^(\\.\\./)+xlsx(/|$)')],
  ),
  layer([`src/workbook/xlsx/**/*.${TS}`], [LIBRARIES.react, LIBRARIES.node, adaptersReachOnlyTheCore], ['src/workbook/xlsx/xlsxFile.ts']),
  layer(['src/workbook/xlsx/xlsxFile.ts'], [LIBRARIES.react, adaptersReachOnlyTheCore]),
  ...DEPTHS.map((depth) => layer([atDepth('src/taskpane', depth)], [LIBRARIES.xlsx, LIBRARIES.node, ...paneBeyondEntry(depth)], ['src/taskpane/index.tsx'])),
  layer(['src/taskpane/index.tsx'], [LIBRARIES.xlsx, LIBRARIES.node, paneEntryNoXlsx]),
  layer([`src/browser/**/*.${TS}`], [LIBRARIES.xlsx, LIBRARIES.node, firstLoadNoWriter('^(\\.\\./)+workbook/xlsx(/writing(/|$)|/?$)')]),
  layer([`src/cli/**/*.${TS}`], [LIBRARIES.react, ...cli]),
  {
    files: [`src/**/*.${TS}`],
    ignores: [`src/workbook/office/**`],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension', 'OfficeRuntime'].map((name) => ({
          name,
          message: `Office.js (${name}) is touched only in src/workbook/office; elsewhere use the port (src/core/port.ts).`,
        })),
      ],
    },
  },
  {
    // The relative-path rules above are written per depth; a deeper file would escape them.
    files: [`src/core/${'*/'.repeat(DEPTHS.length)}**/*.${TS}`, `src/taskpane/${'*/'.repeat(DEPTHS.length)}**/*.${TS}`],
    rules: { 'no-restricted-syntax': ['error', { selector: 'Program', message: `Nested deeper than eslint.config.mjs's DEPTHS cover: add a depth there.` }] },
  },
]);
