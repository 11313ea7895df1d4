import type { Db, RateLimitRule, ThrottleRule } from '@skylab/db';
import type { Context } from 'hono';
import type { LabRegistry } from './lab-registry.ts';

/** Epoch milliseconds; injected so tests run on a fixed clock. */
export interface Clock {
  now(): number;
}

/** Unique ids that sort by creation time (ULIDs); seeded in tests. */
export interface Ids {
  next(): string;
}

export type LogFields = Record<string, unknown>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Password hashing: scrypt in PHC-like strings, native on Node and pure JS in workerd. */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

export interface AppConfig {
  /** The origin browsers use when it differs from the request's own (behind a proxy). */
  publicOrigin?: string;
  /** Lower-cased emails that become admins at sign-up. */
  adminEmails: string[];
  session: { idleMs: number; absoluteMs: number };
  signInThrottle: { account: ThrottleRule; ip: ThrottleRule };
  /** New accounts per client address (each costs a memory-hard hash). */
  signUpThrottle: ThrottleRule;
  /** Submissions per attempt: grading is the costly request, and answers must not be found by trying many. */
  submissionRate: RateLimitRule;
  /** The region of every emulated account. */
  region: string;
}

export interface AppDeps {
  db: Db;
  labs: LabRegistry;
  clock: Clock;
  ids: Ids;
  log: Log;
  config: AppConfig;
  passwords: Passwords;
  /** The caller's address for per-IP throttling: `cf-connecting-ip` in Workers, the socket on Node. */
  getClientIp: (c: Context) => string | undefined;
}
