import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import kebabCaseFilename from './scripts/eslint-rules/kebab-case-filename.js';
import noImportCycle from './scripts/eslint-rules/no-import-cycle.js';

const skylab = { rules: { 'kebab-case-filename': kebabCaseFilename, 'no-import-cycle': noImportCycle } };

const PURE = ['packages/validation/src/**/*.ts', 'packages/emulator/src/**/*.ts', 'packages/lab-engine/src/**/*.ts'];
const TESTS = ['**/*.test.ts', '**/test/**'];

// Which workspace may import which (DESIGN §1): validation ← emulator ← lab-engine ← apps; db only for apps.
const SKYLAB = ['validation', 'emulator', 'lab-engine', 'db', 'api', 'web', 'cli'];
const MAY_IMPORT = {
  'packages/validation': [],
  'packages/emulator': ['validation'],
  'packages/lab-engine': ['validation', 'emulator'],
  'packages/db': [],
  'apps/api': ['validation', 'emulator', 'lab-engine', 'db'],
  'apps/web': ['validation', 'emulator', 'lab-engine'],
  'apps/cli': ['validation', 'emulator', 'lab-engine', 'db', 'api'],
};

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'buffer', 'events', 'worker_threads'];

function layeringPatterns(dir, allowed) {
  const forbidden = SKYLAB.filter((name) => !allowed.includes(name) && dir !== `packages/${name}` && dir !== `apps/${name}`);
  return [
    { group: forbidden.map((name) => `@skylab/${name}`), message: `${dir} may import only ${allowed.map((n) => `@skylab/${n}`).join(', ') || 'no other workspace'} (DESIGN §1)` },
    { group: ['**/apps/*', '**/apps/**'], message: 'nothing imports from apps/ (DESIGN §1)' },
    ...(dir === 'packages/db' ? [] : [{ group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/*'], message: 'only @skylab/db talks to the database' }]),
  ];
}

const PURE_PATTERNS = [
  // The patterns match path segments anywhere, so `crypto` would also catch @oslojs/crypto: pure JS
  // that runs everywhere, which the emulator uses for SigV4.
  { group: [...NODE_BUILTINS, '!@oslojs/crypto', '!@oslojs/crypto/*'], message: 'the pure packages may not import Node built-ins (DESIGN §1)' },
  { group: ['hono', 'hono/*'], message: 'the pure packages know nothing of HTTP (DESIGN §1)' },
];

// The AGPL simulator is a dev dependency for the side-by-side benchmark: nothing that ships may load it (STACK.md).
const DIFFERENTIAL_TEST = 'packages/emulator/src/iam/authorize/golden/differential.test.ts';
const AGPL_PATTERNS = [{ group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-policy/*', '@cloud-copilot/iam-utils', '@cloud-copilot/iam-utils/*'], message: 'AGPL: benchmark only' }];

/** One block per workspace for its imports; sources lose the AGPL packages, the pure packages' sources also Node built-ins. */
function layering([dir, allowed]) {
  const blocks = [
    { files: [`${dir}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns: layeringPatterns(dir, allowed) }] } },
    { files: [`${dir}/src/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns: [...layeringPatterns(dir, allowed), ...AGPL_PATTERNS] }] } },
  ];
  if (PURE.some((glob) => glob.startsWith(`${dir}/`))) {
    blocks.push({
      files: [`${dir}/src/**/*.ts`],
      ignores: TESTS,
      rules: { 'no-restricted-imports': ['error', { patterns: [...layeringPatterns(dir, allowed), ...PURE_PATTERNS, ...AGPL_PATTERNS] }] },
    });
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.reports/**', '.wrangler/**', '.turbo/**', 'migrations/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { skylab },
    rules: {
      'skylab/kebab-case-filename': 'error',
      'skylab/no-import-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
    },
  },
  { files: ['apps/web/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  ...Object.entries(MAY_IMPORT).flatMap(layering),
  {
    // The one test that may load the AGPL simulator: the IAM golden cases through both engines (issue 12).
    // A test file, never imported by anything that ships; the layering rules still apply to it.
    files: [DIFFERENTIAL_TEST],
    rules: { 'no-restricted-imports': ['error', { patterns: layeringPatterns('packages/emulator', MAY_IMPORT['packages/emulator']) }] },
  },
  {
    // The pure core runs unchanged in Node, workerd and the browser, and replays bit for bit: no runtime, no clock, no chance.
    files: PURE,
    ignores: TESTS,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error',
        { name: 'process', message: 'the pure packages take configuration as arguments, never from `process`' },
        { name: 'console', message: 'the pure packages return findings and explanations instead of logging' },
        { name: 'fetch', message: 'the pure packages do no I/O' },
        { name: 'require', message: 'use ES imports' },
        { name: 'Buffer', message: 'use Uint8Array: Buffer is Node-only' },
        { name: 'setTimeout', message: 'time comes from the injected clock' },
        { name: 'setInterval', message: 'time comes from the injected clock' },
        { name: 'performance', message: 'time comes from the injected clock' },
        { name: 'crypto', message: 'randomness comes from the injected ids' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'time comes from the injected clock (`ctx.clock.now()`)' },
        { object: 'Math', property: 'random', message: 'randomness comes from the injected ids or a seeded generator' },
        { object: 'globalThis', property: 'process', message: 'the pure packages take configuration as arguments' },
        { object: 'globalThis', property: 'fetch', message: 'the pure packages do no I/O' },
        { object: 'globalThis', property: 'console', message: 'the pure packages do not log' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: '`new Date()` reads the real clock: use `ctx.clock.now()`' },
        { selector: "CallExpression[callee.name='Date']", message: '`Date()` reads the real clock: use `ctx.clock.now()`' },
      ],
    },
  },
);
