import type { Lab, PathSegment } from '@skylab/validation';

// Names the launch template task and checks use that the schema cannot check: the template a task writes
// a version of, the resource a `resource` check reads and the subnet instances are launched in must be ones
// the setup creates. A typo is an author finding at load time, not an errored check. Templated names are
// known only per attempt and left to the checks.

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

const templated = (name: string) => name.includes('{{');

/** Findings for launch template task and check references that resolve to nothing in the setup. */
export function launchTemplateReferenceFindings(lab: Lab, add: Add): void {
  const { ec2, iam } = lab.setup;
  const known = {
    'launch-template': new Set(ec2.launchTemplates.map((t) => t.LaunchTemplateName)),
    'security-group': new Set(ec2.securityGroups.map((g) => g.GroupName)),
    'instance-profile': new Set(iam.instanceProfiles.map((p) => p.InstanceProfileName)),
  };
  const unknown = (kind: keyof typeof known, name: string) => !templated(name) && !known[kind].has(name);
  lab.tasks.forEach((task, i) => {
    if (task.kind === 'launch-template' && unknown('launch-template', task.LaunchTemplateName)) {
      add(['tasks', i, 'LaunchTemplateName'], 'lab/unknown-resource', `the setup creates no launch template called \`${task.LaunchTemplateName}\``);
    }
  });
  const subnets = new Set(ec2.subnets.map((s) => s.Name));
  lab.checks.forEach((check, i) => {
    const resource = check.resource;
    // Snapshots and repositories may be made by the answer, and the EBS settings are the region's: only setup resources are checked here.
    if (resource && (resource.type === 'launch-template' || resource.type === 'security-group' || resource.type === 'instance-profile') && unknown(resource.type, resource.name)) add(['checks', i, 'resource', 'name'], 'lab/unknown-resource', `the setup creates no ${resource.type.replace('-', ' ')} called \`${resource.name}\``);
    const subnet = check['equivalent-launch-template']?.subnet;
    if (subnet !== undefined && !templated(subnet) && !subnets.has(subnet)) add(['checks', i, 'equivalent-launch-template', 'subnet'], 'lab/unknown-resource', `the setup creates no subnet called \`${subnet}\``);
  });
}
