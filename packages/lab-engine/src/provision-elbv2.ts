import { createListener, createLoadBalancer, createRule, createTargetGroup, ec2Network, registerTargets, type AccountState, type Ctx, type NetworkCtx } from '@skylab/emulator';
import type { Elbv2Setup, PathSegment } from '@skylab/validation';
import { resolveActions, ruleConditions } from './alb-names.ts';
import { setupStep, unknownNameError } from './lab-error.ts';
import { resolveName, resourceNames, type ResourceKind } from './resource-names.ts';

// The lab's load balancing is built through the ELBv2 operations after the EC2 network (target groups and
// their targets, then load balancers, listeners and rules), so a setup AWS would refuse — subnets in one
// Availability Zone, a duplicate priority — fails here with AWS's error code.

/** Creates the setup's ELBv2 resources in `state`; throws `LabError` at the failing element. */
export function provisionElbv2(state: AccountState, setup: Elbv2Setup, ctx: Ctx): void {
  if (setup.targetGroups.length === 0 && setup.loadBalancers.length === 0) return;
  const c: NetworkCtx = { ...ctx, network: ec2Network(state.ec2) };
  const names = resourceNames(state);
  const at = (...path: PathSegment[]) => ['setup', 'elbv2', ...path];
  const id = (name: string, kind: ResourceKind, path: PathSegment[]) => {
    const found = resolveName(names, name, kind);
    if ('problem' in found) throw unknownNameError(path, found.problem);
    return found.id;
  };
  setup.targetGroups.forEach((group, i) => {
    const { Targets, VpcId, ...rest } = group;
    const input = { ...rest, VpcId: id(VpcId, 'vpc', at('targetGroups', i, 'VpcId')), ...(group.HealthCheckPath !== undefined ? { HealthCheckPath: group.HealthCheckPath } : {}) };
    const arn = setupStep(at('targetGroups', i), () => createTargetGroup(state, input, c)).TargetGroups[0]?.TargetGroupArn as string;
    Targets.forEach((target, j) => {
      const targetId = group.TargetType === 'instance' ? id(target.Id, 'instance', at('targetGroups', i, 'Targets', j, 'Id')) : target.Id;
      setupStep(at('targetGroups', i, 'Targets', j), () => registerTargets(state, { TargetGroupArn: arn, Targets: [{ Id: targetId, ...(target.Port !== undefined ? { Port: target.Port } : {}) }] }, c));
    });
  });
  setup.loadBalancers.forEach((lb, i) => {
    const input = {
      Name: lb.Name,
      Scheme: lb.Scheme,
      Subnets: lb.Subnets.map((s, j) => id(s, 'subnet', at('loadBalancers', i, 'Subnets', j))),
      SecurityGroups: lb.SecurityGroups.map((g, j) => id(g, 'security group', at('loadBalancers', i, 'SecurityGroups', j))),
    };
    const lbArn = setupStep(at('loadBalancers', i), () => createLoadBalancer(state, input, c)).LoadBalancers[0]?.LoadBalancerArn as string;
    lb.Listeners.forEach((listener, j) => {
      const path = at('loadBalancers', i, 'Listeners', j);
      const DefaultActions = named(state, listener.DefaultActions, [...path, 'DefaultActions']);
      const { Rules, ...rest } = listener;
      const listenerArn = setupStep(path, () => createListener(state, { ...rest, LoadBalancerArn: lbArn, DefaultActions }, c)).Listeners[0]?.ListenerArn as string;
      Rules.forEach((rule, k) => {
        const Actions = named(state, rule.Actions, [...path, 'Rules', k, 'Actions']);
        setupStep([...path, 'Rules', k], () => createRule(state, { ListenerArn: listenerArn, Priority: Number(rule.Priority), Conditions: ruleConditions(rule), Actions }, c));
      });
    });
  });
}

function named(state: AccountState, actions: unknown[], path: PathSegment[]) {
  const resolved = resolveActions(state, actions, path);
  const problem = resolved.problems[0];
  if (problem) throw unknownNameError(problem.path, problem.message);
  return resolved.actions;
}
