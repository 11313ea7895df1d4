import type { AppConfig } from './deps.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Sessions live 7 days without use and 30 days at most (Lucia's guidance); 5 failed sign-ins per account
 * or 20 per address in 15 minutes lock that key for 15 minutes (OWASP's account lockout advice).
 */
export function defaultConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    adminEmails: [],
    session: { idleMs: 7 * DAY, absoluteMs: 30 * DAY },
    signInThrottle: {
      account: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
      ip: { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
    },
    region: 'us-east-1',
    ...overrides,
  };
}
