import { findUserAttempt } from '@skylab/db';
import { restoreAccountState } from '@skylab/emulator';
import { accountView } from '@skylab/lab-engine';
import type { AccountConsoleResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { requireAuth } from '../middleware/session-auth.ts';

/**
 * The read-only console of an attempt's live account (`GET /api/attempts/:id/account`): what the learner's
 * CLI and SDK calls left there. The attempt's version is its ETag, so the console's polling costs a 304
 * while nothing changed.
 */
export function accountConsoleRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:id/account', async (c) => {
    const { user } = requireAuth(c);
    const id = c.req.param('id');
    // Someone else's attempt is "not found", never "forbidden": the answer must not confirm it exists.
    const attempt = await findUserAttempt(deps.db, id, user.id);
    if (!attempt) throw notFound(`there is no attempt \`${id}\``);
    const etag = `"${attempt.version}"`;
    // `private, no-cache`: the browser keeps it but asks every time, and no shared cache ever holds it.
    c.header('cache-control', 'private, no-cache');
    c.header('etag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json({ version: attempt.version, account: accountView(restoreAccountState(attempt.state)) } satisfies AccountConsoleResponse);
  });
}
