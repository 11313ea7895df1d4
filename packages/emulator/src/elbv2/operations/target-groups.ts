import { DuplicateTargetGroupName, InvalidTarget, ResourceInUse, TargetGroupNotFound, ValidationError } from '../errors.ts';
import type { NetworkCtx } from '../network.ts';
import type { Elbv2Account, RegisteredTarget, TargetDescription, TargetGroup, TargetGroupAttribute, TargetHealth } from '../state.ts';
import { arnPrefix, hexId, namePattern, q } from './common.ts';
import { deleteRecord, getRecord, setRecord } from '../../records.ts';

// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
// Health-check ranges and defaults for HTTP/HTTPS target groups:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html#health-check-settings

/** The input of CreateTargetGroup (and the health-check part of ModifyTargetGroup). */
export interface CreateTargetGroupInput {
  Name: string;
  Protocol?: 'HTTP' | 'HTTPS';
  Port?: number;
  VpcId?: string;
  TargetType?: 'instance' | 'ip' | 'lambda' | 'alb';
  HealthCheckEnabled?: boolean;
  HealthCheckProtocol?: 'HTTP' | 'HTTPS';
  HealthCheckPort?: string;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: { HttpCode: string };
}

/** Documented target group attributes, their defaults and allowed values. */
const ATTRIBUTES: Record<string, { default: string; valid(v: string): boolean; rule: string }> = {
  'deregistration_delay.timeout_seconds': { default: '300', valid: (v) => /^\d+$/.test(v) && Number(v) <= 3600, rule: 'an integer from 0 to 3600' },
  'stickiness.enabled': { default: 'false', valid: (v) => v === 'true' || v === 'false', rule: '`true` or `false`' },
  'stickiness.type': { default: 'lb_cookie', valid: (v) => v === 'lb_cookie' || v === 'app_cookie', rule: '`lb_cookie` or `app_cookie`' },
  'stickiness.lb_cookie.duration_seconds': { default: '86400', valid: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 604800, rule: 'an integer from 1 to 604800' },
  'load_balancing.algorithm.type': { default: 'round_robin', valid: (v) => v === 'round_robin' || v === 'least_outstanding_requests', rule: '`round_robin` or `least_outstanding_requests`' },
  'slow_start.duration_seconds': { default: '0', valid: (v) => /^\d+$/.test(v) && (Number(v) === 0 || (Number(v) >= 30 && Number(v) <= 900)), rule: '0 or an integer from 30 to 900' },
};

function range(name: string, value: number | undefined, lo: number, hi: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < lo || value > hi)) throw new ValidationError(`${name} must be an integer from ${lo} to ${hi}, got ${value}`);
}

function validateMatcher(code: string): void {
  // HTTP/HTTPS matchers take codes from 200 to 499, as a list (`200,202`) or a range (`200-299`).
  const ok = code.split(',').every((part) => {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(part.trim());
    if (!m) return false;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    return lo >= 200 && hi <= 499 && lo <= hi;
  });
  if (!ok) throw new ValidationError(`the matcher ${q(code)} must list codes or ranges from 200 to 499 (\`200\`, \`200,202\`, \`200-299\`)`);
}

function validateHealthCheck(input: Partial<CreateTargetGroupInput>, current?: TargetGroup): void {
  range('HealthCheckIntervalSeconds', input.HealthCheckIntervalSeconds, 5, 300);
  range('HealthCheckTimeoutSeconds', input.HealthCheckTimeoutSeconds, 2, 120);
  range('HealthyThresholdCount', input.HealthyThresholdCount, 2, 10);
  range('UnhealthyThresholdCount', input.UnhealthyThresholdCount, 2, 10);
  const interval = input.HealthCheckIntervalSeconds ?? current?.HealthCheckIntervalSeconds ?? 30;
  const timeout = input.HealthCheckTimeoutSeconds ?? current?.HealthCheckTimeoutSeconds ?? 5;
  if (timeout >= interval) throw new ValidationError(`the health check timeout (${timeout}s) must be smaller than the interval (${interval}s)`);
  if (input.HealthCheckPath !== undefined && (!input.HealthCheckPath.startsWith('/') || input.HealthCheckPath.length > 1024)) throw new ValidationError(`the health check path ${q(input.HealthCheckPath)} must start with \`/\` and have at most 1024 characters`);
  if (input.HealthCheckPort !== undefined && input.HealthCheckPort !== 'traffic-port') range('HealthCheckPort', Number(input.HealthCheckPort), 1, 65535);
  if (input.Matcher) validateMatcher(input.Matcher.HttpCode);
}

