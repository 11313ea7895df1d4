import { CertificateNotFound, DuplicateListener, ListenerNotFound, LoadBalancerNotFound, PriorityInUse, RuleNotFound, TooManyRules, ValidationError } from '../errors.ts';
import type { NetworkCtx } from '../network.ts';
import type { Action, Certificate, Elbv2Account, Listener, Rule, RuleCondition, TargetGroup } from '../state.ts';
import { validateActions, validateConditions, RULE_LIMITS } from '../validate.ts';
import { arnPrefix, defaultRuleArn, hexId, q } from './common.ts';
import { deleteRecord, getRecord, setRecord } from '../../records.ts';

// Listeners and rules: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html,
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html

/** Rules per Application Load Balancer listener, the default rule not counted (quota). */
export const RULES_PER_LISTENER = 100;

function forwardedGroups(actions: Action[]): string[] {
  return actions.flatMap((a) => (a.Type !== 'forward' ? [] : (a.ForwardConfig?.TargetGroups.map((g) => g.TargetGroupArn) ?? (a.TargetGroupArn ? [a.TargetGroupArn] : []))));
}

/** Recomputes which load balancers use each target group, and wakes `unused` targets of groups now in use. */
function relinkTargetGroups(state: Elbv2Account, now: number): void {
  const users = new Map<string, Set<string>>();
  for (const listener of Object.values(state.elbv2.listeners)) {
    for (const rule of getRecord(state.elbv2.rules, listener.ListenerArn) ?? []) {
      for (const arn of forwardedGroups(rule.Actions)) users.set(arn, (users.get(arn) ?? new Set()).add(listener.LoadBalancerArn));
    }
  }
  for (const group of Object.values(state.elbv2.targetGroups)) {
    group.LoadBalancerArns = [...(users.get(group.TargetGroupArn) ?? [])].sort();
    for (const target of group.Targets) {
      if (group.LoadBalancerArns.length > 0 && target.TargetHealth.State === 'unused') {
        target.TargetHealth = { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
        target.RegisteredAt = now;
      }
    }
  }
}

function listenerOf(state: Elbv2Account, arn: string): Listener {
  const listener = getRecord(state.elbv2.listeners, arn);
  if (!listener) throw new ListenerNotFound(`the listener ${q(arn)} does not exist`);
  return listener;
}

/** CreateListener: HTTP or HTTPS (HTTPS needs a certificate), one per port, with its default rule. */
export function createListener(
  state: Elbv2Account,
  input: { LoadBalancerArn: string; Protocol?: 'HTTP' | 'HTTPS'; Port?: number; Certificates?: Certificate[]; SslPolicy?: string; DefaultActions: Action[] },
  ctx: NetworkCtx,
): { Listeners: Listener[] } {
  const lb = getRecord(state.elbv2.loadBalancers, input.LoadBalancerArn);
  if (!lb) throw new LoadBalancerNotFound(`the load balancer ${q(input.LoadBalancerArn)} does not exist`);
  const protocol = input.Protocol ?? 'HTTP';
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') throw new ValidationError(`listener protocol ${q(protocol)} is not valid for an Application Load Balancer: use HTTP or HTTPS`);
  const port = input.Port ?? (protocol === 'HTTPS' ? 443 : 80);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ValidationError(`the listener port must be 1 to 65535, got ${port}`);
  if (Object.values(state.elbv2.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port)) {
    throw new DuplicateListener(`the load balancer already has a listener on port ${port}`);
  }
  // An HTTPS listener must have exactly one default certificate
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html).
  if (protocol === 'HTTPS' && (input.Certificates ?? []).length === 0) throw new CertificateNotFound('an HTTPS listener needs a default certificate');
  validateActions(input.DefaultActions, state.elbv2);
  const listenerArn = `${arnPrefix(ctx)}listener/app/${lb.LoadBalancerName}/${lb.LoadBalancerArn.split('/').at(-1)}/${hexId(ctx)}`;
  const listener: Listener = {
    ListenerArn: listenerArn,
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: port,
    Protocol: protocol,
    ...(protocol === 'HTTPS' ? { Certificates: input.Certificates ?? [], SslPolicy: input.SslPolicy ?? 'ELBSecurityPolicy-2016-08' } : {}),
    DefaultActions: input.DefaultActions,
  };
  setRecord(state.elbv2.listeners, listenerArn, listener);
  setRecord(state.elbv2.rules, listenerArn, [{ RuleArn: defaultRuleArn(listenerArn), Priority: 'default', Conditions: [], Actions: input.DefaultActions, IsDefault: true }]);
  relinkTargetGroups(state, ctx.clock.now());
  return { Listeners: [listener] };
}

