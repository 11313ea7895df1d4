import type { AppConfig } from './deps.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Sessions live 7 days without use and 30 days at most (Lucia's guidance); 5 failed sign-ins per account
 * or 20 per address in 15 minutes lock that key for 15 minutes (OWASP's account lockout advice); an
 * address may open 50 accounts an hour (a classroom behind one NAT signs up over a lesson, a script is stopped);
 * an attempt takes 10 submissions a minute (more than anyone types, far fewer than a script guessing answers).
 */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    adminEmails: [],
    session: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
    signInThrottle: {
      account: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
      ip: { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
    },
    signUpThrottle: { maxFailures: 50, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE },
    submissionRate: { limit: 10, windowMs: MINUTE },
    region: 'us-east-1',
    ...overrides,
  };
}
