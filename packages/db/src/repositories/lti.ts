import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  ltiAttemptLinks,
  ltiContexts,
  ltiExamLinks,
  ltiIdentities,
  ltiLoginStates,
  ltiPlatforms,
  ltiResourceLinks,
  ltiToolKeys,
  users,
  type LtiAttemptLinkRow,
  type LtiContextRow,
  type LtiExamLinkRow,
  type LtiLoginStateRow,
  type LtiPlatformRow,
  type LtiResourceLinkRow,
  type LtiToolKeyRow,
  type UserRow,
} from '../schema.ts';

export type NewLtiPlatform = typeof ltiPlatforms.$inferInsert;

/** Inserts a platform; `undefined` when that issuer and client id are registered already. */
export async function insertLtiPlatform(db: Db, platform: NewLtiPlatform): Promise<LtiPlatformRow | undefined> {
  const [row] = await db.insert(ltiPlatforms).values(platform).onConflictDoNothing().returning();
  return row;
}

export async function listLtiPlatforms(db: Db): Promise<LtiPlatformRow[]> {
  return db.select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.createdAt), asc(ltiPlatforms.id));
}

export async function findLtiPlatform(db: Db, id: string): Promise<LtiPlatformRow | undefined> {
  return db.query.ltiPlatforms.findFirst({ where: eq(ltiPlatforms.id, id) });
}

/** The platforms of an issuer: one issuer may have registered Skylab more than once (one client id each). */
export async function findLtiPlatformsByIssuer(db: Db, issuer: string): Promise<LtiPlatformRow[]> {
  return db.select().from(ltiPlatforms).where(eq(ltiPlatforms.issuer, issuer)).orderBy(asc(ltiPlatforms.createdAt));
}

/** Removes a platform with its login states, identities' links and queued scores; false when there was none. */
export async function deleteLtiPlatform(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(ltiPlatforms).where(eq(ltiPlatforms.id, id)).returning({ id: ltiPlatforms.id });
  return deleted.length === 1;
}

/** The tool key, oldest first: the first one made is the one in use. */
export async function findLtiToolKey(db: Db): Promise<LtiToolKeyRow | undefined> {
  const [row] = await db.select().from(ltiToolKeys).orderBy(asc(ltiToolKeys.createdAt), asc(ltiToolKeys.kid)).limit(1);
  return row;
}

/**
 * Stores a freshly made key unless one exists, and returns the one in use: two isolates that both found no
 * key end up signing with the same one.
 */
export async function ensureLtiToolKey(db: Db, key: LtiToolKeyRow): Promise<LtiToolKeyRow> {
  const existing = await findLtiToolKey(db);
  if (existing) return existing;
  await db.insert(ltiToolKeys).values(key).onConflictDoNothing();
  const stored = await findLtiToolKey(db);
  if (!stored) throw new Error('the LTI tool key was not stored');
  return stored;
}

/** Replaces a key's stored private half (a plaintext key from before encryption, sealed at first use). */
export async function updateLtiToolPrivateKey(db: Db, kid: string, privateJwk: Record<string, unknown>): Promise<void> {
  await db.update(ltiToolKeys).set({ privateJwk }).where(eq(ltiToolKeys.kid, kid));
}

export async function insertLtiLoginState(db: Db, state: typeof ltiLoginStates.$inferInsert): Promise<void> {
  await db.insert(ltiLoginStates).values(state);
}

export type LoginStateUse = { ok: true; state: LtiLoginStateRow } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Marks a login state used, once: of two launches carrying the same state exactly one gets `ok` (the
 * guarded update decides), and the other learns it was a replay.
 */
export async function useLtiLoginState(db: Db, state: string, now: number): Promise<LoginStateUse> {
  const [used] = await db
    .update(ltiLoginStates)
    .set({ usedAt: now })
    .where(and(eq(ltiLoginStates.state, state), isNull(ltiLoginStates.usedAt)))
    .returning();
  if (used) return used.expiresAt > now ? { ok: true, state: used } : { ok: false, reason: 'expired' };
  const found = await db.query.ltiLoginStates.findFirst({ where: eq(ltiLoginStates.state, state) });
  return { ok: false, reason: found ? 'used' : 'unknown' };
}

/** Drops login states that can no longer be used; replays of those are then "unknown" rather than "used". */
export async function deleteExpiredLtiLoginStates(db: Db, now: number): Promise<void> {
  await db.delete(ltiLoginStates).where(lte(ltiLoginStates.expiresAt, now));
}

export async function findLtiIdentityUser(db: Db, platformId: string, subject: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(ltiIdentities)
    .innerJoin(users, eq(users.id, ltiIdentities.userId))
    .where(and(eq(ltiIdentities.platformId, platformId), eq(ltiIdentities.subject, subject)))
    .limit(1);
  return row?.user;
}

export interface NewLtiIdentity {
  platformId: string;
  subject: string;
  user: typeof users.$inferInsert;
}