/** DescribeListeners of a load balancer or by ARN. */
export function describeListeners(state: Elbv2Account, input: { LoadBalancerArn?: string; ListenerArns?: string[] }, _ctx: NetworkCtx): { Listeners: Listener[] } {
  if (input.ListenerArns) return { Listeners: input.ListenerArns.map((arn) => listenerOf(state, arn)) };
  return { Listeners: Object.values(state.elbv2.listeners).filter((l) => input.LoadBalancerArn === undefined || l.LoadBalancerArn === input.LoadBalancerArn) };
}

/** ModifyListener: default actions, port, protocol and certificates. */
export function modifyListener(
  state: Elbv2Account,
  input: { ListenerArn: string; Port?: number; Protocol?: 'HTTP' | 'HTTPS'; Certificates?: Certificate[]; DefaultActions?: Action[] },
  ctx: NetworkCtx,
): { Listeners: Listener[] } {
  const listener = listenerOf(state, input.ListenerArn);
  if (input.DefaultActions) validateActions(input.DefaultActions, state.elbv2);
  const protocol = input.Protocol ?? listener.Protocol;
  const certificates = input.Certificates ?? listener.Certificates ?? [];
  if (protocol === 'HTTPS' && certificates.length === 0) throw new CertificateNotFound('an HTTPS listener needs a default certificate');
  if (input.Port !== undefined && Object.values(state.elbv2.listeners).some((l) => l !== listener && l.LoadBalancerArn === listener.LoadBalancerArn && l.Port === input.Port)) {
    throw new DuplicateListener(`the load balancer already has a listener on port ${input.Port}`);
  }
  listener.Protocol = protocol;
  if (input.Port !== undefined) listener.Port = input.Port;
  if (protocol === 'HTTPS') listener.Certificates = certificates;
  if (input.DefaultActions) {
    listener.DefaultActions = input.DefaultActions;
    const rules = getRecord(state.elbv2.rules, listener.ListenerArn) ?? [];
    for (const rule of rules) if (rule.IsDefault) rule.Actions = input.DefaultActions;
  }
  relinkTargetGroups(state, ctx.clock.now());
  return { Listeners: [listener] };
}

/** DeleteListener and its rules. */
export function deleteListener(state: Elbv2Account, input: { ListenerArn: string }, ctx: NetworkCtx): Record<string, never> {
  listenerOf(state, input.ListenerArn);
  deleteRecord(state.elbv2.listeners, input.ListenerArn);
  deleteRecord(state.elbv2.rules, input.ListenerArn);
  relinkTargetGroups(state, ctx.clock.now());
  return {};
}

function checkPriority(state: Elbv2Account, listenerArn: string, priority: number, except?: string): void {
  if (!Number.isInteger(priority) || priority < 1 || priority > RULE_LIMITS.maxPriority) throw new ValidationError(`a rule priority must be an integer from 1 to ${RULE_LIMITS.maxPriority}, got ${priority}`);
  // Priorities are unique per listener (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html#rule-priority).
  const clash = (getRecord(state.elbv2.rules, listenerArn) ?? []).find((r) => r.Priority === String(priority) && r.RuleArn !== except);
  if (clash) throw new PriorityInUse(`the priority ${priority} is in use by another rule of this listener`);
}

/** CreateRule with a unique priority, valid conditions and actions. */
export function createRule(
  state: Elbv2Account,
  input: { ListenerArn: string; Priority: number; Conditions: RuleCondition[]; Actions: Action[] },
  ctx: NetworkCtx,
): { Rules: Rule[] } {
  const listener = listenerOf(state, input.ListenerArn);
  const rules = getRecord(state.elbv2.rules, listener.ListenerArn) ?? [];
  if (rules.filter((r) => !r.IsDefault).length >= RULES_PER_LISTENER) throw new TooManyRules(`a listener can have at most ${RULES_PER_LISTENER} rules besides the default rule`);
  checkPriority(state, listener.ListenerArn, input.Priority);
  if (input.Conditions.length === 0) throw new ValidationError('a rule needs at least one condition; only the default rule has none');
  validateConditions(input.Conditions);
  validateActions(input.Actions, state.elbv2);
  const rule: Rule = {
    RuleArn: `${listener.ListenerArn.replace(':listener/', ':listener-rule/')}/${hexId(ctx)}`,
    Priority: String(input.Priority),
    Conditions: input.Conditions,
    Actions: input.Actions,
    IsDefault: false,
  };
  setRecord(state.elbv2.rules, listener.ListenerArn, [...rules, rule]);
  relinkTargetGroups(state, ctx.clock.now());
  return { Rules: [rule] };
}

