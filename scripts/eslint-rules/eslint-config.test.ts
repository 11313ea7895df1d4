import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import noImportCycle from './no-import-cycle.js';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the design rules', () => {
  it.each([
    ['packages/emulator/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no-restricted-imports'],
    ['packages/validation/src/x.ts', "import { join } from 'path';\nexport const a = join;\n", 'no-restricted-imports'],
    ['packages/lab-engine/src/x.ts', 'export const a = Date.now();\n', 'no-restricted-properties'],
    ['packages/emulator/src/x.ts', 'export const a = Math.random();\n', 'no-restricted-properties'],
    ['packages/emulator/src/x.ts', 'export const a = new Date();\n', 'no-restricted-syntax'],
    ['packages/emulator/src/x.ts', "console.log('a');\n", 'no-restricted-globals'],
    ['packages/emulator/src/x.ts', 'export const a = process.env;\n', 'no-restricted-globals'],
    ['packages/lab-engine/src/x.ts', "export const a = fetch('x');\n", 'no-restricted-globals'],
    ['packages/validation/src/x.ts', "import { a } from '@skylab/emulator';\nexport const b = a;\n", 'no-restricted-imports'],
    ['packages/emulator/src/x.ts', "import { a } from '@skylab/lab-engine';\nexport const b = a;\n", 'no-restricted-imports'],
    ['packages/lab-engine/src/x.ts', "import { a } from '@skylab/db';\nexport const b = a;\n", 'no-restricted-imports'],
    ['packages/db/src/x.ts', "import { a } from '../../../apps/api/src/app.ts';\nexport const b = a;\n", 'no-restricted-imports'],
    ['apps/web/src/x.ts', "import { a } from '@skylab/db';\nexport const b = a;\n", 'no-restricted-imports'],
    ['apps/api/src/x.ts', "import { sql } from 'drizzle-orm';\nexport const b = sql;\n", 'no-restricted-imports'],
    ['packages/emulator/src/Bad_Name.ts', 'export const a = 1;\n', 'skylab/kebab-case-filename'],
  ])('%s: flags %j', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each(['packages/emulator/src/x.ts', 'packages/emulator/src/x.test.ts', 'packages/emulator/src/iam/authorize/golden/golden.test.ts', 'packages/emulator/src/iam/authorize/golden/differential.ts', 'packages/validation/src/x.ts', 'apps/api/src/x.ts', 'apps/web/src/x.tsx'])('%s: may not import the AGPL simulator', async (file) => {
    const [result] = await eslint.lintText("import { runSimulation } from '@cloud-copilot/iam-simulate';\nexport const a = runSimulation;\n", { filePath: join(root, file) });
    expect(result?.messages.map((m) => m.message).join('\n')).toContain('AGPL: benchmark only');
  });

  it.each([
    ['packages/emulator/src/x.ts', "import { z } from 'zod';\nexport const a = (now: number) => new Date(now).toISOString() + String(z);\n"],
    ['packages/lab-engine/src/x.test.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['apps/api/src/x.ts', "import { a } from '@skylab/db';\nexport const b = [a, Date.now(), process.env];\n"],
    ['packages/db/src/x.ts', "import { sql } from 'drizzle-orm';\nexport const b = sql;\n"],
    ['packages/emulator/src/iam/put-user-policy.test.ts', 'export const a = 1;\n'],
    ['packages/emulator/bench/x.bench.ts', "import { runSimulation } from '@cloud-copilot/iam-simulate';\nexport const a = runSimulation;\n"],
    ['packages/emulator/src/iam/authorize/golden/differential.test.ts', "import { runSimulation } from '@cloud-copilot/iam-simulate';\nexport const a = runSimulation;\n"],
  ])('%s: allows it', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});

describe('skylab/no-import-cycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skylab-cycle-'));
  writeFileSync(join(dir, 'turbo.json'), '{}');
  mkdirSync(join(dir, 'src'));
  const files = {
    'src/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
    'src/b.ts': "import type { C } from './c';\nexport const b = 1 as unknown as C;\n",
    'src/c.ts': "export { a as C } from './a.ts';\n",
    'src/d.ts': "import { b } from './b.ts';\nexport const d = b;\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const lint = (name: keyof typeof files) =>
    linter.verify(files[name], [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { s: { rules: { c: noImportCycle } } }, rules: { 's/c': 'error' } }], join(dir, name));

  it('reports the chain through type-only imports and re-exports', () => {
    expect(lint('src/a.ts').map((m) => m.message)).toEqual(['import cycle: src/a.ts → src/b.ts → src/c.ts → src/a.ts']);
  });

  it('leaves a module that only leads into a cycle alone', () => {
    expect(lint('src/d.ts')).toEqual([]);
  });
});