/**
 * The user of a platform identity, made with it on first sight in one batch. A concurrent first launch of the
 * same identity loses the unique index and reads the winner's user.
 */
export async function findOrCreateLtiUser(db: Db, identity: NewLtiIdentity): Promise<UserRow> {
  const existing = await findLtiIdentityUser(db, identity.platformId, identity.subject);
  if (existing) return existing;
  const { user } = identity;
  const createdAt = user.createdAt;
  try {
    await db.batch([
      db.insert(users).values(user),
      db.insert(ltiIdentities).values({ platformId: identity.platformId, subject: identity.subject, userId: user.id, createdAt }),
    ]);
  } catch (error) {
    const winner = await findLtiIdentityUser(db, identity.platformId, identity.subject);
    if (winner) return winner;
    throw error;
  }
  const created = await findLtiIdentityUser(db, identity.platformId, identity.subject);
  if (!created) throw new Error(`the user of \`${identity.subject}\` was not stored`);
  return created;
}

/** Keeps the platform-given role and name of an LTI user current: the platform is their source of truth. */
export async function updateLtiUser(db: Db, userId: string, change: Pick<UserRow, 'role' | 'name'>): Promise<void> {
  await db.update(users).set(change).where(eq(users.id, userId));
}

export async function upsertLtiAttemptLink(db: Db, link: LtiAttemptLinkRow): Promise<void> {
  await db
    .insert(ltiAttemptLinks)
    .values(link)
    .onConflictDoUpdate({ target: ltiAttemptLinks.attemptId, set: { lineItemUrl: link.lineItemUrl, subject: link.subject, platformId: link.platformId } });
}

/** Records (or moves) where the user's exam was launched from. */
export async function upsertLtiExamLink(db: Db, link: LtiExamLinkRow): Promise<void> {
  await db
    .insert(ltiExamLinks)
    .values(link)
    .onConflictDoUpdate({ target: [ltiExamLinks.userId, ltiExamLinks.examId], set: { platformId: link.platformId, subject: link.subject, lineItemUrl: link.lineItemUrl, createdAt: link.createdAt } });
}

export async function findLtiExamLink(db: Db, userId: string, examId: string): Promise<LtiExamLinkRow | undefined> {
  return db.query.ltiExamLinks.findFirst({ where: and(eq(ltiExamLinks.userId, userId), eq(ltiExamLinks.examId, examId)) });
}

export async function findLtiAttemptLink(db: Db, attemptId: string): Promise<LtiAttemptLinkRow | undefined> {
  return db.query.ltiAttemptLinks.findFirst({ where: eq(ltiAttemptLinks.attemptId, attemptId) });
}

/** The Skylab course an LMS context maps to, if an instructor launched from it already. */
export async function findLtiContext(db: Db, platformId: string, contextId: string): Promise<LtiContextRow | undefined> {
  return db.query.ltiContexts.findFirst({ where: and(eq(ltiContexts.platformId, platformId), eq(ltiContexts.contextId, contextId)) });
}

export async function findLtiContextByCourse(db: Db, courseId: string): Promise<LtiContextRow | undefined> {
  return db.query.ltiContexts.findFirst({ where: eq(ltiContexts.courseId, courseId) });
}

/** Maps a context to a course unless it is mapped already; the mapping in force either way. */
export async function insertLtiContext(db: Db, row: LtiContextRow): Promise<LtiContextRow> {
  await db.insert(ltiContexts).values(row).onConflictDoNothing();
  const stored = await findLtiContext(db, row.platformId, row.contextId);
  if (!stored) throw new Error(`the context \`${row.contextId}\` was not stored`);
  return stored;
}

/** The Names and Roles URL changes with the platform's say (a course copied to a new term, a new host). */
export async function updateLtiContextMemberships(db: Db, row: LtiContextRow, membershipsUrl: string): Promise<void> {
  if (row.membershipsUrl === membershipsUrl) return;
  await db.update(ltiContexts).set({ membershipsUrl }).where(and(eq(ltiContexts.platformId, row.platformId), eq(ltiContexts.contextId, row.contextId)));
}

export async function findLtiResourceLink(db: Db, platformId: string, resourceLinkId: string): Promise<LtiResourceLinkRow | undefined> {
  return db.query.ltiResourceLinks.findFirst({ where: and(eq(ltiResourceLinks.platformId, platformId), eq(ltiResourceLinks.resourceLinkId, resourceLinkId)) });
}

/** Maps a resource link to an assignment unless it is mapped already; the mapping in force either way. */
export async function insertLtiResourceLink(db: Db, row: LtiResourceLinkRow): Promise<LtiResourceLinkRow> {
  await db.insert(ltiResourceLinks).values(row).onConflictDoNothing();
  const stored = await findLtiResourceLink(db, row.platformId, row.resourceLinkId);
  if (!stored) throw new Error(`the resource link \`${row.resourceLinkId}\` was not stored`);
  return stored;
}
