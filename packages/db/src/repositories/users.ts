import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users, type Role, type UserRow } from '../schema.ts';

export type NewUser = typeof users.$inferInsert;

/** The one spelling of an email the database knows: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Inserts a user; `undefined` when the email is already taken (the unique index decides, not a prior read). */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: normalizeEmail(user.email) })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.email, normalizeEmail(email)) });
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

/** Sets a user's role (the CLI's way to make the first admin); `undefined` when no such email. */
export async function promoteUser(db: Db, email: string, role: Role): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ role }).where(eq(users.email, normalizeEmail(email))).returning();
  return row;
}

/**
 * Sets a new password and ends every session of the user in one atomic batch (OWASP Session Management
 * Cheat Sheet: renew sessions on privilege changes; a stolen session must not outlive a password change).
 * The caller opens a fresh session afterwards if it wants one.
 */
export async function replacePassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.batch([db.update(users).set({ passwordHash }).where(eq(users.id, userId)), db.delete(sessions).where(eq(sessions.userId, userId))]);
}

/**
 * Stores the same password's hash in another format, only if the stored hash is still `previousHash`: a
 * password changed meanwhile is never overwritten with the old one. False when it had changed.
 */
export async function upgradePasswordHash(db: Db, userId: string, previousHash: string, passwordHash: string): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, previousHash)))
    .returning({ id: users.id });
  return updated.length === 1;
}
