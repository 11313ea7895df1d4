import type { Ctx } from '../ctx.ts';
import { ValidationError } from '../errors.ts';
import type { AccountState } from '../state.ts';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.ts';
import { groupView, type GroupView } from './group-operations.ts';
import { userView } from './operations.ts';
import { roleView, type RoleView } from './role-operations.ts';
import type { IamManagedPolicy } from './state.ts';
import { getRecord } from '../records.ts';

/** The paging parameters every IAM List action takes (API_ListUsers.html: `Marker`, `MaxItems`). */
export interface Paging {
  Marker?: string;
  MaxItems?: number;
}

/** The paging fields of every IAM List answer. */
export interface Page {
  IsTruncated: boolean;
  Marker?: string;
}

// MaxItems is 1 to 1000, 100 when left out; `Marker` is opaque to the caller and only ever one we handed out.
function page<T>(items: T[], input: Paging, key: (item: T) => string): { items: T[] } & Page {
  const max = input.MaxItems ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new ValidationError(`\`${max}\` is not a valid MaxItems: use 1 to 1000`);
  const start = input.Marker === undefined ? 0 : items.findIndex((item) => key(item) === input.Marker);
  if (start < 0) throw new ValidationError(`\`${input.Marker}\` is not a marker this list handed out`);
  const next = items[start + max];
  return { items: items.slice(start, start + max), IsTruncated: next !== undefined, ...(next !== undefined ? { Marker: key(next) } : {}) };
}

// IAM names are unique regardless of case, and a list in name order reads the same on every call.
const byName = <T>(name: (item: T) => string) => (a: T, b: T) => name(a).toLowerCase().localeCompare(name(b).toLowerCase());

function underPath<T extends { Path: string }>(items: T[], prefix = '/'): T[] {
  if (!prefix.startsWith('/')) throw new ValidationError(`\`${prefix}\` is not a valid PathPrefix: it must start with \`/\``);
  return items.filter((item) => item.Path.startsWith(prefix));
}

/** ListUsers: the account's users under `PathPrefix`, in name order, paged. */
export function listUsers(state: AccountState, input: { PathPrefix?: string } & Paging, _ctx: Ctx): { Users: ReturnType<typeof userView>[] } & Page {
  const users = underPath(Object.values(state.iam.users), input.PathPrefix).sort(byName((u) => u.UserName));
  const { items, ...rest } = page(users, input, (u) => u.UserName);
  return { Users: items.map(userView), ...rest };
}

/** ListGroups: the account's groups under `PathPrefix`, in name order, paged. */
export function listGroups(state: AccountState, input: { PathPrefix?: string } & Paging, _ctx: Ctx): { Groups: GroupView[] } & Page {
  const groups = underPath(Object.values(state.iam.groups), input.PathPrefix).sort(byName((g) => g.GroupName));
  const { items, ...rest } = page(groups, input, (g) => g.GroupName);
  return { Groups: items.map(groupView), ...rest };
}

/** ListRoles: the account's roles under `PathPrefix`, in name order, paged. */
export function listRoles(state: AccountState, input: { PathPrefix?: string } & Paging, _ctx: Ctx): { Roles: RoleView[] } & Page {
  const roles = underPath(Object.values(state.iam.roles), input.PathPrefix).sort(byName((r) => r.RoleName));
  const { items, ...rest } = page(roles, input, (r) => r.RoleName);
  return { Roles: items.map(roleView), ...rest };
}

type PolicyView = Omit<IamManagedPolicy, 'Versions'>;

/**
 * ListPolicies: customer managed (`Scope: Local`), AWS managed (`AWS`) or both (`All`, the default), only
 * attached ones with `OnlyAttached` (API_ListPolicies.html). AWS managed policies are the ones the emulator
 * carries, with this account's attachment counts.
 */
export function listPolicies(
  state: AccountState,
  input: { Scope?: string; OnlyAttached?: boolean; PathPrefix?: string } & Paging,
  _ctx: Ctx,
): { Policies: PolicyView[] } & Page {
  const scope = input.Scope ?? 'All';
  if (!['All', 'AWS', 'Local'].includes(scope)) throw new ValidationError(`\`${scope}\` is not a valid Scope: use \`All\`, \`AWS\` or \`Local\``);
  const aws = Object.values(AWS_MANAGED_POLICIES).map((p) => ({ ...p, AttachmentCount: getRecord(state.iam.awsManagedAttachments, p.Arn) ?? 0 }));
  const local = Object.values(state.iam.policies);
  const chosen = scope === 'AWS' ? aws : scope === 'Local' ? local : [...aws, ...local];
  const policies = underPath(chosen, input.PathPrefix)
    .filter((p) => !input.OnlyAttached || p.AttachmentCount > 0)
    .sort(byName((p) => p.Arn));
  const { items, ...rest } = page(policies, input, (p) => p.Arn);
  return { Policies: items.map(({ Versions: _v, ...p }) => p), ...rest };
}
