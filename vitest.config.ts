import { workspaceConfig } from './vitest.shared.ts';

// The root project holds the tests of the repository's own tooling (lint rules, scripts).
export default workspaceConfig('tooling', { include: ['scripts/**/*.test.ts'] });
