import { ruleTable } from '../rule-table.ts';

const group = (MinSize: number, DesiredCapacity: number, MaxSize: number) => ({ AutoScalingGroupName: 'web', MinSize, MaxSize, DesiredCapacity, VPCZoneIdentifier: 'subnet-a,subnet-b' });
ruleTable('asg/capacity-out-of-range', 'auto-scaling-group', { hit: [group(3, 2, 4), group(1, 5, 4), group(5, 5, 4)], miss: [group(1, 2, 4), group(2, 2, 2)] });
ruleTable('asg/capacity-out-of-range', 'scheduled-action', {
  hit: [{ ScheduledActionName: 'night', Recurrence: '0 20 * * *', MinSize: 4, MaxSize: 2 }],
  miss: [{ ScheduledActionName: 'night', Recurrence: '0 20 * * *', MinSize: 0, MaxSize: 2, DesiredCapacity: 0 }],
});
