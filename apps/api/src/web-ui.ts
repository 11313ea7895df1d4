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
 * A missing file with an extension (`/assets/old.js`) stays a 404, so a stale page fails visibly
 * instead of parsing HTML as script. Register after `createApp` so `/api/*` keeps its JSON 404s.
 */
export function serveWebUi<E extends Env>(app: Hono<E>, distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) => c.html(MISSING_BUILD));
    return;
  }
  const indexHtml = serveStatic<E>({ path: join(distDir, 'index.html') });
  app.get('*', serveStatic<E>({ root: distDir }));
  app.get('*', (c, next) => (/\.[A-Za-z0-9]+$/.test(c.req.path) ? next() : indexHtml(c, next)));
}
