import type { z } from 'zod';
import type { autoScalingGroupSchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

/** `HealthCheckType: ELB` needs a target group or load balancer to report health. */
export const rule: Rule<z.output<typeof autoScalingGroupSchema>> = {
  id: 'asg/elb-health-check-without-load-balancer',
  severity: 'warning',
  kinds: ['auto-scaling-group'],
  help: 'attach the group to a target group with `TargetGroupARNs`, or use `HealthCheckType: EC2`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html',
  check: (group) =>
    group.HealthCheckType === 'ELB' && !group.TargetGroupARNs?.length && !group.LoadBalancerNames?.length
      ? [{ path: ['HealthCheckType'], message: '`HealthCheckType` is `ELB` but the group is attached to no target group or load balancer' }]
      : [],
};
