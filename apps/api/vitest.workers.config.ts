import { resolve } from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { mergeConfig, type Plugin } from 'vitest/config';
import { LAB_SOURCES_MODULE, labSourcesModule } from '../../scripts/bundle-labs.mjs';
import { workspaceConfig } from '../../vitest.shared.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
// what `wrangler secret put SKYLAB_SECRET_KEY` gives a deployed Worker (32 bytes in base64)
const WORKERS_TEST_SECRET_KEY = Buffer.alloc(32, 9).toString('base64');

/** Serves the labs to the Worker the way `wrangler deploy` bundles them, read fresh on every run. */
function labSourcesPlugin(): Plugin {
  const resolvedId = `\0${LAB_SOURCES_MODULE}`;
  return {
    name: 'skylab-lab-sources',
    enforce: 'pre',
    resolveId: (id) => (id === LAB_SOURCES_MODULE ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? labSourcesModule() : undefined),
  };
}

/**
 * The API inside workerd (the Worker's own runtime) against a real libSQL server: the same Worker as
 * `wrangler.toml`, with `DATABASE_URL` pointed at the sqld that the global setup starts.
 */
export default mergeConfig(
  workspaceConfig('api-workers', {
    include: ['test/workers/**/*.workers.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
  }),
  {
    plugins: [
      labSourcesPlugin(),
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: resolve(repoRoot, 'wrangler.toml') },
        // the admin the course scenarios sign in as (SCENARIO_ADMIN_EMAIL)
        miniflare: { bindings: { DATABASE_URL: inject('databaseUrl'), SKYLAB_ADMIN_EMAILS: 'scenario-admin@example.com', SKYLAB_SECRET_KEY: WORKERS_TEST_SECRET_KEY } },
      })),
    ],
    test: {
      globalSetup: ['test/workers/sqld-global-setup.ts'],
      deps: {
        optimizer: {
          // The pool runs every dependency through vite's module runner, which rewrites each imported
          // binding into a property lookup; scrypt's inner loop then runs ~10x slower than in real workerd
          // (4 s instead of 0.4 s per hash). Pre-bundled, it runs at production speed.
          ssr: { enabled: true, include: ['@noble/hashes/scrypt.js'] },
        },
      },
    },
  },
);
