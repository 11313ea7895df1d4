import type { z } from 'zod';
import type { autoScalingGroupSchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

/**
 * With ELB health checks, an instance still booting fails its checks and is replaced before it ever serves:
 * the grace period must cover the boot time (given as `instanceBootSeconds`, else `DefaultInstanceWarmup`).
 */
export const rule: Rule<z.output<typeof autoScalingGroupSchema>> = {
  id: 'asg/grace-period-shorter-than-boot',
  severity: 'warning',
  kinds: ['auto-scaling-group'],
  help: 'set `HealthCheckGracePeriod` to at least the time an instance needs to boot and pass its first health check',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-check-grace-period.html',
  check: (group, { options }) => {
    if (group.HealthCheckType !== 'ELB') return [];
    const grace = group.HealthCheckGracePeriod ?? 0;
    const boot = options.instanceBootSeconds ?? (group.DefaultInstanceWarmup !== undefined && group.DefaultInstanceWarmup > 0 ? group.DefaultInstanceWarmup : undefined);
    const path = group.HealthCheckGracePeriod === undefined ? ['HealthCheckType'] : ['HealthCheckGracePeriod'];
    if (boot !== undefined && grace < boot) return [{ path, message: `the health check grace period is ${grace} s, shorter than the ${boot} s instances need to boot` }];
    if (boot === undefined && grace === 0) return [{ path, message: 'load balancer health checks start with no grace period, so booting instances count as unhealthy' }];
    return [];
  },
};
