import { createLaunchTemplate, ec2Network, type AccountState, type Ctx, type NetworkCtx } from '@skylab/emulator';
import type { LaunchTemplateSetup } from '@skylab/validation';
import { instanceProfileArn } from './apply-launch-template.ts';
import { setupStep, unknownNameError } from './lab-error.ts';
import { resolveName, resourceNames } from './resource-names.ts';

// The launch templates an Auto Scaling lab starts from, created through CreateLaunchTemplate after the
// network so their security groups, named by their lab names, exist.

/** The network context ELBv2 and Auto Scaling need: subnets and reachability from the account's EC2. */
export function networkCtx(state: AccountState, ctx: Ctx): NetworkCtx {
  return { ...ctx, network: ec2Network(state.ec2) };
}

/** Creates the setup's launch templates in `state`; throws `LabError` at the failing element. */
export function provisionLaunchTemplates(state: AccountState, templates: readonly LaunchTemplateSetup[], ctx: Ctx): void {
  if (templates.length === 0) return;
  const names = resourceNames(state);
  templates.forEach((template, i) => {
    const path = ['setup', 'ec2', 'launchTemplates', i];
    const { SecurityGroupIds, IamInstanceProfile, ...data } = template.LaunchTemplateData;
    const profile = IamInstanceProfile ? instanceProfileArn(state, IamInstanceProfile) : undefined;
    if (profile && 'problem' in profile) throw unknownNameError([...path, 'LaunchTemplateData', 'IamInstanceProfile'], profile.problem);
    const groups = SecurityGroupIds?.map((name, j) => {
      const found = resolveName(names, name, 'security group');
      if ('problem' in found) throw unknownNameError([...path, 'LaunchTemplateData', 'SecurityGroupIds', j], found.problem);
      return found.id;
    });
    setupStep(path, () => createLaunchTemplate(state, { LaunchTemplateName: template.LaunchTemplateName, LaunchTemplateData: { ...data, ...(groups ? { SecurityGroupIds: groups } : {}), ...(profile ? { IamInstanceProfile: { Arn: profile.arn } } : {}) } }, ctx));
  });
}