/** CreateTargetGroup with AWS's defaults: 30 s interval, 5 s timeout, 5 healthy, 2 unhealthy, path `/`, code `200`. */
export function createTargetGroup(state: Elbv2Account, input: CreateTargetGroupInput, ctx: NetworkCtx): { TargetGroups: TargetGroup[] } {
  if (!namePattern(input.Name)) throw new ValidationError(`the target group name ${q(input.Name)} must be 1 to 32 letters, digits or hyphens and must not start or end with a hyphen`);
  const existing = Object.values(state.elbv2.targetGroups).find((g) => g.TargetGroupName === input.Name);
  if (existing) throw new DuplicateTargetGroupName(`a target group named ${q(input.Name)} already exists`);
  const targetType = input.TargetType ?? 'instance';
  if (targetType !== 'instance' && targetType !== 'ip') throw new ValidationError(`target type ${q(targetType)} is not modelled: only \`instance\` and \`ip\``);
  const protocol = input.Protocol ?? 'HTTP';
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') throw new ValidationError(`protocol ${q(protocol)} is not an Application Load Balancer protocol: use HTTP or HTTPS`);
  if (input.Port === undefined) throw new ValidationError('a port is required for instance and ip target groups');
  range('Port', input.Port, 1, 65535);
  validateHealthCheck(input);
  const group: TargetGroup = {
    TargetGroupArn: `${arnPrefix(ctx)}targetgroup/${input.Name}/${hexId(ctx)}`,
    TargetGroupName: input.Name,
    Protocol: protocol,
    Port: input.Port,
    ...(input.VpcId !== undefined ? { VpcId: input.VpcId } : {}),
    TargetType: targetType,
    HealthCheckEnabled: input.HealthCheckEnabled ?? true,
    HealthCheckProtocol: input.HealthCheckProtocol ?? protocol,
    HealthCheckPort: input.HealthCheckPort ?? 'traffic-port',
    HealthCheckPath: input.HealthCheckPath ?? '/',
    HealthCheckIntervalSeconds: input.HealthCheckIntervalSeconds ?? 30,
    HealthCheckTimeoutSeconds: input.HealthCheckTimeoutSeconds ?? 5,
    HealthyThresholdCount: input.HealthyThresholdCount ?? 5,
    UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? 2,
    Matcher: input.Matcher ?? { HttpCode: '200' },
    LoadBalancerArns: [],
    Attributes: Object.entries(ATTRIBUTES).map(([Key, a]) => ({ Key, Value: a.default })),
    Targets: [],
  };
  setRecord(state.elbv2.targetGroups, group.TargetGroupArn, group);
  return { TargetGroups: [group] };
}

/** The target group or `TargetGroupNotFound`. */
export function targetGroupOf(state: Elbv2Account, arn: string): TargetGroup {
  const group = getRecord(state.elbv2.targetGroups, arn);
  if (!group) throw new TargetGroupNotFound(`the target group ${q(arn)} does not exist`);
  return group;
}

/** DescribeTargetGroups (without the registered targets, as the API shows them). */
export function describeTargetGroups(state: Elbv2Account, input: { TargetGroupArns?: string[]; Names?: string[]; LoadBalancerArn?: string }, _ctx: NetworkCtx): { TargetGroups: Omit<TargetGroup, 'Targets' | 'Attributes'>[] } {
  const all = Object.values(state.elbv2.targetGroups);
  const chosen = input.TargetGroupArns
    ? input.TargetGroupArns.map((arn) => targetGroupOf(state, arn))
    : input.Names
      ? input.Names.map((n) => all.find((g) => g.TargetGroupName === n) ?? targetGroupOf(state, n))
      : input.LoadBalancerArn
        ? all.filter((g) => g.LoadBalancerArns.includes(input.LoadBalancerArn as string))
        : all;
  return { TargetGroups: chosen.map(({ Targets: _t, Attributes: _a, ...rest }) => rest) };
}

