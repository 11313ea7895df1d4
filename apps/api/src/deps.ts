import type { Db, RateLimitRule, ThrottleRule } from '@skylab/db';
import type { Context } from 'hono';
import type { ForwardedHeader, TrustProxy } from './client-address.ts';
import type { Grader } from './grader.ts';
import type { ExamRegistry } from './exam-registry.ts';
import type { LabRegistry } from './lab-registry.ts';
import type { SecretBox } from './secret-box.ts';

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

/** Password hashing in PHC-like strings: scrypt preferred on Node, PBKDF2 in workerd; each verifies both. */
export interface Passwords {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
  /** True for a hash in another format or at another cost than this runtime makes: worth replacing once verified. */
  needsRehash(hash: string): boolean;
}

export interface AppConfig {
  /** The origin browsers use when it differs from the request's own (behind a proxy). */
  publicOrigin?: string;
  /** Lower-cased emails that become admins at sign-up. */
  adminEmails: string[];
  session: { idleMs: number; absoluteMs: number };
  signInThrottle: { accountIp: ThrottleRule; account: ThrottleRule; ip: ThrottleRule };
  /** New accounts per client address (each costs a memory-hard hash). */
  signUpThrottle: ThrottleRule;
  /** Which proxies may name the client in `forwardedHeader` (`TRUST_PROXY`); by default none. */
  trustProxy: TrustProxy;
  forwardedHeader: ForwardedHeader;
  /**
   * The session cookie without `Secure` and `__Host-`, for plain HTTP on a trusted LAN, where browsers
   * drop secure cookies (localhost is exempt, and so needs no such thing).
   */
  insecureHttp: boolean;
  /** Submissions per attempt: grading is the costly request, and answers must not be found by trying many. */
  submissionRate: RateLimitRule;
  /** Autosaves per exam session: cheap each, but a script must not turn them into a write flood. */
  examSaveRate: RateLimitRule;
  /** The region of every emulated account. */
  region: string;
  /**
   * Webhook and LMS platform URLs may use plain http and internal hosts (`SKYLAB_ALLOW_INTERNAL_URLS`): for
   * a local LMS in development and the tests' simulators; never on by default (see `outbound/url-policy.ts`).
   */
  allowInternalUrls: boolean;
}

export interface AppDeps {
  db: Db;
  labs: LabRegistry;
  /** The exams, loaded after the labs their hands-on items draw on. */
  exams: ExamRegistry;
  clock: Clock;
  ids: Ids;
  log: Log;
  config: AppConfig;
  passwords: Passwords;
  /** Seals secrets the database keeps (the LTI tool's private key) with `SKYLAB_SECRET_KEY`. */
  secrets: SecretBox;
  /** Provisioning, grading and account drift: in worker threads on Node, in process in a Worker and in tests. */
  grading: Grader;
  /** The connection's peer: the socket on Node, `CF-Connecting-IP` (set by Cloudflare) in a Worker. */
  socketAddress: (c: Context) => string | undefined;
  /** Outbound HTTP (LMS platforms, webhook receivers): the runtime's own `fetch` unless a test injects one. */
  fetch?: typeof fetch;
  /** The host's addresses from the system resolver (Node); a Worker has none, its fetch reaching no private network. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Wakes the Node delivery loop when a request queued scores or webhooks; a Worker sends them in `waitUntil` instead. */
  wakeDeliveries?: () => void;
}
