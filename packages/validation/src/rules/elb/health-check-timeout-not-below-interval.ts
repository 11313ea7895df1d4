import type { z } from 'zod';
import type { targetGroupSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';

/** The health check timeout must be shorter than the interval; ELB refuses the target group otherwise. */
export const rule: Rule<z.output<typeof targetGroupSchema>> = {
  id: 'elb/health-check-timeout-not-below-interval',
  severity: 'error',
  kinds: ['alb-target-group'],
  help: 'set `HealthCheckTimeoutSeconds` below `HealthCheckIntervalSeconds` (defaults: 5 and 30)',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  check: (tg) => {
    const interval = tg.HealthCheckIntervalSeconds ?? 30;
    const timeout = tg.HealthCheckTimeoutSeconds ?? 5;
    if (timeout < interval) return [];
    return [{ path: [tg.HealthCheckTimeoutSeconds !== undefined ? 'HealthCheckTimeoutSeconds' : 'HealthCheckIntervalSeconds'], message: `the health check timeout (${timeout} s) is not below the interval (${interval} s)` }];
  },
};
