export { createDb, createDbFromClient, type Db, type DbOptions } from './client.ts';
export * from './schema.ts';
export * from './repositories/users.ts';
export * from './repositories/sessions.ts';
export * from './repositories/throttles.ts';
export * from './repositories/attempts.ts';
export * from './repositories/progress.ts';
export * from './repositories/attempt-state.ts';
export * from './repositories/rate-limits.ts';
