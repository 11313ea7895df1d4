import type { z } from 'zod';
import type { autoScalingGroupSchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

/** A group in one Availability Zone (one subnet) goes down with that zone. */
export const rule: Rule<z.output<typeof autoScalingGroupSchema>> = {
  id: 'asg/single-availability-zone',
  severity: 'warning',
  kinds: ['auto-scaling-group'],
  help: 'list subnets in at least two Availability Zones in `VPCZoneIdentifier`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html',
  check: (group) => {
    const subnets = (group.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (subnets.length === 1) return [{ path: ['VPCZoneIdentifier'], message: `the group uses one subnet (\`${subnets[0] ?? ''}\`), so one Availability Zone` }];
    if (subnets.length === 0 && group.AvailabilityZones?.length === 1) return [{ path: ['AvailabilityZones'], message: `the group uses one Availability Zone (\`${group.AvailabilityZones[0] ?? ''}\`)` }];
    return [];
  },
};
