import { workspaceConfig } from '../../vitest.shared.ts';

/** Browser tests: the real Node server and Debian's Chromium, driven by playwright-core. */
export default workspaceConfig('web-e2e', {
  include: ['test/**/*.e2e.test.ts'],
  exclude: ['**/node_modules/**'],
  testTimeout: 60_000,
});
