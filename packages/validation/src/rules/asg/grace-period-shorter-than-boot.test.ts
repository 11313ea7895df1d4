import { ruleTable } from '../rule-table.ts';

const group = (extra: object) => ({ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 2, VPCZoneIdentifier: 'subnet-a,subnet-b', TargetGroupARNs: ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1'], ...extra });
ruleTable('asg/grace-period-shorter-than-boot', 'auto-scaling-group', {
  hit: [group({ HealthCheckType: 'ELB' }), group({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 60, DefaultInstanceWarmup: 180 })],
  miss: [group({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 300, DefaultInstanceWarmup: 180 }), group({ HealthCheckType: 'EC2' }), group({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 90 })],
});
ruleTable('asg/grace-period-shorter-than-boot', 'auto-scaling-group', { hit: [group({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 90 })], miss: [group({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 120 })] }, { instanceBootSeconds: 120 });
