import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { openApiDocument } from '../openapi.ts';

/** `GET /api/openapi.json`: public, built once per process from the routes' own schemas. */
export function openApiRoutes() {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return new Hono<AppEnv>().get('/', (c) => {
    document ??= openApiDocument();
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(document);
  });
}
