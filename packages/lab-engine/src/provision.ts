import {
  addRoleToInstanceProfile,
  attachRolePolicy,
  attachUserPolicy,
  createBucket,
  createInstanceProfile,
  createPolicy,
  createRole,
  createUser,
  emptyAccountState,
  putObject,
  putRolePolicy,
  putUserPolicy,
  type AccountState,
  type Ctx,
} from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { LabError, setupStep } from './lab-error.ts';
import { provisionEbs, provisionEcr, provisionKms } from './provision-ebs-ecr.ts';
import { provisionEc2 } from './provision-ec2.ts';
import { provisionElbv2 } from './provision-elbv2.ts';
import { provisionLaunchTemplates } from './provision-launch-templates.ts';
import { resolveParams } from './params.ts';
import { renderDeep, renderString } from './template.ts';
import type { Provisioned } from './types.ts';

/** The context for one attempt: the account id comes from the lab's `setup.accountId` when it sets one. */
export function attemptCtx(lab: Lab, params: Record<string, string>, ctx: Ctx): Ctx {
  if (lab.setup.accountId === undefined) return ctx;
  const accountId = renderString(lab.setup.accountId, params);
  if (!/^\d{12}$/.test(accountId)) {
    throw new LabError(`\`setup.accountId\` renders to \`${accountId}\`, not a 12-digit account id`, [
      { ruleId: 'lab/invalid-account-id', severity: 'error', path: ['setup', 'accountId'], message: `\`setup.accountId\` renders to \`${accountId}\`, not a 12-digit account id` },
    ]);
  }
  return { ...ctx, accountId };
}

/**
 * Builds one attempt's variant: draws the params from the seed and creates the lab's initial account
 * through the emulator's own operations, so setup obeys the same rules as the learner.
 * Throws `LabError` when the lab's setup is not valid in AWS terms.
 */
export function provision(lab: Lab, seed: string, ctx: Ctx): Provisioned {
  return provisionVariant(lab, resolveParams(lab, seed), ctx);
}

/**
 * Builds the initial account of a variant whose params are already known: an exam paper stores the params it
 * showed the learner, so grading provisions exactly that variant even if the lab's params were edited since.
 * Throws `LabError` when the lab's setup is not valid in AWS terms.
 */
export function provisionVariant(lab: Lab, params: Record<string, string>, ctx: Ctx): Provisioned {
  const c = attemptCtx(lab, params, ctx);
  const setup = renderDeep(lab.setup, params);
  const state: AccountState = emptyAccountState();
  provisionKms(state, setup, c);
  setup.iam.policies.forEach((policy, i) => {
    setupStep(['setup', 'iam', 'policies', i], () => createPolicy(state, policy, c));
  });
  setup.iam.users.forEach((user, i) => {
    const path = ['setup', 'iam', 'users', i];
    setupStep(path, () => createUser(state, { UserName: user.UserName, ...(user.Path !== undefined ? { Path: user.Path } : {}) }, c));
    user.UserPolicyList?.forEach((policy, j) => {
      setupStep([...path, 'UserPolicyList', j], () => putUserPolicy(state, { UserName: user.UserName, ...policy }, c));
    });
    user.AttachedManagedPolicies?.forEach((attached, j) => {
      setupStep([...path, 'AttachedManagedPolicies', j], () => attachUserPolicy(state, { UserName: user.UserName, PolicyArn: attached.PolicyArn }, c));
    });
  });
  setup.iam.roles.forEach((role, i) => {
    const path = ['setup', 'iam', 'roles', i];
    const { RoleName, Path, Description, AssumeRolePolicyDocument } = role;
    setupStep(path, () => createRole(state, { RoleName, AssumeRolePolicyDocument, ...(Path !== undefined ? { Path } : {}), ...(Description !== undefined ? { Description } : {}) }, c));
    role.RolePolicyList?.forEach((policy, j) => {
      setupStep([...path, 'RolePolicyList', j], () => putRolePolicy(state, { RoleName, ...policy }, c));
    });
    role.AttachedManagedPolicies?.forEach((attached, j) => {
      setupStep([...path, 'AttachedManagedPolicies', j], () => attachRolePolicy(state, { RoleName, PolicyArn: attached.PolicyArn }, c));
    });
  });
  setup.iam.instanceProfiles.forEach((profile, i) => {
    const path = ['setup', 'iam', 'instanceProfiles', i];
    const { InstanceProfileName, Path } = profile;
    setupStep(path, () => createInstanceProfile(state, { InstanceProfileName, ...(Path !== undefined ? { Path } : {}) }, c));
    profile.Roles?.forEach((RoleName, j) => {
      setupStep([...path, 'Roles', j], () => addRoleToInstanceProfile(state, { InstanceProfileName, RoleName }, c));
    });
  });
  setup.s3.buckets.forEach((bucket, i) => {
    const path = ['setup', 's3', 'buckets', i];
    setupStep(path, () => createBucket(state, { Bucket: bucket.Name }, c));
    bucket.Objects?.forEach((object, j) => {
      setupStep([...path, 'Objects', j], () => putObject(state, { Bucket: bucket.Name, ...object }, c));
    });
  });
  provisionEc2(state, setup.ec2, c);
  provisionElbv2(state, setup.elbv2, c);
  provisionLaunchTemplates(state, setup.ec2.launchTemplates, c);
  provisionEbs(state, setup, c);
  provisionEcr(state, setup, c);
  return { params, state };
}
