import { AwsError, cloneState, createVolume, runInstances, snapshotVolumeAccess, type AccountState, type Ctx, type Snapshot } from '@skylab/emulator';
import { nameTag } from './resource-names.ts';

// What an account's EBS settings do, as plain lines that two accounts can be compared on: every volume a
// universe of creates and launches makes (encrypted? with which key?), and for every snapshot which accounts
// can create volumes from it (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html,
// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html).

/** An account that no one names: whether a snapshot is public shows up in what it may do. */
export const STRANGER_ACCOUNT = '999988887777';

/** The name a learner knows a key by: its alias, else its id. */
function keyLabel(state: AccountState, arn: string | undefined): string {
  const id = arn?.split('/').pop() ?? '';
  const alias = Object.entries(state.kms.aliases).find(([, target]) => target === id)?.[0];
  return alias ?? id;
}

function encryption(state: AccountState, item: { Encrypted: boolean; KmsKeyId?: string }): string {
  return item.Encrypted ? `encrypted with \`${keyLabel(state, item.KmsKeyId)}\`` : 'not encrypted';
}

function created(state: AccountState, what: string, run: (copy: AccountState) => { Encrypted: boolean; KmsKeyId?: string } | undefined): string {
  const copy = cloneState(state);
  try {
    const volume = run(copy);
    return `${what}: ${volume ? encryption(copy, volume) : 'no volume'}`;
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return `${what}: refused (\`${error.code}\`)`;
  }
}

function snapshotLabel(snapshot: Snapshot, setupNames: ReadonlySet<string>): string {
  const name = nameTag(snapshot.Tags ?? []);
  return name !== undefined && setupNames.has(name) ? `snapshot \`${name}\`` : `a copy of ${snapshot.VolumeSize} GiB`;
}

/** The volume universe: each way of making a volume, and how the volume comes out. */
function volumeLines(state: AccountState, setupSnapshots: ReadonlySet<string>, ctx: Ctx): string[] {
  const zone = `${ctx.region}a`;
  const lines = [
    created(state, 'CreateVolume without `Encrypted`', (s) => createVolume(s, { AvailabilityZone: zone, Size: 8 }, ctx)),
    created(state, 'CreateVolume with `Encrypted: false`', (s) => createVolume(s, { AvailabilityZone: zone, Size: 8, Encrypted: false }, ctx)),
    created(state, 'CreateVolume with `Encrypted: true`', (s) => createVolume(s, { AvailabilityZone: zone, Size: 8, Encrypted: true }, ctx)),
  ];
  for (const snapshot of Object.values(state.ec2.snapshots)) {
    const label = snapshotLabel(snapshot, setupSnapshots);
    lines.push(created(state, `CreateVolume from ${label}`, (s) => createVolume(s, { AvailabilityZone: zone, SnapshotId: snapshot.SnapshotId }, ctx)));
  }
  const subnet = Object.values(state.ec2.subnets)[0];
  if (subnet) {
    lines.push(
      created(state, 'the root volume of RunInstances', (s) => {
        const root = runInstances(s, { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet.SubnetId }, ctx).Instances[0]?.BlockDeviceMappings[0]?.Ebs?.VolumeId;
        return root === undefined ? undefined : s.ec2.volumes[root];
      }),
    );
  }
  return lines;
}

/** Who can create volumes from each snapshot, and how each is encrypted. */
function snapshotLines(state: AccountState, setupSnapshots: ReadonlySet<string>, accounts: readonly string[], ctx: Ctx): string[] {
  return Object.values(state.ec2.snapshots).flatMap((snapshot) => {
    const label = snapshotLabel(snapshot, setupSnapshots);
    const access = accounts.map((account) => `${label}: account \`${account}\` ${snapshotVolumeAccess(state, snapshot.SnapshotId, account, ctx).allowed ? 'can' : 'cannot'} create volumes from it`);
    return [`${label}: ${encryption(state, snapshot)}`, ...access];
  });
}

/** Every account either account names: in a snapshot's permissions or a key policy, and the stranger. */
export function namedAccounts(states: readonly AccountState[], extra: readonly string[], ctx: Ctx): string[] {
  const found = new Set([ctx.accountId, STRANGER_ACCOUNT, ...extra]);
  for (const state of states) {
    for (const snapshot of Object.values(state.ec2.snapshots)) for (const p of snapshot.CreateVolumePermissions) if (p.UserId !== undefined) found.add(p.UserId);
    for (const key of Object.values(state.kms.keys)) for (const match of key.Policy.matchAll(/\b\d{12}\b/g)) found.add(match[0]);
  }
  return [...found].sort();
}

/** The behaviour lines of an account's EBS settings over the universe. */
export function ebsBehaviour(state: AccountState, setupSnapshots: ReadonlySet<string>, accounts: readonly string[], ctx: Ctx): string[] {
  return [...volumeLines(state, setupSnapshots, ctx), ...snapshotLines(state, setupSnapshots, accounts, ctx)];
}
