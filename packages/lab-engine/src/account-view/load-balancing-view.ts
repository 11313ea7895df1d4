import type { AccountState, Elbv2Action, RuleCondition, TargetGroup } from '@skylab/emulator';
import { targetGroupName } from '../alb-names.ts';
import type { LoadBalancerView, TargetGroupView } from './types.ts';

type ListenerView = LoadBalancerView['Listeners'][number];

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function actionText(action: Elbv2Action, state: AccountState): string {
  switch (action.Type) {
    case 'forward': {
      const groups = action.ForwardConfig?.TargetGroups ?? (action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn }] : []);
      return `forward to ${groups.map((g) => `${targetGroupName(state, g.TargetGroupArn)}${'Weight' in g && g.Weight !== undefined && groups.length > 1 ? ` (weight ${g.Weight})` : ''}`).join(', ')}`;
    }
    case 'redirect': {
      const c = action.RedirectConfig;
      // Unset components keep the request's own (`#{protocol}` …), as the console writes them.
      return c ? `redirect ${c.StatusCode} to ${c.Protocol ?? '#{protocol}'}://${c.Host ?? '#{host}'}:${c.Port ?? '#{port}'}${c.Path ?? '/#{path}'}?${c.Query ?? '#{query}'}` : 'redirect';
    }
    case 'fixed-response':
      return `fixed response ${action.FixedResponseConfig?.StatusCode ?? ''}`.trim();
    default:
      return action.Type;
  }
}

function conditionText(condition: RuleCondition): string {
  const values =
    condition.Values ??
    condition.HostHeaderConfig?.Values ??
    condition.PathPatternConfig?.Values ??
    condition.HttpRequestMethodConfig?.Values ??
    condition.SourceIpConfig?.Values ??
    condition.QueryStringConfig?.Values.map((v) => (v.Key === undefined ? v.Value : `${v.Key}=${v.Value}`)) ??
    [];
  const field = condition.HttpHeaderConfig ? `${condition.Field} ${condition.HttpHeaderConfig.HttpHeaderName}` : condition.Field;
  return `${field} is ${(condition.HttpHeaderConfig?.Values ?? values).join(' or ')}`;
}

function listenerViews(state: AccountState, loadBalancerArn: string): ListenerView[] {
  return Object.values(state.elbv2.listeners)
    .filter((l) => l.LoadBalancerArn === loadBalancerArn)
    .sort((a, b) => a.Port - b.Port)
    .map((listener) => {
      const rules = state.elbv2.rules[listener.ListenerArn] ?? [];
      const numbered = rules.filter((r) => !r.IsDefault).sort((a, b) => Number(a.Priority) - Number(b.Priority));
      const ordered = [...numbered, ...rules.filter((r) => r.IsDefault)];
      return {
        Port: listener.Port,
        Protocol: listener.Protocol,
        Rules:
          ordered.length > 0
            ? ordered.map((r) => ({ Priority: r.Priority, Conditions: r.Conditions.map(conditionText), Actions: r.Actions.map((a) => actionText(a, state)) }))
            : [{ Priority: 'default', Conditions: [], Actions: listener.DefaultActions.map((a) => actionText(a, state)) }],
      };
    });
}

/** Each load balancer with its listeners and their rules in evaluation order. */
export function loadBalancerViews(state: AccountState): LoadBalancerView[] {
  return Object.values(state.elbv2.loadBalancers)
    .sort((a, b) => order(a.LoadBalancerName, b.LoadBalancerName))
    .map((lb) => ({
      LoadBalancerName: lb.LoadBalancerName,
      LoadBalancerArn: lb.LoadBalancerArn,
      DNSName: lb.DNSName,
      Scheme: lb.Scheme,
      State: lb.State.Code,
      ...(lb.VpcId === undefined ? {} : { VpcId: lb.VpcId }),
      AvailabilityZones: lb.AvailabilityZones.map((z) => `${z.ZoneName} (${z.SubnetId})`),
      SecurityGroups: [...lb.SecurityGroups],
      Listeners: listenerViews(state, lb.LoadBalancerArn),
    }));
}

function healthCheckText(group: TargetGroup): string {
  if (!group.HealthCheckEnabled) return 'disabled';
  return `${group.HealthCheckProtocol} ${group.HealthCheckPath} on port ${group.HealthCheckPort}, every ${group.HealthCheckIntervalSeconds} s, healthy after ${group.HealthyThresholdCount}, unhealthy after ${group.UnhealthyThresholdCount}, codes ${group.Matcher.HttpCode}`;
}

/** Each target group with its health check and its targets' health. */
export function targetGroupViews(state: AccountState): TargetGroupView[] {
  return Object.values(state.elbv2.targetGroups)
    .sort((a, b) => order(a.TargetGroupName, b.TargetGroupName))
    .map((group) => ({
      TargetGroupName: group.TargetGroupName,
      TargetGroupArn: group.TargetGroupArn,
      Protocol: group.Protocol,
      Port: group.Port,
      HealthCheck: healthCheckText(group),
      Targets: group.Targets.map((t) => ({
        Id: t.Target.Id,
        ...(t.Target.Port === undefined ? {} : { Port: t.Target.Port }),
        State: t.TargetHealth.State,
        ...(t.TargetHealth.Reason === undefined ? {} : { Reason: t.TargetHealth.Reason }),
        ...(t.TargetHealth.Description === undefined ? {} : { Description: t.TargetHealth.Description }),
      })),
    }));
}
