import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { readNodeEnv } from './env.ts';
import { createNodeDeps, REPO_ROOT } from './node-deps.ts';
import { serveWebUi } from './web-ui.ts';

const env = readNodeEnv();
const { deps, labProblems, close } = await createNodeDeps(env);
for (const line of labProblems) console.error(line);

const app = createApp(deps);
serveWebUi(app, join(REPO_ROOT, 'apps/web/dist'));

const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  console.log(`Skylab is running at http://localhost:${info.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => {
      close();
      process.exit(0);
    });
  });
}
