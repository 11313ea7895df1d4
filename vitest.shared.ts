import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Every workspace's vitest config: tests beside the code, and a JSON report per workspace under
 * `.reports/` that `scripts/test.mjs` adds up into the closing `N passed, N failed` line.
 */
export function workspaceConfig(name: string, extra: { testTimeout?: number; include?: string[]; exclude?: string[] } = {}) {
  const reportsDir = resolve(import.meta.dirname, '.reports');
  return defineConfig({
    test: {
      include: extra.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: extra.exclude ?? ['**/node_modules/**', '**/*.workers.test.ts', '**/*.e2e.test.ts'],
      testTimeout: extra.testTimeout ?? 20_000,
      setupFiles: [resolve(import.meta.dirname, 'scripts/fast-check-seed.ts')],
      reporters: ['default', ['json', { outputFile: resolve(reportsDir, `${name}.json`) }]],
    },
  });
}
