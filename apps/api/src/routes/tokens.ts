import { listUserApiTokens, revokeApiToken, type ApiTokenRow } from '@skylab/db';
import type { ApiTokenView, TokenCreatedResponse, TokenListResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { issueApiToken } from '../api-tokens.ts';
import { tokenBody } from '@skylab/validation';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { requireRole } from '../principal.ts';
import { iso } from '../views.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function tokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    revokedAt: row.revokedAt === null ? null : iso(row.revokedAt),
    lastUsedAt: row.lastUsedAt === null ? null : iso(row.lastUsedAt),
  };
}

/**
 * API tokens for systems, made by instructors and admins in their browser session (a token cannot make
 * tokens). The plaintext is in the creation answer only; the server keeps a SHA-256 of its secret.
 */
export function tokenRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireRole(requireAuth(c).user, 'instructor');
      return c.json({ tokens: (await listUserApiTokens(deps.db, user.id)).map(tokenView) } satisfies TokenListResponse);
    })
    .post('/', async (c) => {
      const user = requireRole(requireAuth(c).user, 'instructor');
      const body = await readJson(c, tokenBody);
      const scopes = [...new Set(body.scopes)].sort();
      const { row, plaintext } = await issueApiToken(deps, { userId: user.id, name: body.name, scopes, expiresAt: deps.clock.now() + body.expiresInDays * DAY_MS });
      c.header('Cache-Control', 'no-store');
      return c.json({ token: tokenView(row), plaintext } satisfies TokenCreatedResponse, 201);
    })
    .delete('/:tokenId', async (c) => {
      const user = requireRole(requireAuth(c).user, 'instructor');
      const id = c.req.param('tokenId');
      if (!(await revokeApiToken(deps.db, id, user.id, deps.clock.now()))) throw notFound(`there is no active token \`${id}\` of yours`);
      return c.body(null, 204);
    });
}