/** ModifyTargetGroup: the health-check settings. */
export function modifyTargetGroup(state: Elbv2Account, input: { TargetGroupArn: string } & Partial<Omit<CreateTargetGroupInput, 'Name' | 'Protocol' | 'Port' | 'VpcId' | 'TargetType'>>, _ctx: NetworkCtx): { TargetGroups: TargetGroup[] } {
  const group = targetGroupOf(state, input.TargetGroupArn);
  validateHealthCheck(input, group);
  const { TargetGroupArn: _arn, ...changes } = input;
  Object.assign(group, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
  return { TargetGroups: [group] };
}

/** DescribeTargetGroupAttributes. */
export function describeTargetGroupAttributes(state: Elbv2Account, input: { TargetGroupArn: string }, _ctx: NetworkCtx): { Attributes: TargetGroupAttribute[] } {
  return { Attributes: targetGroupOf(state, input.TargetGroupArn).Attributes };
}

/** ModifyTargetGroupAttributes: known keys with valid values only. */
export function modifyTargetGroupAttributes(state: Elbv2Account, input: { TargetGroupArn: string; Attributes: TargetGroupAttribute[] }, _ctx: NetworkCtx): { Attributes: TargetGroupAttribute[] } {
  const group = targetGroupOf(state, input.TargetGroupArn);
  for (const { Key, Value } of input.Attributes) {
    const known = getRecord(ATTRIBUTES, Key);
    if (!known) throw new ValidationError(`the target group attribute ${q(Key)} is not modelled`);
    if (!known.valid(Value)) throw new ValidationError(`the attribute ${q(Key)} must be ${known.rule}, got ${q(Value)}`);
  }
  for (const { Key, Value } of input.Attributes) {
    const existing = group.Attributes.find((a) => a.Key === Key);
    if (existing) existing.Value = Value;
    else group.Attributes.push({ Key, Value });
  }
  return { Attributes: group.Attributes };
}

/** DeleteTargetGroup: refused while a listener or rule forwards to it. */
export function deleteTargetGroup(state: Elbv2Account, input: { TargetGroupArn: string }, _ctx: NetworkCtx): Record<string, never> {
  const group = getRecord(state.elbv2.targetGroups, input.TargetGroupArn);
  if (!group) return {};
  if (group.LoadBalancerArns.length > 0) throw new ResourceInUse(`the target group ${q(group.TargetGroupName)} is currently in use by a listener or a rule`);
  deleteRecord(state.elbv2.targetGroups, input.TargetGroupArn);
  return {};
}

function sameTarget(a: TargetDescription, b: TargetDescription, group: TargetGroup): boolean {
  return a.Id === b.Id && (a.Port ?? group.Port) === (b.Port ?? group.Port);
}

/** RegisterTargets: new targets start `initial` (or `unused` while no load balancer uses the group). */
export function registerTargets(state: Elbv2Account, input: { TargetGroupArn: string; Targets: TargetDescription[] }, ctx: NetworkCtx): Record<string, never> {
  const group = targetGroupOf(state, input.TargetGroupArn);
  for (const target of input.Targets) {
    if (group.TargetType === 'instance' && !/^i-[0-9a-f]{8,17}$/.test(target.Id)) throw new InvalidTarget(`the target ${q(target.Id)} is not an instance id, and the target group's type is \`instance\``);
    if (group.TargetType === 'ip' && !/^\d+\.\d+\.\d+\.\d+$|:/.test(target.Id)) throw new InvalidTarget(`the target ${q(target.Id)} is not an IP address, and the target group's type is \`ip\``);
    range('Port', target.Port, 1, 65535);
    const existing = group.Targets.find((t) => sameTarget(t.Target, target, group));
    if (existing && existing.TargetHealth.State !== 'draining') continue;
    if (existing) group.Targets = group.Targets.filter((t) => t !== existing);
    const health: TargetHealth = group.LoadBalancerArns.length === 0
      ? { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' }
      : { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
    const registered: RegisteredTarget = {
      Target: { ...target, Port: target.Port ?? group.Port },
      HealthCheckPort: group.HealthCheckPort === 'traffic-port' ? String(target.Port ?? group.Port) : group.HealthCheckPort,
      TargetHealth: health,
      RegisteredAt: ctx.clock.now(),
      ConsecutiveSuccesses: 0,
      ConsecutiveFailures: 0,
    };
    group.Targets.push(registered);
  }
  return {};
}

/** DeregisterTargets: targets drain for `deregistration_delay.timeout_seconds` (300 by default) before they leave. */
export function deregisterTargets(state: Elbv2Account, input: { TargetGroupArn: string; Targets: TargetDescription[] }, ctx: NetworkCtx): Record<string, never> {
  const group = targetGroupOf(state, input.TargetGroupArn);
  const delay = Number(group.Attributes.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value ?? '300');
  for (const target of input.Targets) {
    const existing = group.Targets.find((t) => sameTarget(t.Target, target, group));
    if (!existing) throw new InvalidTarget(`the target ${q(target.Id)} is not registered with the target group ${q(group.TargetGroupName)}`);
    if (existing.TargetHealth.State === 'unused' || delay === 0) {
      group.Targets = group.Targets.filter((t) => t !== existing);
      continue;
    }
    existing.TargetHealth = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
    existing.DrainingUntil = ctx.clock.now() + delay * 1000;
  }
  return {};
}

/** DescribeTargetHealth: every registered target or the ones asked for (unknown ones are `unused`, `Target.NotRegistered`). */
export function describeTargetHealth(
  state: Elbv2Account,
  input: { TargetGroupArn: string; Targets?: TargetDescription[] },
  _ctx: NetworkCtx,
): { TargetHealthDescriptions: { Target: TargetDescription; HealthCheckPort: string; TargetHealth: TargetHealth }[] } {
  const group = targetGroupOf(state, input.TargetGroupArn);
  const view = (t: RegisteredTarget) => ({ Target: t.Target, HealthCheckPort: t.HealthCheckPort, TargetHealth: t.TargetHealth });
  if (!input.Targets) return { TargetHealthDescriptions: group.Targets.map(view) };
  return {
    TargetHealthDescriptions: input.Targets.map((target) => {
      const found = group.Targets.find((t) => sameTarget(t.Target, target, group));
      return found
        ? view(found)
        : { Target: target, HealthCheckPort: group.HealthCheckPort, TargetHealth: { State: 'unused' as const, Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' } };
    }),
  };
}
