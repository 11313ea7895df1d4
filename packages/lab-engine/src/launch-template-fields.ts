import type { AccountState, LaunchTemplateData } from '@skylab/emulator';
import { resourceNames } from './resource-names.ts';

// What a launch template does to the instances it launches, field by field, with the values EC2 fills in
// when the template leaves a field out, so `HttpTokens` left out and `HttpTokens: optional` read the same
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html) and a
// template without a root volume mapping is read as the AMI's: `/dev/xvda`, gp3, unencrypted.

const ROOT_DEVICE = '/dev/xvda';

/** The default version's data of the template called `name`, or undefined when there is none. */
export function defaultTemplateData(state: AccountState, name: string): LaunchTemplateData | undefined {
  const template = Object.values(state.ec2.launchTemplates).find((t) => t.LaunchTemplateName === name);
  return template?.Versions.find((v) => v.VersionNumber === template.DefaultVersionNumber)?.LaunchTemplateData;
}

/** `value` with every resource id the lab named replaced by its lab name, so values read in the lab's words. */
export function namedValue<T>(state: AccountState, value: T): T {
  const names = resourceNames(state);
  const profiles = new Map(Object.values(state.iam.instanceProfiles).map((p) => [p.Arn, p.InstanceProfileName]));
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? (names.byId.get(v) ?? profiles.get(v) ?? v) : v)) as T;
}

/** The devices whose volumes either template describes, and the root device every launch has. */
export function templateDevices(...templates: LaunchTemplateData[]): string[] {
  return [...new Set([ROOT_DEVICE, ...templates.flatMap((t) => (t.BlockDeviceMappings ?? []).map((m) => m.DeviceName))])].sort();
}

/** The effective value of every field that matters, by its AWS path, in the lab's names. */
export function effectiveFields(state: AccountState, raw: LaunchTemplateData, devices: readonly string[]): Map<string, string> {
  const data = namedValue(state, raw);
  const primary = data.NetworkInterfaces?.find((n) => n.DeviceIndex === 0);
  const groups = primary?.Groups ?? data.SecurityGroupIds ?? [];
  const fields = new Map<string, string>([
    ['MetadataOptions.HttpTokens', data.MetadataOptions?.HttpTokens ?? 'optional'],
    ['MetadataOptions.HttpPutResponseHopLimit', String(data.MetadataOptions?.HttpPutResponseHopLimit ?? 1)],
    ['MetadataOptions.HttpEndpoint', data.MetadataOptions?.HttpEndpoint ?? 'enabled'],
    // Left out, the subnet's `MapPublicIpOnLaunch` decides (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html).
    ['NetworkInterfaces[0].AssociatePublicIpAddress', primary?.AssociatePublicIpAddress === undefined ? "the subnet's setting" : String(primary.AssociatePublicIpAddress)],
    ['NetworkInterfaces[0].SubnetId', primary?.SubnetId ?? 'chosen at launch'],
    ['security groups', groups.length === 0 ? "the VPC's default group" : [...groups].sort().join(', ')],
    ['IamInstanceProfile', data.IamInstanceProfile?.Arn ?? 'none'],
    ['ImageId', data.ImageId ?? 'chosen at launch'],
    ['instance family', data.InstanceType?.split('.')[0] ?? 'chosen at launch'],
    ['UserData', data.UserData === undefined || data.UserData === '' ? 'none' : 'present'],
    ['KeyName', data.KeyName ?? 'none'],
  ]);
  for (const device of devices) {
    const ebs = data.BlockDeviceMappings?.find((m) => m.DeviceName === device)?.Ebs;
    const present = device === ROOT_DEVICE || ebs !== undefined;
    fields.set(`BlockDeviceMappings[${device}].Ebs.Encrypted`, present ? String(ebs?.Encrypted ?? false) : 'no volume');
    fields.set(`BlockDeviceMappings[${device}].Ebs.VolumeType`, present ? (ebs?.VolumeType ?? 'gp3') : 'no volume');
  }
  return fields;
}
