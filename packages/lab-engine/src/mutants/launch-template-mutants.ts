import { parseText } from '@skylab/validation';
import { render, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of a `launch-template` answer: the settings that decide how exposed a launched instance is —
// IMDSv1 allowed again (`HttpTokens: optional`), the token hop limit raised so a container can reach it,
// a public IP on the primary interface, a world-open security group swapped in, the instance profile
// dropped, EBS encryption off, a key pair added
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html).

type Doc = Record<string, unknown>;

/** The key pair name the "key pair added" mutant uses: the comparison needs no key pair to exist. */
export const MUTANT_KEY_NAME = 'skylab-mutant-key';

function primaryInterface(data: Doc): { interfaces: Doc[]; index: number } {
  const interfaces = Array.isArray(data.NetworkInterfaces) ? (data.NetworkInterfaces as Doc[]) : [];
  return { interfaces, index: interfaces.findIndex((n, i) => (n.DeviceIndex ?? i) === 0) };
}

/** The mutants of a launch template answer; `context.worldOpenGroups` are the groups one may swap in. */
export function launchTemplateMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const doc = parseText(text).value as Doc | undefined;
  const data = doc?.LaunchTemplateData as Doc | undefined;
  if (!doc || !data) return [];
  const mutants: Mutant[] = [];
  const emit = (description: string, next: Doc) => mutants.push({ task, description, answer: render({ ...doc, LaunchTemplateData: next }) });
  const metadata = (data.MetadataOptions ?? {}) as Doc;
  emit('`HttpTokens` set to `optional` (IMDSv1 allowed)', { ...data, MetadataOptions: { ...metadata, HttpTokens: 'optional' } });
  const hops = Number(metadata.HttpPutResponseHopLimit ?? 1);
  emit(`\`HttpPutResponseHopLimit\` raised from ${hops} to ${hops + 1}`, { ...data, MetadataOptions: { ...metadata, HttpPutResponseHopLimit: hops + 1 } });
  const { interfaces, index } = primaryInterface(data);
  const primary = index >= 0 ? (interfaces[index] as Doc) : undefined;
  const withPrimary = (changes: Doc): Doc => {
    if (primary) return { ...data, NetworkInterfaces: interfaces.map((n, i) => (i === index ? { ...n, ...changes } : n)) };
    // Interface settings move the groups onto the interface: AWS refuses both on one launch.
    const { SecurityGroupIds, ...rest } = data;
    return { ...rest, NetworkInterfaces: [{ DeviceIndex: 0, ...(SecurityGroupIds ? { Groups: SecurityGroupIds } : {}), ...changes }, ...interfaces] };
  };
  if (primary?.AssociatePublicIpAddress !== true) emit('a public IP address on the primary interface', withPrimary({ AssociatePublicIpAddress: true }));
  for (const group of context.worldOpenGroups ?? []) {
    if (primary?.Groups !== undefined || data.SecurityGroupIds === undefined) emit(`security group \`${group}\` (open to the world) swapped in`, withPrimary({ Groups: [group] }));
    else emit(`security group \`${group}\` (open to the world) swapped in`, { ...data, SecurityGroupIds: [group] });
  }
  if (data.IamInstanceProfile !== undefined) {
    const { IamInstanceProfile: _dropped, ...rest } = data;
    emit('the instance profile dropped', rest);
  }
  const mappings = Array.isArray(data.BlockDeviceMappings) ? (data.BlockDeviceMappings as Doc[]) : [];
  mappings.forEach((mapping, i) => {
    const ebs = mapping.Ebs as Doc | undefined;
    if (ebs?.Encrypted !== true) return;
    emit(`encryption of \`${String(mapping.DeviceName)}\` turned off`, { ...data, BlockDeviceMappings: mappings.map((m, j) => (j === i ? { ...m, Ebs: { ...ebs, Encrypted: false } } : m)) });
  });
  if (data.KeyName === undefined) emit(`key pair \`${MUTANT_KEY_NAME}\` added`, { ...data, KeyName: MUTANT_KEY_NAME });
  return mutants;
}
