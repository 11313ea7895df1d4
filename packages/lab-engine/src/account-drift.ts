import type { AccountState } from '@skylab/emulator';
import {
  accessKeys,
  aclEntries,
  anyField,
  attachedPolicies,
  inlinePolicies,
  instanceState,
  isVolatile,
  members,
  objects,
  permissionsBoundary,
  routes,
  same,
  unordered,
  whole,
  type FieldDescriber,
} from './account-drift-fields.ts';

/** One way an attempt's live account differs from what it should be, said in AWS terms to the learner. */
export interface AccountChange {
  /** From the learner's side: the live account has a resource it should not, lacks one, or has one otherwise. */
  kind: 'created' | 'deleted' | 'changed';
  /** Where in the account state: `['iam', 'users', 'app-reader', 'AttachedPolicyArns']`. */
  path: string[];
  /** `you deleted the IAM user \`app-reader\`` */
  message: string;
}

type Resource = Record<string, unknown>;

/** A collection of resources in the account state, and how to speak of them. */
interface ResourceKind {
  path: [string, string];
  /** `IAM user`, `security group`: AWS's own name for the resource. */
  noun: string;
  name: (resource: Resource, key: string) => string;
  /** The id AWS gives a resource when it is created: a different one means it was deleted and created again. */
  identity?: string;
  /** Sentences for the fields AWS's consoles speak of; every other field is named as it is. */
  fields?: Record<string, FieldDescriber>;
  /** Fields that follow from others (counters), so a change to them is already said. */
  derived?: string[];
}

const field = (name: string) => (resource: Resource, key: string) => (typeof resource[name] === 'string' ? (resource[name] as string) : key);
const nameTag = (id: string) => (resource: Resource, key: string) => {
  const tags = Array.isArray(resource.Tags) ? (resource.Tags as { Key?: unknown; Value?: unknown }[]) : [];
  const tag = tags.find((t) => t.Key === 'Name')?.Value;
  return typeof tag === 'string' ? tag : field(id)(resource, key);
};
const lastSegment = (_: Resource, key: string) => key.slice(key.lastIndexOf('/') + 1);

const tags = whole('the tags');

const IAM_PRINCIPAL_FIELDS = { AttachedPolicyArns: attachedPolicies, PermissionsBoundary: permissionsBoundary, Tags: tags };

const RESOURCE_KINDS: ResourceKind[] = [
  {
    path: ['iam', 'users'],
    noun: 'IAM user',
    name: field('UserName'),
    identity: 'UserId',
    fields: { ...IAM_PRINCIPAL_FIELDS, UserPolicies: inlinePolicies, AccessKeys: accessKeys, MFADevices: members('MFA device'), LoginProfile: whole('the console password') },
  },
  { path: ['iam', 'groups'], noun: 'IAM group', name: field('GroupName'), identity: 'GroupId', fields: { ...IAM_PRINCIPAL_FIELDS, GroupPolicies: inlinePolicies, Users: members('IAM user') } },
  {
    path: ['iam', 'roles'],
    noun: 'IAM role',
    name: field('RoleName'),
    identity: 'RoleId',
    fields: { ...IAM_PRINCIPAL_FIELDS, RolePolicies: inlinePolicies, AssumeRolePolicyDocument: whole('the trust policy') },
  },
  { path: ['iam', 'policies'], noun: 'managed policy', name: field('PolicyName'), identity: 'PolicyId', fields: { Versions: whole('the policy versions') }, derived: ['AttachmentCount'] },
  { path: ['iam', 'instanceProfiles'], noun: 'instance profile', name: field('InstanceProfileName'), identity: 'InstanceProfileId', fields: { Roles: members('IAM role') } },
  { path: ['iam', 'mfaDevices'], noun: 'MFA device', name: field('SerialNumber') },
  { path: ['s3', 'buckets'], noun: 'S3 bucket', name: field('Name'), fields: { Objects: objects } },
  { path: ['ec2', 'vpcs'], noun: 'VPC', name: nameTag('VpcId'), fields: { Tags: tags } },
  { path: ['ec2', 'subnets'], noun: 'subnet', name: nameTag('SubnetId'), fields: { Tags: tags } },
  { path: ['ec2', 'routeTables'], noun: 'route table', name: nameTag('RouteTableId'), fields: { Routes: routes, Associations: unordered('the subnet associations'), Tags: tags } },
  { path: ['ec2', 'internetGateways'], noun: 'internet gateway', name: nameTag('InternetGatewayId'), fields: { Attachments: whole('the VPC attachment'), Tags: tags } },
  { path: ['ec2', 'natGateways'], noun: 'NAT gateway', name: nameTag('NatGatewayId'), fields: { Tags: tags } },
  { path: ['ec2', 'addresses'], noun: 'Elastic IP address', name: field('PublicIp'), fields: { Tags: tags } },
  {
    path: ['ec2', 'securityGroups'],
    noun: 'security group',
    name: field('GroupName'),
    fields: { IpPermissions: unordered('the inbound rules'), IpPermissionsEgress: unordered('the outbound rules'), Tags: tags },
  },
  { path: ['ec2', 'networkAcls'], noun: 'network ACL', name: nameTag('NetworkAclId'), fields: { Entries: aclEntries, Associations: unordered('the subnet associations'), Tags: tags } },
  { path: ['ec2', 'networkInterfaces'], noun: 'network interface', name: nameTag('NetworkInterfaceId'), fields: { Groups: unordered('the security groups'), Tags: tags } },
  { path: ['ec2', 'instances'], noun: 'EC2 instance', name: nameTag('InstanceId'), fields: { State: instanceState, SecurityGroups: unordered('the security groups'), Tags: tags } },
  { path: ['ec2', 'volumes'], noun: 'EBS volume', name: field('VolumeId') },
  { path: ['ec2', 'keyPairs'], noun: 'key pair', name: field('KeyName'), fields: { Tags: tags } },
  { path: ['ec2', 'launchTemplates'], noun: 'launch template', name: field('LaunchTemplateName'), fields: { Versions: whole('the versions') } },
  { path: ['elbv2', 'loadBalancers'], noun: 'load balancer', name: field('LoadBalancerName') },
  { path: ['elbv2', 'listeners'], noun: 'listener', name: lastSegment },
  { path: ['elbv2', 'rules'], noun: 'rules of the listener', name: lastSegment },
  { path: ['elbv2', 'targetGroups'], noun: 'target group', name: field('TargetGroupName'), fields: { Targets: whole('the registered targets') } },
  { path: ['autoscaling', 'groups'], noun: 'Auto Scaling group', name: field('AutoScalingGroupName') },
  { path: ['autoscaling', 'policies'], noun: 'scaling policy', name: field('PolicyName') },
  { path: ['autoscaling', 'scheduledActions'], noun: 'scheduled action', name: field('ScheduledActionName') },
  { path: ['cloudwatch', 'alarms'], noun: 'CloudWatch alarm', name: field('AlarmName') },
  { path: ['cloudwatch', 'metrics'], noun: 'CloudWatch metric', name: field('MetricName') },
];

