import { ruleTable } from '../rule-table.ts';

const group = (extra: object) => ({ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 2, ...extra });
ruleTable('asg/single-availability-zone', 'auto-scaling-group', {
  hit: [group({ VPCZoneIdentifier: 'subnet-a' }), group({ AvailabilityZones: ['eu-west-1a'] })],
  miss: [group({ VPCZoneIdentifier: 'subnet-a, subnet-b' }), group({ AvailabilityZones: ['eu-west-1a', 'eu-west-1b'] })],
});
