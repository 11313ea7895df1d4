import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What a learner's browser downloads before the first page shows: the entry script, what it imports
 * statically and the styles. Heavy parts (the lint engine, and later the editor and charts) must stay behind
 * dynamic imports, so the initial JavaScript stays under 300 KB gzipped.
 */

const WEB_DIR = resolve(import.meta.dirname, '..');
const OUT_DIR = resolve(WEB_DIR, 'node_modules/.budget-dist');
const BUDGET = 300 * 1024;

/** Every chunk the entry pulls in without a dynamic import: Vite's manifest lists them as `imports`. */
function initialFiles(manifest: Record<string, { file: string; imports?: string[]; isEntry?: boolean; css?: string[] }>): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) visit(key);
  return [...seen].flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])]);
}

describe('the web bundle', () => {
  let manifest: Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; css?: string[] }>;

  beforeAll(async () => {
    await build({ root: WEB_DIR, configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, manifest: 'manifest.json' } });
    manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8'));
  }, 120_000);

  it('downloads under 300 KB of gzipped JavaScript before the first page, the lint engine and the editor loaded lazily', () => {
    const files = initialFiles(manifest);
    const scripts = files.filter((file) => file.endsWith('.js'));
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(OUT_DIR, file))).length, 0);
    console.log(`initial JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${scripts.length} file(s)`);
    expect(gzipped).toBeLessThan(BUDGET);
    expect(scripts.some((file) => file.includes('lint-engine'))).toBe(false);
    expect(Object.values(manifest).some((chunk) => chunk.file.includes('lint-engine'))).toBe(true);
    // CodeMirror and the completion catalogue come with the first answer editor, not the first page.
    expect(scripts.some((file) => file.includes('mount-editor') || file.includes('codemirror'))).toBe(false);
    expect(Object.values(manifest).some((chunk) => chunk.file.includes('mount-editor'))).toBe(true);
  });
});
