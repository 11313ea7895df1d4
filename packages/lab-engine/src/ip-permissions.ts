import type { IpPermission, IpPermissionInput } from '@skylab/emulator';
import type { PathSegment } from '@skylab/validation';

// Security group rules as labs and learners write them: EC2's `IpPermission` shape, where a referenced
// group may be given by `GroupName`. EC2 takes names there only in the default VPC
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UserIdGroupPair.html); the lab resolves the
// name to the group's id first, as the console does when a group is picked by name.

/** One rule as written in a lab or an answer. */
export interface WrittenPermission {
  IpProtocol: string | number;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6: string; Description?: string }[];
  PrefixListIds?: { PrefixListId: string }[];
  UserIdGroupPairs?: { GroupId?: string; GroupName?: string; Description?: string }[];
}

/** A name that did not resolve, at its place inside the permission. */
export interface PermissionProblem {
  path: PathSegment[];
  message: string;
}

/**
 * The permission as `AuthorizeSecurityGroupIngress` takes it, with group names replaced by ids.
 * `groupId` answers a name with the id, or undefined when no group of the lab has that name.
 */
export function permissionInput(written: WrittenPermission, groupId: (name: string) => string | undefined): { input: IpPermissionInput; problems: PermissionProblem[] } {
  const problems: PermissionProblem[] = [];
  const input: IpPermissionInput = { IpProtocol: String(written.IpProtocol) };
  if (written.FromPort !== undefined) input.FromPort = written.FromPort;
  if (written.ToPort !== undefined) input.ToPort = written.ToPort;
  if (written.IpRanges) input.IpRanges = written.IpRanges.map((r) => ({ ...r }));
  if (written.Ipv6Ranges) input.Ipv6Ranges = written.Ipv6Ranges.map((r) => ({ ...r }));
  if (written.PrefixListIds) input.PrefixListIds = written.PrefixListIds.map((r) => ({ PrefixListId: r.PrefixListId }));
  if (written.UserIdGroupPairs) {
    input.UserIdGroupPairs = [];
    written.UserIdGroupPairs.forEach((pair, k) => {
      const description = pair.Description === undefined ? {} : { Description: pair.Description };
      if (pair.GroupId !== undefined) {
        input.UserIdGroupPairs?.push({ GroupId: pair.GroupId, ...description });
        return;
      }
      const id = pair.GroupName === undefined ? undefined : groupId(pair.GroupName);
      if (id === undefined) {
        problems.push({
          path: ['UserIdGroupPairs', k, pair.GroupName === undefined ? 'GroupId' : 'GroupName'],
          message: pair.GroupName === undefined ? 'a group pair needs `GroupName` or `GroupId`' : `there is no security group \`${pair.GroupName}\` in this vpc`,
        });
        return;
      }
      input.UserIdGroupPairs?.push({ GroupId: id, ...description });
    });
  }
  return { input, problems };
}

/** A stored permission as the revoke operations take it back. */
export function storedInput(permission: IpPermission): IpPermissionInput {
  const input: IpPermissionInput = {
    IpProtocol: permission.IpProtocol,
    IpRanges: permission.IpRanges.map((r) => ({ ...r })),
    Ipv6Ranges: permission.Ipv6Ranges.map((r) => ({ ...r })),
    UserIdGroupPairs: permission.UserIdGroupPairs.map((p) => ({ GroupId: p.GroupId })),
  };
  if (permission.FromPort !== undefined) input.FromPort = permission.FromPort;
  if (permission.ToPort !== undefined) input.ToPort = permission.ToPort;
  return input;
}
