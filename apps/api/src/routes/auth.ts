import { deleteExpiredSessions, findUserByEmail, insertUser, normalizeEmail, upgradePasswordHash, type UserRow } from '@skylab/db';
import { signInBody, signUpBody, type UserResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { clearSessionCookie, startSession } from '../session-cookie.ts';
import { invalidateSession } from '../sessions.ts';
import { beginPasswordAttempt, reserveSignUp } from '../auth-throttle.ts';
import { requestAddress } from '../request-address.ts';
import { userView } from '../views.ts';

export function authRoutes(deps: AppDeps) {
  // Unknown emails are checked against a real hash too, so response times do not reveal which emails exist.
  let timingHash: Promise<string> | undefined;
  const dummyVerify = (attempt: string) => {
    timingHash ??= deps.passwords.hash('skylab-timing-equaliser');
    return timingHash.then((hash) => deps.passwords.verify(attempt, hash));
  };


  // A hash the other runtime wrote (or made at an older cost) is replaced while the password is at hand,
  // so each user pays the slower format once (OWASP Password Storage Cheat Sheet, "Upgrading Legacy Hashes").
  async function rehashIfStale(user: UserRow, password: string) {
    if (!deps.passwords.needsRehash(user.passwordHash)) return;
    await upgradePasswordHash(deps.db, user.id, user.passwordHash, await deps.passwords.hash(password));
  }

  return new Hono<AppEnv>()
    .post('/sign-up', async (c) => {
      const body = await readJson(c, signUpBody);
      const address = normalizeEmail(body.email);
      await reserveSignUp(deps, requestAddress(c, deps));
      const user = await insertUser(deps.db, {
        id: deps.ids.next(),
        email: address,
        name: body.name ?? '',
        passwordHash: await deps.passwords.hash(body.password),
        role: deps.config.adminEmails.includes(address) ? 'admin' : 'learner',
        createdAt: deps.clock.now(),
      });
      if (!user) throw new ApiError(409, 'email_taken', `an account for \`${address}\` already exists`);
      await startSession(c, deps, user.id);
      return c.json({ user: userView(user) } satisfies UserResponse, 201);
    })
    .post('/sign-in', async (c) => {
      const body = await readJson(c, signInBody);
      const address = normalizeEmail(body.email);
      const attempt = await beginPasswordAttempt(deps, address, requestAddress(c, deps));
      const user = await findUserByEmail(deps.db, address);
      const valid = user ? await deps.passwords.verify(body.password, user.passwordHash) : await dummyVerify(body.password).then(() => false);
      await attempt.settle(valid);
      if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'the email or password is not correct');
      await rehashIfStale(user, body.password);
      // Sign-ins are rare enough to carry the clean-up of abandoned sessions.
      await deleteExpiredSessions(deps.db, deps.clock.now());
      await startSession(c, deps, user.id);
      return c.json({ user: userView(user) } satisfies UserResponse);
    })
    .post('/sign-out', async (c) => {
      const auth = c.get('auth');
      if (auth) await invalidateSession(deps, auth.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
