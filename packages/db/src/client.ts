import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema.ts';

export type Schema = typeof schema;

/** The drizzle handle every repository takes; `$client` is the libSQL client underneath. */
export type Db = LibSQLDatabase<Schema> & { $client: Client };

export interface DbOptions {
  /** `file:`, `:memory:`, `http(s)://`, `ws(s)://` or `libsql://`. */
  url: string;
  /** For libSQL servers (Turso, sqld with JWT auth). */
  authToken?: string;
  /** How many requests the remote client runs at once before queueing the rest (libSQL's default: 20). */
  concurrency?: number;
}

/**
 * Opens a libSQL database. In workerd `@libsql/client` resolves to its web build, which speaks only
 * http(s)/ws(s); there, or when the caller needs its own client, use `createDbFromClient`.
 */
export function createDb(options: DbOptions | string): Db {
  const { url, ...rest } = typeof options === 'string' ? { url: options } : options;
  return createDbFromClient(createClient({ url, ...rest }));
}

/** Wraps an already-created libSQL client (for example one from `@libsql/client/web`). */
export function createDbFromClient(client: Client): Db {
  return drizzle(client, { schema }) as Db;
}
