import { z } from 'zod';
import { launchTemplateDataSchema } from '../schemas/launch-template.ts';
import { resourceName, text } from './fields.ts';

// The launch templates an Auto Scaling lab starts from, in the shape of CreateLaunchTemplate; security groups
// are named by their lab names, as everywhere in the setup.

/** A launch template (CreateLaunchTemplate) whose security groups are named by `GroupName`. */
export const launchTemplateSetupSchema = z
  .strictObject({
    // Checked by CreateLaunchTemplate once `{{ }}` templates are filled in.
    LaunchTemplateName: text('a launch template name').describe('The template name (3-128 letters, digits and `( ) . - / _`); groups refer to it as `LaunchTemplate: { LaunchTemplateName }`'),
    LaunchTemplateData: launchTemplateDataSchema
      .pick({ ImageId: true, InstanceType: true, UserData: true, MetadataOptions: true, IamInstanceProfile: true, KeyName: true })
      .extend({ SecurityGroupIds: z.array(resourceName('security group')).optional().describe('Its security groups, by name') })
      .describe('The launch parameters (version 1, the default version)'),
  })
  .describe('A launch template (CreateLaunchTemplate)');

/** A launch template of a lab's setup. */
export type LaunchTemplateSetup = z.output<typeof launchTemplateSetupSchema>;
