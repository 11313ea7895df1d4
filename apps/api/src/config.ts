import { TRUST_NOTHING } from './client-address.ts';
import type { AppConfig } from './deps.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Sessions live 7 days without use and 30 days at most (Lucia's guidance). Sign-ins (OWASP Authentication
 * Cheat Sheet, "Account Lockout"): 5 failures for one account from one address in 15 minutes lock that
 * pair for 15 minutes, doubling with each lock in a row up to 4 hours; 50 for one account from anywhere lock
 * the account for 15 minutes (a ceiling for guessing spread over many addresses, without backoff so it is a
 * poor weapon); 100 from one address lock the address (a classroom of 30 behind one NAT, mistyping, stays
 * well below it). An address may open 50 accounts an hour (a classroom signs up over a lesson, a script is stopped).
 * An attempt takes 10 submissions a minute (more than anyone types, far fewer than a script guessing answers);
 * an exam session 120 autosaves a minute (a pick saves at once, typing once per pause).
 */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    adminEmails: [],
    insecureHttp: false,
    session: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
    signInThrottle: {
      accountIp: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, maxLockMs: 4 * HOUR },
      account: { maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
      ip: { maxFailures: 100, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
    },
    signUpThrottle: { maxFailures: 50, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
    trustProxy: TRUST_NOTHING,
    forwardedHeader: 'x-forwarded-for',
    submissionRate: { limit: 10, windowMs: MINUTE },
    examSaveRate: { limit: 120, windowMs: MINUTE },
    region: 'us-east-1',
    allowInternalUrls: false,
    ...overrides,
  };
}
