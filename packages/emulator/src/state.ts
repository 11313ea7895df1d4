import { emptyAutoScalingState, type AutoScalingState } from './autoscaling/state.ts';
import { emptyCloudWatchState, type CloudWatchState } from './cloudwatch/state.ts';
import { emptyEc2State, type Ec2State } from './ec2/state.ts';
import { emptyElbv2State, type Elbv2State } from './elbv2/state.ts';
import { emptyEcrState, type EcrState } from './ecr/state.ts';
import { emptyIamState, type IamState } from './iam/state.ts';
import { emptyKmsState, type KmsState } from './kms/state.ts';
import { emptyS3State, type S3State } from './s3/state.ts';
import { emptyStsState, type StsState } from './sts/state.ts';
import { restoreRecordsAt } from './records.ts';

/**
 * One emulated AWS account, as plain JSON so a snapshot can be stored per attempt and restored later
 * (DESIGN §2). One member per service, each with its own `empty*State()`.
 */
export interface AccountState {
  iam: IamState;
  s3: S3State;
  ec2: Ec2State;
  elbv2: Elbv2State;
  autoscaling: AutoScalingState;
  cloudwatch: CloudWatchState;
  sts: StsState;
  kms: KmsState;
  ecr: EcrState;
}

/** A fresh account with nothing in it. */
export function emptyAccountState(): AccountState {
  return { iam: emptyIamState(), s3: emptyS3State(), ec2: emptyEc2State(), elbv2: emptyElbv2State(), autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), sts: emptyStsState(), kms: emptyKmsState(), ecr: emptyEcrState() };
}

/**
 * An account read back from storage. A snapshot stored before a service joined the emulator lacks that
 * service's member; it gets the service's empty state, so old attempts keep working after an upgrade.
 */
export function restoreAccountState(snapshot: unknown): AccountState {
  const stored = snapshot !== null && typeof snapshot === 'object' && !Array.isArray(snapshot) ? (snapshot as Partial<AccountState>) : {};
  const empty = emptyAccountState();
  // IAM grew groups, roles and more after the first snapshots were stored; EC2 grew snapshots and EBS settings.
  return restoreRecords({ ...empty, ...stored, iam: { ...empty.iam, ...stored.iam }, ec2: { ...empty.ec2, ...stored.ec2 } });
}

/** A deep copy of an account, through JSON because state is plain JSON by design, its records again without prototypes. */
export function cloneState(state: AccountState): AccountState {
  return restoreRecords(JSON.parse(JSON.stringify(state)) as AccountState);
}

// Every record of the account keyed by a name or id a caller chooses (`*`: each entry of the record before).
// A service's new record joins here; state.test.ts checks that each record of the empty account is listed.
const RECORD_PATHS = [
  'iam.users',
  'iam.users.*.UserPolicies',
  'iam.policies',
  'iam.groups',
  'iam.groups.*.GroupPolicies',
  'iam.roles',
  'iam.roles.*.RolePolicies',
  'iam.instanceProfiles',
  'iam.mfaDevices',
  'iam.awsManagedAttachments',
  's3.buckets',
  's3.buckets.*.Objects',
  's3.buckets.*.Objects.*.Metadata',
  'sts.sessions',
  'sts.sessions.*.Tags',
  ...['vpcs', 'subnets', 'routeTables', 'internetGateways', 'natGateways', 'addresses', 'securityGroups', 'networkAcls', 'networkInterfaces', 'instances', 'volumes', 'snapshots', 'ebsEncryption', 'keyPairs', 'launchTemplates'].map((r) => `ec2.${r}`),
  ...['loadBalancers', 'listeners', 'rules', 'targetGroups'].map((r) => `elbv2.${r}`),
  ...['groups', 'policies', 'scheduledActions'].map((r) => `autoscaling.${r}`),
  ...['metrics', 'alarms'].map((r) => `cloudwatch.${r}`),
  'kms.keys',
  'kms.aliases',
  'ecr.repositories',
  'ecr.repositories.*.images',
] as const;

/** The account with its records made prototype-less again, in place, after JSON or `structuredClone`. */
export function restoreRecords(state: AccountState): AccountState {
  restoreRecordsAt(state, RECORD_PATHS);
  return state;
}
