import type { Rule } from '../rule.ts';

interface Capacity {
  MinSize?: number;
  MaxSize?: number;
  DesiredCapacity?: number;
}

/** `MinSize <= DesiredCapacity <= MaxSize`, or Auto Scaling refuses the group (`ValidationError`). */
export const rule: Rule<Capacity> = {
  id: 'asg/capacity-out-of-range',
  severity: 'error',
  kinds: ['auto-scaling-group', 'scheduled-action'],
  help: 'keep `MinSize` ≤ `DesiredCapacity` ≤ `MaxSize`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/asg-capacity-limits.html',
  check: ({ MinSize: min, MaxSize: max, DesiredCapacity: desired }) => {
    if (min !== undefined && max !== undefined && min > max) return [{ path: ['MinSize'], message: `\`MinSize\` ${min} is greater than \`MaxSize\` ${max}` }];
    if (desired !== undefined && min !== undefined && desired < min) return [{ path: ['DesiredCapacity'], message: `\`DesiredCapacity\` ${desired} is below \`MinSize\` ${min}` }];
    if (desired !== undefined && max !== undefined && desired > max) return [{ path: ['DesiredCapacity'], message: `\`DesiredCapacity\` ${desired} is above \`MaxSize\` ${max}` }];
    return [];
  },
};