function findRule(state: Elbv2Account, ruleArn: string): { listenerArn: string; rule: Rule } {
  for (const [listenerArn, rules] of Object.entries(state.elbv2.rules)) {
    const rule = rules.find((r) => r.RuleArn === ruleArn);
    if (rule) return { listenerArn, rule };
  }
  throw new RuleNotFound(`the rule ${q(ruleArn)} does not exist`);
}

/** DescribeRules of a listener, in priority order with the default rule last. */
export function describeRules(state: Elbv2Account, input: { ListenerArn?: string; RuleArns?: string[] }, _ctx: NetworkCtx): { Rules: Rule[] } {
  if (input.RuleArns) return { Rules: input.RuleArns.map((arn) => findRule(state, arn).rule) };
  const listener = listenerOf(state, input.ListenerArn ?? '');
  const rules = [...(getRecord(state.elbv2.rules, listener.ListenerArn) ?? [])];
  return { Rules: rules.sort((a, b) => (a.IsDefault ? 1 : b.IsDefault ? -1 : Number(a.Priority) - Number(b.Priority))) };
}

/** ModifyRule: conditions and actions (the default rule's only through its actions). */
export function modifyRule(state: Elbv2Account, input: { RuleArn: string; Conditions?: RuleCondition[]; Actions?: Action[] }, ctx: NetworkCtx): { Rules: Rule[] } {
  const { rule } = findRule(state, input.RuleArn);
  if (input.Conditions) {
    if (rule.IsDefault) throw new ValidationError('the conditions of the default rule cannot be changed');
    validateConditions(input.Conditions);
    rule.Conditions = input.Conditions;
  }
  if (input.Actions) {
    validateActions(input.Actions, state.elbv2);
    rule.Actions = input.Actions;
  }
  relinkTargetGroups(state, ctx.clock.now());
  return { Rules: [rule] };
}

/** SetRulePriorities: all changes checked against each other before any is applied. */
export function setRulePriorities(state: Elbv2Account, input: { RulePriorities: { RuleArn: string; Priority: number }[] }, _ctx: NetworkCtx): { Rules: Rule[] } {
  const found = input.RulePriorities.map((p) => ({ ...findRule(state, p.RuleArn), priority: p.Priority }));
  for (const f of found) {
    if (f.rule.IsDefault) throw new ValidationError('the default rule has no priority to set');
    const movedAway = new Set(found.map((x) => x.rule.RuleArn));
    if (!Number.isInteger(f.priority) || f.priority < 1 || f.priority > RULE_LIMITS.maxPriority) throw new ValidationError(`a rule priority must be an integer from 1 to ${RULE_LIMITS.maxPriority}, got ${f.priority}`);
    const clash = (getRecord(state.elbv2.rules, f.listenerArn) ?? []).find((r) => r.Priority === String(f.priority) && !movedAway.has(r.RuleArn));
    const twice = found.filter((x) => x.listenerArn === f.listenerArn && x.priority === f.priority).length > 1;
    if (clash || twice) throw new PriorityInUse(`the priority ${f.priority} is in use by another rule of this listener`);
  }
  for (const f of found) f.rule.Priority = String(f.priority);
  return { Rules: found.map((f) => f.rule) };
}

/** DeleteRule (never the default rule). */
export function deleteRule(state: Elbv2Account, input: { RuleArn: string }, ctx: NetworkCtx): Record<string, never> {
  const { listenerArn, rule } = findRule(state, input.RuleArn);
  if (rule.IsDefault) throw new ValidationError('the default rule cannot be deleted');
  setRecord(state.elbv2.rules, listenerArn, (getRecord(state.elbv2.rules, listenerArn) ?? []).filter((r) => r !== rule));
  relinkTargetGroups(state, ctx.clock.now());
  return {};
}

/** What `routeRequest` needs to route through a listener of the account: its rules and the target groups with their health. */
export function listenerRoutingInput(state: Elbv2Account, listenerArn: string): { Rules: Rule[]; TargetGroups: TargetGroup[]; Certificates: Certificate[] } {
  const listener = listenerOf(state, listenerArn);
  return { Rules: getRecord(state.elbv2.rules, listener.ListenerArn) ?? [], TargetGroups: Object.values(state.elbv2.targetGroups), Certificates: listener.Certificates ?? [] };
}
