import { parseText } from './lint.ts';
import type { ArtifactKind } from './schemas/artifact-kinds.ts';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (v: Obj, ...keys: string[]) => keys.some((k) => Object.hasOwn(v, k));

function policyKind(value: Obj): ArtifactKind {
  const statements = (Array.isArray(value.Statement) ? value.Statement : [value.Statement]).filter(isObject);
  const text = JSON.stringify(statements);
  if (/"sts:AssumeRole/i.test(text)) return 'iam-trust-policy';
  if (!statements.some((s) => has(s, 'Principal', 'NotPrincipal'))) return 'iam-identity-policy';
  if (/arn:aws[a-z-]*:s3:::/.test(text)) return 's3-bucket-policy';
  if (/"ecr:/.test(text)) return 'ecr-repository-policy';
  return 'iam-resource-policy';
}

function listKind(items: unknown[]): ArtifactKind | undefined {
  const first = items.find(isObject);
  if (!first) return undefined;
  if (has(first, 'RuleNumber', 'RuleAction')) return 'nacl-entries';
  if (has(first, 'IpProtocol')) return 'security-groups';
  return undefined;
}

/** Guesses what kind of artifact a text is from its top-level keys; undefined when it cannot tell or the text does not parse. */
export function detectKind(text: string): ArtifactKind | undefined {
  const { value } = parseText(text);
  if (Array.isArray(value)) return listKind(value);
  if (!isObject(value)) return undefined;
  if (has(value, 'Statement')) return policyKind(value);
  if (has(value, 'apiVersion') && has(value, 'tasks', 'checks')) return 'lab';
  if (value.Type === 'AWS::EC2::SecurityGroup' || has(value, 'SecurityGroups', 'IpPermissions', 'IpPermissionsEgress', 'SecurityGroupIngress', 'SecurityGroupEgress', 'GroupDescription')) return 'security-groups';
  if (has(value, 'Entries', 'NetworkAclId')) return 'nacl-entries';
  if (has(value, 'Routes', 'RouteTableId')) return 'route-table';
  if (has(value, 'LaunchTemplateData', 'ImageId', 'MetadataOptions', 'BlockDeviceMappings')) return 'launch-template';
  if (has(value, 'MinSize', 'MaxSize') && has(value, 'AutoScalingGroupName') && !has(value, 'ScheduledActionName')) return 'auto-scaling-group';
  if (has(value, 'ScheduledActionName', 'Recurrence')) return 'scheduled-action';
  if (has(value, 'PolicyName', 'PolicyType', 'TargetTrackingConfiguration', 'StepAdjustments')) return 'scaling-policy';
  if (has(value, 'AlarmName', 'ComparisonOperator', 'EvaluationPeriods')) return 'cloudwatch-alarm';
  if (has(value, 'DefaultActions')) return 'alb-listener';
  if (has(value, 'HealthCheckIntervalSeconds', 'HealthCheckPath', 'TargetType', 'TargetGroupName')) return 'alb-target-group';
  if (has(value, 'Subnets', 'SubnetMappings', 'Scheme') || (has(value, 'AvailabilityZones') && has(value, 'LoadBalancerName', 'Name'))) return 'load-balancer';
  if (has(value, 'rules') && Array.isArray(value.rules)) return 'ecr-lifecycle';
  if (has(value, 'repositoryName')) return 'ecr-repository';
  if (Array.isArray(value.Rules)) {
    const first = value.Rules.find(isObject);
    if (first && has(first, 'Priority', 'Conditions', 'Actions')) return 'alb-rules';
    return 's3-lifecycle';
  }
  return undefined;
}
