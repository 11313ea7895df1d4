import { ruleTable } from '../rule-table.ts';

const group = (extra: object) => ({ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 2, VPCZoneIdentifier: 'subnet-a,subnet-b', HealthCheckGracePeriod: 300, ...extra });
ruleTable('asg/elb-health-check-without-load-balancer', 'auto-scaling-group', {
  hit: [group({ HealthCheckType: 'ELB' })],
  miss: [group({ HealthCheckType: 'ELB', TargetGroupARNs: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1'] }), group({ HealthCheckType: 'EC2' })],
});
