import { deleteLtiPlatform, insertLtiPlatform, listLtiPlatforms, type LtiPlatformRow } from '@skylab/db';
import { platformBody, type LtiPlatformListResponse, type LtiPlatformResponse, type LtiPlatformView } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { publicOrigin, toolUrls } from '../lti/tool-urls.ts';
import { requireAdmin } from '../middleware/require-admin.ts';
import { checkOutboundUrls } from '../outbound/check-urls.ts';

function platformView(row: LtiPlatformRow): LtiPlatformView {
  const { createdAt, ...rest } = row;
  return { ...rest, createdAt: new Date(createdAt).toISOString() };
}

/** LMS platforms Skylab accepts launches from: registered, listed and removed by an admin. */
export function ltiPlatformRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireAdmin(c);
      const platforms = await listLtiPlatforms(deps.db);
      return c.json({ platforms: platforms.map(platformView), tool: toolUrls(publicOrigin(c, deps)) } satisfies LtiPlatformListResponse);
    })
    .post('/', async (c) => {
      requireAdmin(c);
      const body = await readJson(c, platformBody);
      // the issuer is a name (never fetched) but LTI 1.3 §5.1.2 has it an https URL like the rest
      checkOutboundUrls(body, ['issuer', 'authLoginUrl', 'accessTokenUrl', 'jwksUrl'], deps.config.allowInternalUrls);
      const row = await insertLtiPlatform(deps.db, { id: deps.ids.next(), ...body, deploymentIds: [...new Set(body.deploymentIds)], createdAt: deps.clock.now() });
      if (!row) throw new ApiError(409, 'platform_exists', `a platform with issuer \`${body.issuer}\` and client id \`${body.clientId}\` is registered already`);
      return c.json({ platform: platformView(row) } satisfies LtiPlatformResponse, 201);
    })
    .delete('/:id', async (c) => {
      requireAdmin(c);
      const id = c.req.param('id');
      if (!(await deleteLtiPlatform(deps.db, id))) throw notFound(`there is no platform \`${id}\``);
      return c.body(null, 204);
    });
}
