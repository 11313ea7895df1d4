import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiTokens, users, type ApiTokenRow, type UserRow } from '../schema.ts';

export type NewApiToken = typeof apiTokens.$inferInsert;

export async function insertApiToken(db: Db, token: NewApiToken): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (!row) throw new Error(`inserting api token \`${token.id}\` returned no row`);
  return row;
}

/** The token and its owner in one round trip, because every bearer request needs both. */
export async function findApiTokenWithUser(db: Db, id: string): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const [row] = await db.select({ token: apiTokens, user: users }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, id)).limit(1);
  return row;
}

/** A user's tokens, newest first, revoked ones included (they show as revoked). */
export async function listUserApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes the owner's token; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, id: string, userId: string, revokedAt: number): Promise<boolean> {
  const updated = await db
    .update(apiTokens)
    .set({ revokedAt })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return updated.length === 1;
}

export async function touchApiToken(db: Db, id: string, lastUsedAt: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt }).where(eq(apiTokens.id, id));
}
