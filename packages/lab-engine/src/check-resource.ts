import type { AccountState } from '@skylab/emulator';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { ebsEcrResourceView } from './ebs-ecr-resources.ts';
import { defaultTemplateData, namedValue } from './launch-template-fields.ts';
import { renderDeep } from './template.ts';

// One property of the final account, read in the shape the Describe/Get call returns, ids turned into the
// lab's names so a check can say `SecurityGroupIds: [app-sg]` whatever ids the attempt was given.

type ResourceSpec = NonNullable<CheckInput['check']['resource']>;

function resourceView(state: AccountState, spec: ResourceSpec): unknown {
  if (spec.type === 'launch-template') {
    const data = defaultTemplateData(state, spec.name);
    return data === undefined ? undefined : { LaunchTemplateName: spec.name, LaunchTemplateData: data };
  }
  if (spec.type === 'ebs-encryption' || spec.type === 'snapshot' || spec.type === 'ecr-repository') return ebsEcrResourceView(state, spec.type, spec.name);
  if (spec.type === 'security-group') return Object.values(state.ec2.securityGroups).find((g) => g.GroupName === spec.name);
  return Object.values(state.iam.instanceProfiles).find((p) => p.InstanceProfileName === spec.name);
}

/** The segments of `A.B[0].C`: field names and list indexes. */
export function pathSegments(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const [name = '', ...indexes] = part.split('[');
    return [...(name === '' ? [] : [name]), ...indexes.map((i) => Number(i.replace(']', '')))];
  });
}

/** The value at `path` in `value`, or undefined when any step is missing. */
export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), value);
}

/** A `resource` check: the property at `path` equals `equals` (as JSON), or is there or left out (`exists`). */
export function runResourceCheck(input: CheckInput, state: AccountState): CheckRun {
  const spec = renderDeep(input.check.resource, input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `resource` assertion');
  const resource = resourceView(state, spec);
  if (resource === undefined) return errored(input, LAB_PROBLEM, `there is no ${spec.type.replace('-', ' ')} \`${spec.name}\` in the account`);
  const actual = valueAt(namedValue(state, resource), pathSegments(spec.path));
  const shown = actual === undefined ? 'left out' : `\`${JSON.stringify(actual)}\``;
  const where = `\`${spec.path}\` of ${spec.type.replace('-', ' ')} \`${spec.name}\``;
  if (spec.exists !== undefined) return decided(input, (actual !== undefined) === spec.exists, `${where} is ${shown}; it must be ${spec.exists ? 'there' : 'left out'}`);
  const passed = JSON.stringify(actual) === JSON.stringify(spec.equals);
  return decided(input, passed, `${where} is ${shown}; expected \`${JSON.stringify(spec.equals)}\``);
}
