import { deleteLtiPlatform, insertLtiPlatform, listLtiPlatforms, type LtiPlatformRow } from '@skylab/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { publicOrigin, toolUrls } from '../lti/tool-urls.ts';
import { requireAdmin } from '../middleware/require-admin.ts';

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048);
export const platformBody = z.object({
  issuer: httpUrl,
  clientId: z.string().trim().min(1).max(255),
  authLoginUrl: httpUrl,
  accessTokenUrl: httpUrl,
  jwksUrl: httpUrl,
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1).max(50),
});

function platformView(row: LtiPlatformRow) {
  const { createdAt, ...rest } = row;
  return { ...rest, createdAt: new Date(createdAt).toISOString() };
}

/** LMS platforms Skylab accepts launches from: registered, listed and removed by an admin. */
export function ltiPlatformRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireAdmin(c);
      const platforms = await listLtiPlatforms(deps.db);
      return c.json({ platforms: platforms.map(platformView), tool: toolUrls(publicOrigin(c, deps)) });
    })
    .post('/', async (c) => {
      requireAdmin(c);
      const body = await readJson(c, platformBody);
      const row = await insertLtiPlatform(deps.db, { id: deps.ids.next(), ...body, deploymentIds: [...new Set(body.deploymentIds)], createdAt: deps.clock.now() });
      if (!row) throw new ApiError(409, 'platform_exists', `a platform with issuer \`${body.issuer}\` and client id \`${body.clientId}\` is registered already`);
      return c.json({ platform: platformView(row) }, 201);
    })
    .delete('/:id', async (c) => {
      requireAdmin(c);
      const id = c.req.param('id');
      if (!(await deleteLtiPlatform(deps.db, id))) throw notFound(`there is no platform \`${id}\``);
      return c.body(null, 204);
    });
}
