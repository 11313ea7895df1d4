import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';

const MISSING_BUILD = `<!doctype html>
<meta charset="utf-8">
<title>Skylab</title>
<p>The web UI has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>The API is up under <code>/api</code>.</p>
`;

/**
 * Serves the built web UI outside `/api`: real files first, then `index.html` for client-side routes.
 * Register after `createApp` so `/api/*` keeps its JSON 404s.
 */
export function serveWebUi<E extends Env>(app: Hono<E>, distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) => c.html(MISSING_BUILD));
    return;
  }
  app.get('*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ path: join(distDir, 'index.html') }));
}