// Not configuration: temporary STS sessions expire by themselves, histories only record what happened, and
// the counters follow from the resources already compared.
const IGNORED = new Set(['sts', 'iam.awsManagedAttachments', 'ec2.publicIpCounter', 'autoscaling.activities', 'cloudwatch.alarmHistory']);

/** Parts of the account outside the resource collections, by state path. */
const OTHER_PARTS: Record<string, string> = { 'iam.passwordPolicy': 'the account password policy', 's3.takenBucketNames': 'the bucket names other accounts own' };

const asResource = (value: unknown): Resource => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Resource) : {});
const read = (state: unknown, path: string[]) => path.reduce<Resource>((at, key) => asResource(at[key]), asResource(state));
const sortedKeys = (...records: Resource[]) => [...new Set(records.flatMap(Object.keys))].sort();

function resourceChanges(kind: ResourceKind, key: string, expected: Resource, actual: Resource, subject: string): AccountChange[] {
  const path = [...kind.path, key];
  const changes: AccountChange[] = [];
  const recreated = kind.identity !== undefined && expected[kind.identity] !== actual[kind.identity];
  if (recreated) changes.push({ kind: 'changed', path, message: `you deleted and created again ${subject}` });
  const skip = new Set([...(kind.derived ?? []), ...(recreated && kind.identity ? [kind.identity, 'Arn'] : [])]);
  for (const name of sortedKeys(expected, actual)) {
    if (skip.has(name) || isVolatile(name) || same(expected[name], actual[name])) continue;
    const describe = kind.fields?.[name] ?? anyField(name);
    for (const message of describe(expected[name], actual[name], subject)) changes.push({ kind: 'changed', path: [...path, name], message });
  }
  return changes;
}

function collectionChanges(kind: ResourceKind, expected: Resource, actual: Resource): AccountChange[] {
  return sortedKeys(expected, actual).flatMap((key): AccountChange[] => {
    const before = expected[key];
    const after = actual[key];
    const path = [...kind.path, key];
    const subject = `the ${kind.noun} \`${kind.name(asResource(after ?? before), key)}\``;
    if (after === undefined) return [{ kind: 'deleted', path, message: `you deleted ${subject}` }];
    if (before === undefined) return [{ kind: 'created', path, message: `you created ${subject}` }];
    if (same(before, after)) return [];
    // A resource kept as a list (a listener's rules) is said as one change.
    if (Array.isArray(before) || Array.isArray(after)) return [{ kind: 'changed', path, message: `you changed ${subject}` }];
    return resourceChanges(kind, key, asResource(before), asResource(after), subject);
  });
}

/** Every part of the state no resource kind covers, compared as a whole and named by its state path. */
function otherChanges(expected: AccountState, actual: AccountState, covered: Set<string>): AccountChange[] {
  return sortedKeys(asResource(expected), asResource(actual)).flatMap((service) => {
    if (IGNORED.has(service)) return [];
    const before = read(expected, [service]);
    const after = read(actual, [service]);
    return sortedKeys(before, after).flatMap((part): AccountChange[] => {
      const dotted = `${service}.${part}`;
      if (covered.has(dotted) || IGNORED.has(dotted) || same(before[part], after[part])) return [];
      return [{ kind: 'changed', path: [service, part], message: `you changed ${OTHER_PARTS[dotted] ?? `\`${dotted}\``}` }];
    });
  });
}

/**
 * How `actual` differs from `expected`, as sentences for the learner whose account `actual` is: resources
 * created, deleted and changed (`you attached the policy \`ReadOnlyAccess\` to the IAM user \`app-reader\``),
 * in a stable order. Timestamps, STS sessions, histories and counters are not compared; parts of the
 * account no resource kind covers are compared as a whole and named by their state path. Empty when the
 * accounts agree.
 */
export function accountDrift(expected: AccountState, actual: AccountState): AccountChange[] {
  const covered = new Set(RESOURCE_KINDS.map((kind) => kind.path.join('.')));
  return [
    ...RESOURCE_KINDS.flatMap((kind) => collectionChanges(kind, read(expected, kind.path), read(actual, kind.path))),
    ...otherChanges(expected, actual, covered),
  ];
}
