import type { Ctx } from '../ctx.ts';
import { isoNow } from './common.ts';
import {
  InvalidLaunchTemplateIdNotFound,
  InvalidLaunchTemplateIdVersionNotFound,
  InvalidLaunchTemplateNameAlreadyExists,
  InvalidParameterCombination,
  InvalidParameterValue,
} from './errors.ts';
import type { Ec2State, LaunchTemplate, LaunchTemplateData, LaunchTemplateVersion, WithEc2 } from './state.ts';
import { getRecord, setRecord } from '../records.ts';

// Launch templates and their versions (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html).

type TemplateRef = { LaunchTemplateId?: string; LaunchTemplateName?: string };

function findTemplate(ec2: Ec2State, ref: TemplateRef): LaunchTemplate {
  if ((ref.LaunchTemplateId === undefined) === (ref.LaunchTemplateName === undefined)) {
    throw new InvalidParameterCombination('give exactly one of `LaunchTemplateId` and `LaunchTemplateName`');
  }
  const template = ref.LaunchTemplateId !== undefined
    ? getRecord(ec2.launchTemplates, ref.LaunchTemplateId)
    : Object.values(ec2.launchTemplates).find((t) => t.LaunchTemplateName === ref.LaunchTemplateName);
  if (!template) throw new InvalidLaunchTemplateIdNotFound(`the launch template \`${ref.LaunchTemplateId ?? ref.LaunchTemplateName}\` does not exist`);
  return template;
}

function findVersion(template: LaunchTemplate, version: string | undefined): LaunchTemplateVersion {
  // `$Latest`, `$Default` or a number; without one, RunInstances uses the default version.
  const number = version === undefined || version === '$Default' ? template.DefaultVersionNumber : version === '$Latest' ? template.LatestVersionNumber : Number(version);
  const found = template.Versions.find((v) => v.VersionNumber === number);
  if (!found) throw new InvalidLaunchTemplateIdVersionNotFound(`version \`${version}\` of launch template \`${template.LaunchTemplateId}\` does not exist`);
  return found;
}

/** The template, version number and launch data a RunInstances `LaunchTemplate` parameter names. */
export function resolveLaunchTemplate(ec2: Ec2State, ref: TemplateRef & { Version?: string }): { id: string; version: number; data: LaunchTemplateData } {
  const template = findTemplate(ec2, ref);
  const version = findVersion(template, ref.Version);
  return { id: template.LaunchTemplateId, version: version.VersionNumber, data: version.LaunchTemplateData };
}

/** CreateLaunchTemplate: a template with version 1 as its default. */
export function createLaunchTemplate(
  state: WithEc2,
  input: { LaunchTemplateName: string; LaunchTemplateData: LaunchTemplateData; VersionDescription?: string },
  ctx: Ctx,
): { LaunchTemplate: Omit<LaunchTemplate, 'Versions'> } {
  const ec2 = state.ec2;
  if (!/^[a-zA-Z0-9().\-/_]{3,128}$/.test(input.LaunchTemplateName)) throw new InvalidParameterValue(`\`${input.LaunchTemplateName}\` is not a valid launch template name`);
  if (Object.values(ec2.launchTemplates).some((t) => t.LaunchTemplateName === input.LaunchTemplateName)) {
    throw new InvalidLaunchTemplateNameAlreadyExists(`launch template name \`${input.LaunchTemplateName}\` already in use`);
  }
  const template: LaunchTemplate = {
    LaunchTemplateId: ctx.ids.next('lt-'),
    LaunchTemplateName: input.LaunchTemplateName,
    DefaultVersionNumber: 1,
    LatestVersionNumber: 1,
    CreateTime: isoNow(ctx),
    Versions: [{ VersionNumber: 1, VersionDescription: input.VersionDescription, CreateTime: isoNow(ctx), LaunchTemplateData: structuredClone(input.LaunchTemplateData) }],
  };
  setRecord(ec2.launchTemplates, template.LaunchTemplateId, template);
  const { Versions: _versions, ...view } = template;
  return { LaunchTemplate: view };
}

/** CreateLaunchTemplateVersion: a new version, optionally starting from `SourceVersion`'s data. */
export function createLaunchTemplateVersion(
  state: WithEc2,
  input: TemplateRef & { LaunchTemplateData: LaunchTemplateData; SourceVersion?: string; VersionDescription?: string },
  ctx: Ctx,
): { LaunchTemplateVersion: LaunchTemplateVersion & { LaunchTemplateId: string } } {
  const template = findTemplate(state.ec2, input);
  const base = input.SourceVersion === undefined ? {} : findVersion(template, input.SourceVersion).LaunchTemplateData;
  const version: LaunchTemplateVersion = {
    VersionNumber: template.LatestVersionNumber + 1,
    VersionDescription: input.VersionDescription,
    CreateTime: isoNow(ctx),
    LaunchTemplateData: structuredClone({ ...base, ...input.LaunchTemplateData }),
  };
  template.Versions.push(version);
  template.LatestVersionNumber = version.VersionNumber;
  return { LaunchTemplateVersion: { ...version, LaunchTemplateId: template.LaunchTemplateId } };
}

/** ModifyLaunchTemplate: choose the default version. */
export function modifyLaunchTemplate(state: WithEc2, input: TemplateRef & { DefaultVersion: string }): { LaunchTemplate: Omit<LaunchTemplate, 'Versions'> } {
  const template = findTemplate(state.ec2, input);
  template.DefaultVersionNumber = findVersion(template, input.DefaultVersion).VersionNumber;
  const { Versions: _versions, ...view } = template;
  return { LaunchTemplate: view };
}

/** DescribeLaunchTemplateVersions: every version of one template. */
export function describeLaunchTemplateVersions(state: WithEc2, input: TemplateRef): { LaunchTemplateVersions: (LaunchTemplateVersion & { DefaultVersion: boolean })[] } {
  const template = findTemplate(state.ec2, input);
  return { LaunchTemplateVersions: template.Versions.map((v) => ({ ...v, DefaultVersion: v.VersionNumber === template.DefaultVersionNumber })) };
}
