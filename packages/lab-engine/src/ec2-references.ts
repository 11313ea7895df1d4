import type { Lab, PathSegment } from '@skylab/validation';
import type { ResourceKind } from './resource-names.ts';

// Cross-references by name the schema cannot see: every name a setup entry, task or check uses must be a
// resource of the right kind that the setup creates, so a typo is an author finding at load time instead
// of a check that errors for every learner.

const article = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

// A name built from a param is only known per attempt; provisioning and the checks resolve it then, failing closed.
const templated = (name: string) => name.includes('{{');

/** The names the setup declares, and findings for names declared twice. */
function declaredNames(lab: Lab, add: Add): Map<string, ResourceKind> {
  const ec2 = lab.setup.ec2;
  const names = new Map<string, ResourceKind>();
  const declare = (name: string, kind: ResourceKind, path: PathSegment[]) => {
    if (names.has(name)) add(path, 'lab/duplicate-name', `the name \`${name}\` is used twice in the setup: names identify resources, so each must be unique`);
    else names.set(name, kind);
  };
  ec2.vpcs.forEach((r, i) => declare(r.Name, 'vpc', ['setup', 'ec2', 'vpcs', i, 'Name']));
  ec2.internetGateways.forEach((r, i) => declare(r.Name, 'internet gateway', ['setup', 'ec2', 'internetGateways', i, 'Name']));
  ec2.subnets.forEach((r, i) => declare(r.Name, 'subnet', ['setup', 'ec2', 'subnets', i, 'Name']));
  ec2.natGateways.forEach((r, i) => declare(r.Name, 'nat gateway', ['setup', 'ec2', 'natGateways', i, 'Name']));
  ec2.routeTables.forEach((r, i) => declare(r.Name, 'route table', ['setup', 'ec2', 'routeTables', i, 'Name']));
  ec2.networkAcls.forEach((r, i) => declare(r.Name, 'network acl', ['setup', 'ec2', 'networkAcls', i, 'Name']));
  ec2.securityGroups.forEach((r, i) => declare(r.GroupName, 'security group', ['setup', 'ec2', 'securityGroups', i, 'GroupName']));
  ec2.instances.forEach((r, i) => declare(r.Name, 'instance', ['setup', 'ec2', 'instances', i, 'Name']));
  return names;
}

/** Findings for EC2 names that refer to nothing, or to a resource of another kind. */
export function ec2ReferenceFindings(lab: Lab, add: Add): void {
  const names = declaredNames(lab, add);
  const ref = (name: string, kind: ResourceKind, path: PathSegment[]) => {
    if (templated(name)) return;
    const found = names.get(name);
    if (found === kind) return;
    add(path, 'lab/unknown-resource', found ? `\`${name}\` is ${article(found)}, not ${article(kind)}` : `the setup creates no ${kind} called \`${name}\``);
  };
  const ec2 = lab.setup.ec2;
  const at = (...path: PathSegment[]) => ['setup', 'ec2', ...path];
  ec2.internetGateways.forEach((r, i) => r.VpcId !== undefined && ref(r.VpcId, 'vpc', at('internetGateways', i, 'VpcId')));
  ec2.subnets.forEach((r, i) => ref(r.VpcId, 'vpc', at('subnets', i, 'VpcId')));
  for (const section of ['routeTables', 'networkAcls'] as const) {
    ec2[section].forEach((r, i) => {
      ref(r.VpcId, 'vpc', at(section, i, 'VpcId'));
      r.Associations.forEach((a, j) => ref(a.SubnetId, 'subnet', at(section, i, 'Associations', j, 'SubnetId')));
    });
  }
  ec2.natGateways.forEach((r, i) => ref(r.SubnetId, 'subnet', at('natGateways', i, 'SubnetId')));
  ec2.routeTables.forEach((r, i) =>
    r.Routes.forEach((route, j) => {
      if (route.GatewayId !== undefined) ref(route.GatewayId, 'internet gateway', at('routeTables', i, 'Routes', j, 'GatewayId'));
      if (route.NatGatewayId !== undefined) ref(route.NatGatewayId, 'nat gateway', at('routeTables', i, 'Routes', j, 'NatGatewayId'));
    }),
  );
  ec2.securityGroups.forEach((g, i) => {
    ref(g.VpcId, 'vpc', at('securityGroups', i, 'VpcId'));
    for (const direction of ['IpPermissions', 'IpPermissionsEgress'] as const) {
      g[direction]?.forEach((p, j) =>
        p.UserIdGroupPairs?.forEach((pair, k) => {
          const path = at('securityGroups', i, direction, j, 'UserIdGroupPairs', k);
          if (pair.GroupName !== undefined) ref(pair.GroupName, 'security group', [...path, 'GroupName']);
          else add(path, 'lab/group-by-name', 'refer to a group of the setup by `GroupName`: its id is assigned per attempt');
        }),
      );
    }
  });
  ec2.instances.forEach((r, i) => {
    ref(r.SubnetId, 'subnet', at('instances', i, 'SubnetId'));
    r.SecurityGroupIds.forEach((g, j) => ref(g, 'security group', at('instances', i, 'SecurityGroupIds', j)));
  });
  lab.tasks.forEach((task, i) => {
    if (task.kind === 'security-groups') task.groups.forEach((g, j) => ref(g, 'security group', ['tasks', i, 'groups', j]));
    if (task.kind === 'nacl-entries') ref(task.networkAcl, 'network acl', ['tasks', i, 'networkAcl']);
    if (task.kind === 'route-table') task.routeTables.forEach((t, j) => ref(t, 'route table', ['tasks', i, 'routeTables', j]));
  });
  const tasks = new Set(lab.tasks.map((t) => t.id));
  lab.checks.forEach((check, i) => {
    if (check.reachability) {
      for (const role of ['source', 'destination'] as const) {
        const name = check.reachability[role];
        if (name !== 'internet') ref(name, 'instance', ['checks', i, 'reachability', role]);
      }
    }
    check.exposure?.onlyExposed?.forEach((name, j) => ref(name, 'instance', ['checks', i, 'exposure', 'onlyExposed', j]));
    check.exposure?.notExposed?.instances?.forEach((name, j) => ref(name, 'instance', ['checks', i, 'exposure', 'notExposed', 'instances', j]));
    if (check.lint && !tasks.has(check.lint.task)) add(['checks', i, 'lint', 'task'], 'lab/unknown-task', `there is no task \`${check.lint.task}\` to lint`);
  });
}
