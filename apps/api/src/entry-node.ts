import { join } from 'node:path';
import { createApp } from './app.ts';
import { ConfigError, readNodeEnv } from './env.ts';
import { createNodeDeps, REPO_ROOT } from './node-deps.ts';
import { serveNode } from './node-server.ts';
import { startWarnings } from './start-warnings.ts';
import { serveWebUi } from './web-ui.ts';

async function startup() {
  const env = readNodeEnv();
  return { env, ...(await createNodeDeps(env)) };
}

const { env, deps, labProblems, close } = await startup().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Skylab cannot start: ${error.message}`);
  process.exit(1);
});
for (const line of labProblems) console.error(line);
for (const warning of startWarnings(env)) deps.log.warn(warning);

const app = createApp(deps);
serveWebUi(app, join(REPO_ROOT, 'apps/web/dist'));

const server = serveNode(app.fetch, { port: env.PORT, hostname: env.HOST }, (url) => console.log(`Skylab is running at ${url}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => void close().finally(() => process.exit(0)));
  });
}
