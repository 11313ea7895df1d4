import { AwsError, cloneState, exposureReport, runInstances, type AccountState, type Ctx, type Exposure } from '@skylab/emulator';
import { defaultTemplateData } from './launch-template-fields.ts';
import { resourceNames } from './resource-names.ts';

// What an instance launched from a template's default version is, seen from outside: it is launched with
// RunInstances `LaunchTemplate` (in a copy of the account) so AWS's launch rules apply — a key pair that does
// not exist or groups from another VPC refuse the launch — then asked whether IMDSv1 answers
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html), whether it has a
// public address and what the internet can open on it (the exposure report).

function exposureText(exposure: Exposure, groupName: (id: string) => string): string {
  const range = exposure.PortRange;
  const ports = range ? ` ${range.From === range.To ? range.From : `${range.From}-${range.To}`}` : '';
  return `${exposure.Protocol}${ports} from ${exposure.SourceCidr} (${groupName(exposure.SecurityGroupId)})`;
}

/** The behaviour of an instance launched from template `name`, in `subnetId` when the template names no subnet. */
export function launchBehaviour(state: AccountState, name: string, subnetId: string | undefined, ctx: Ctx): Map<string, string> {
  const copy = cloneState(state);
  const data = defaultTemplateData(copy, name);
  const primary = data?.NetworkInterfaces?.find((n) => n.DeviceIndex === 0);
  // A subnet given at launch goes where the template would have put it: on its primary interface, or the instance.
  const where = subnetId === undefined || primary?.SubnetId !== undefined ? {} : primary ? { NetworkInterfaces: [{ ...primary, SubnetId: subnetId }] } : { SubnetId: subnetId };
  let instanceId: string;
  try {
    const launch = runInstances(copy, { LaunchTemplate: { LaunchTemplateName: name }, MinCount: 1, MaxCount: 1, ...where }, ctx);
    instanceId = launch.Instances[0]?.InstanceId ?? '';
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return new Map([['launch', `refused (${error.code})`]]);
  }
  const instance = copy.ec2.instances[instanceId];
  const options = instance?.MetadataOptions;
  const endpoint = options?.HttpEndpoint === 'enabled';
  const profile = Object.values(copy.iam.instanceProfiles).find((p) => p.Arn === instance?.IamInstanceProfile?.Arn);
  const names = resourceNames(copy);
  const exposures = exposureReport(copy).Exposures.filter((e) => e.InstanceId === instanceId);
  const groupName = (id: string) => names.byId.get(id) ?? id;
  return new Map([
    ['launch', 'launched'],
    ['IMDSv1 answers a plain GET', endpoint && options?.HttpTokens === 'optional' ? 'yes' : 'no'],
    ["the role's credentials from IMDS", endpoint && (profile?.Roles.length ?? 0) > 0 ? 'yes' : 'no'],
    ['public IPv4 address', instance?.AssociatePublicIpAddress === true ? 'yes' : 'no'],
    ['reachable from the internet', exposures.length === 0 ? 'nothing' : [...new Set(exposures.map((e) => exposureText(e, groupName)))].sort().join('; ')],
  ]);
}

/** The subnet launches use when a template names none: `name` from the lab, or the lab's first subnet. */
export function launchSubnet(state: AccountState, name: string | undefined): string | undefined {
  const subnets = Object.values(state.ec2.subnets);
  const names = resourceNames(state);
  const named = subnets.filter((s) => names.byId.has(s.SubnetId));
  return (name === undefined ? named[0] : named.find((s) => names.byId.get(s.SubnetId) === name))?.SubnetId;
}
