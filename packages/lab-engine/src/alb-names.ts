import type { AccountState, Elbv2Action, Rule, RuleCondition } from '@skylab/emulator';
import type { PathSegment } from '@skylab/validation';

// Labs and learners name target groups instead of writing their ARNs, which are made per attempt: an
// action's `TargetGroupArn` takes the target group's name (or its ARN). Names cannot contain `:`, so the
// two never clash (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html).

/** A name that resolves to nothing, and where. */
export interface NameProblem {
  path: PathSegment[];
  message: string;
}

/** A rule as a lab or a learner writes it (the `listenerRuleSchema` output). */
export interface WrittenRule {
  Priority: number | string;
  Conditions: unknown[];
  Actions: unknown[];
  IsDefault?: boolean | undefined;
}

/** The ARN of a target group given by name or ARN, or undefined when the account has none such. */
export function targetGroupArn(state: AccountState, nameOrArn: string): string | undefined {
  const groups = Object.values(state.elbv2.targetGroups);
  return groups.find((g) => g.TargetGroupName === nameOrArn)?.TargetGroupArn ?? groups.find((g) => g.TargetGroupArn === nameOrArn)?.TargetGroupArn;
}

/** The target group's name for an ARN (explanations speak in names). */
export function targetGroupName(state: AccountState, arn: string): string {
  return Object.values(state.elbv2.targetGroups).find((g) => g.TargetGroupArn === arn)?.TargetGroupName ?? arn;
}

/** The actions with every target group name replaced by its ARN; a name the account lacks is a problem at its path. */
export function resolveActions(state: AccountState, written: unknown[], at: PathSegment[]): { actions: Elbv2Action[]; problems: NameProblem[] } {
  const problems: NameProblem[] = [];
  const resolve = (value: string, path: PathSegment[]): string => {
    const arn = targetGroupArn(state, value);
    if (arn === undefined) problems.push({ path, message: `there is no target group \`${value}\`` });
    return arn ?? value;
  };
  const actions = (written as Elbv2Action[]).map((action, i) => {
    const next: Elbv2Action = { ...action };
    if (action.TargetGroupArn !== undefined) next.TargetGroupArn = resolve(action.TargetGroupArn, [...at, i, 'TargetGroupArn']);
    if (action.ForwardConfig) {
      next.ForwardConfig = {
        ...action.ForwardConfig,
        TargetGroups: action.ForwardConfig.TargetGroups.map((g, j) => ({ ...g, TargetGroupArn: resolve(g.TargetGroupArn, [...at, i, 'ForwardConfig', 'TargetGroups', j, 'TargetGroupArn']) })),
      };
    }
    return next;
  });
  return { actions, problems };
}

/** Whether a written rule is the listener's default rule (`Priority: default` or `IsDefault: true`, as DescribeRules shows it). */
export function isDefaultRule(rule: WrittenRule): boolean {
  return rule.IsDefault === true || rule.Priority === 'default';
}

/** The conditions as the emulator's operations take them. */
export function ruleConditions(rule: WrittenRule): RuleCondition[] {
  return rule.Conditions as RuleCondition[];
}

/** The rules of the listener on `port` of the load balancer called `name`, or why there are none. */
export function listenerOf(state: AccountState, name: string, port: number): { listenerArn: string; rules: Rule[] } | { problem: string } {
  const lb = Object.values(state.elbv2.loadBalancers).find((l) => l.LoadBalancerName === name);
  if (!lb) return { problem: `there is no load balancer \`${name}\`` };
  const listener = Object.values(state.elbv2.listeners).find((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port);
  if (!listener) return { problem: `the load balancer \`${name}\` has no listener on port ${port}` };
  return { listenerArn: listener.ListenerArn, rules: state.elbv2.rules[listener.ListenerArn] ?? [] };
}
