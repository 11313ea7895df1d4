import { compileCondition, headerValues, prepare, q, type CompiledCondition, type ConditionEvaluation, type HttpRequest, type PreparedRequest } from './conditions.ts';
import type { Action, Rule, TargetGroup } from './state.ts';

export { conditionValues, type ConditionEvaluation, type HttpRequest } from './conditions.ts';

// How an Application Load Balancer listener routes a request: rules are evaluated in priority order, lowest
// value first, and the default rule last; the first rule whose conditions all match decides
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html). Within a
// condition the values are OR-ed; across conditions they are AND-ed
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html).

/** One rule of the walk. */
export interface RuleEvaluation {
  RuleArn: string;
  Priority: string;
  Outcome: 'matched' | 'not-matched' | 'not-evaluated' | 'unsupported';
  Reason: string;
  Conditions: ConditionEvaluation[];
}

/** Where a forward action sends the request. */
export interface ForwardDecision {
  TargetGroupArn: string;
  Reason: string;
  /** Every target group of the action with its weight and share of traffic. */
  TargetGroups: { TargetGroupArn: string; Weight: number; Share: number }[];
  /** Targets the request may go to (healthy ones, or all registered when none is healthy) when the target group is known. */
  Targets?: string[];
  /** The target chosen (stickiness or the request's hash) when targets are known. */
  Target?: string;
}

/** What the listener does with the request, the rule that decided, and every rule walked. */
export interface RoutingResult {
  Outcome: 'forward' | 'redirect' | 'fixed-response' | 'error';
  Reason: string;
  MatchedRule?: { RuleArn: string; Priority: string };
  Action?: Action;
  Forward?: ForwardDecision;
  Redirect?: { StatusCode: 301 | 302; Location: string };
  /** The response the load balancer writes itself (fixed-response, or an error such as 503). */
  Response?: { StatusCode: number; ContentType?: string; MessageBody?: string };
  Walk: RuleEvaluation[];
  /** On an HTTPS listener, the certificate the load balancer presents (SNI) and why. */
  Certificate?: { CertificateArn: string; Reason: string };
  /** Features the request touched that the emulator does not model. */
  Unsupported: string[];
}

/** A listener certificate with the names it covers (ACM's DomainName and SubjectAlternativeNames), when known. */
export interface ListenerCertificate {
  CertificateArn: string;
  IsDefault?: boolean;
  DomainName?: string;
  SubjectAlternativeNames?: string[];
}

function coversName(pattern: string, host: string): 'exact' | 'wildcard' | undefined {
  const p = pattern.toLowerCase();
  if (p === host) return 'exact';
  // A wildcard name covers exactly one label (`*.example.com` covers `a.example.com`, not `a.b.example.com`).
  if (p.startsWith('*.') && host.endsWith(p.slice(1)) && !host.slice(0, host.length - p.length + 1).includes('.')) return 'wildcard';
  return undefined;
}

/**
 * The certificate an HTTPS listener presents: with SNI, one whose names cover the host (an exact name over a
 * wildcard); otherwise, or when none covers it, the default certificate
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html).
 */
export function selectCertificate(certificates: ListenerCertificate[], host: string): { CertificateArn: string; Reason: string } | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  const fallback = certificates.find((c) => c.IsDefault) ?? certificates[0];
  let best: { cert: ListenerCertificate; kind: 'exact' | 'wildcard' } | undefined;
  for (const cert of certificates) {
    for (const n of [cert.DomainName, ...(cert.SubjectAlternativeNames ?? [])]) {
      const kind = n === undefined ? undefined : coversName(n, name);
      if (kind && (!best || (best.kind === 'wildcard' && kind === 'exact'))) best = { cert, kind };
    }
  }
  if (best) return { CertificateArn: best.cert.CertificateArn, Reason: `SNI: \`${name}\` is covered ${best.kind === 'exact' ? 'exactly' : 'by a wildcard name'} by this certificate` };
  if (!fallback) return undefined;
  const unknown = certificates.some((c) => c.DomainName === undefined);
  return { CertificateArn: fallback.CertificateArn, Reason: unknown ? 'the default certificate: the names the certificates cover are not given, so SNI could not choose' : `the default certificate: no certificate covers \`${name}\`` };
}

/** A rule compiled for routing. */
interface CompiledRule {
  rule: Rule;
  conditions: CompiledCondition[];
}

/** The rules of one listener compiled once; `route` is the hot path, `explain` gives the full walk. */
export interface CompiledListener {
  /** The first matching rule for the request, without building the walk. */
  match(request: HttpRequest): Rule;
  /** The full routing decision with the walk. */
  route(request: HttpRequest): RoutingResult;
}

/** Orders rules as the listener evaluates them: numeric priority ascending, the default rule last. */
export function orderRules(rules: Rule[]): Rule[] {
  return [...rules].sort((a, b) => {
    if (a.IsDefault !== b.IsDefault) return a.IsDefault ? 1 : -1;
    return Number(a.Priority) - Number(b.Priority);
  });
}

/** The action that ends the rule's action list (forward, redirect or fixed-response). */
export function terminalAction(actions: Action[]): Action | undefined {
  return [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).at(-1);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

function cookie(req: PreparedRequest, name: string): string | undefined {
  for (const header of headerValues(req, 'cookie') ?? []) {
    for (const part of header.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === name) return v.join('=');
    }
  }
  return undefined;
}

function attribute(group: TargetGroup, key: string): string | undefined {
  return group.Attributes.find((a) => a.Key === key)?.Value;
}

function forward(action: Action, request: HttpRequest, req: PreparedRequest, groups: Map<string, TargetGroup> | undefined): Pick<RoutingResult, 'Outcome' | 'Reason' | 'Forward' | 'Response'> {
  const entries = action.ForwardConfig?.TargetGroups ?? (action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }] : []);
  const weights = entries.map((e) => ({ TargetGroupArn: e.TargetGroupArn, Weight: e.Weight ?? (entries.length === 1 ? 1 : 0) }));
  const total = weights.reduce((s, w) => s + w.Weight, 0);
  const shares = weights.map((w) => ({ ...w, Share: total > 0 ? w.Weight / total : 0 }));
  if (total === 0) {
    return { Outcome: 'error', Reason: 'every target group of the forward action has weight 0', Response: { StatusCode: 503 } };
  }
  let chosen: string | undefined;
  let reason: string;
  // Target group stickiness: the AWSALBTG cookie pins the client to the group it went to before
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#sticky-sessions).
  const sticky = action.ForwardConfig?.TargetGroupStickinessConfig?.Enabled ? cookie(req, 'AWSALBTG') : undefined;
  if (sticky && weights.some((w) => w.TargetGroupArn === sticky && w.Weight > 0)) {
    chosen = sticky;
    reason = `target group stickiness: the \`AWSALBTG\` cookie names ${q(sticky)}`;
  } else if (weights.length === 1) {
    chosen = weights[0]?.TargetGroupArn;
    reason = 'the action forwards to a single target group';
  } else {
    const sample = request.WeightSample ?? hash(`${request.SourceIp ?? ''} ${req.host} ${request.Path}`);
    let acc = 0;
    for (const w of shares) {
      acc += w.Share;
      if (sample < acc) {
        chosen = w.TargetGroupArn;
        break;
      }
    }
    chosen ??= shares.filter((w) => w.Weight > 0).at(-1)?.TargetGroupArn;
    reason = `weighted forward: the request falls at ${sample.toFixed(3)} of the weights ${shares.map((s) => `${s.Weight}`).join('/')}`;
  }
  const arn = chosen as string;
  const decision: ForwardDecision = { TargetGroupArn: arn, Reason: reason, TargetGroups: shares };
  const group = groups?.get(arn);
  if (!groups) return { Outcome: 'forward', Reason: reason, Forward: decision };
  if (!group) return { Outcome: 'error', Reason: `target group ${q(arn)} does not exist`, Forward: decision, Response: { StatusCode: 503 } };
  const registered = group.Targets.filter((t) => t.TargetHealth.State !== 'draining' && t.TargetHealth.State !== 'unused');
  if (registered.length === 0) {
    // With no registered targets the load balancer answers 503
    // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html#http-503-issues).
    return { Outcome: 'error', Reason: `target group ${q(group.TargetGroupName)} has no registered targets in service`, Forward: decision, Response: { StatusCode: 503 } };
  }
  const healthy = registered.filter((t) => t.TargetHealth.State === 'healthy' || t.TargetHealth.State === 'unavailable');
  // Fail open: with no healthy target the load balancer routes to all of them
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).
  const eligible = (healthy.length > 0 ? healthy : registered).map((t) => t.Target.Id);
  const failOpen = healthy.length === 0 ? '; no target is healthy, so the load balancer fails open to every registered target' : '';
  const stickyTarget = attribute(group, 'stickiness.enabled') === 'true' ? cookie(req, 'AWSALB') : undefined;
  const target = stickyTarget && eligible.includes(stickyTarget) ? stickyTarget : eligible[Math.floor(hash(`${request.SourceIp ?? ''}|${request.Path}`) * eligible.length)];
  decision.Targets = eligible;
  if (target !== undefined) decision.Target = target;
  return { Outcome: 'forward', Reason: `${reason}${failOpen}`, Forward: decision };
}

/** The value of a redirect component with `#{…}` placeholders filled in from the request. */
function fill(template: string, parts: Record<string, string>): string {
  return template.replace(/#\{(protocol|host|port|path|query)\}/g, (_m, name: string) => parts[name] ?? '');
}

/**
 * The Location of a redirect. Unset components keep the request's (`#{protocol}`, `#{host}`, `#{port}`,
 * `/#{path}`, `#{query}`); `#{path}` has no leading slash
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions).
 */
export function redirectLocation(config: NonNullable<Action['RedirectConfig']>, request: HttpRequest): string {
  const req = prepare(request);
  const protocol = request.Protocol ?? 'HTTP';
  const port = String(request.Port ?? (protocol === 'HTTPS' ? 443 : 80));
  const parts = { protocol, host: req.host, port, path: req.path.replace(/^\//, ''), query: req.queryText };
  const outProtocol = fill(config.Protocol ?? '#{protocol}', parts).toUpperCase();
  const outHost = fill(config.Host ?? '#{host}', parts);
  const outPort = fill(config.Port ?? '#{port}', parts);
  const outPath = fill(config.Path ?? '/#{path}', parts);
  const outQuery = fill(config.Query ?? '#{query}', parts);
  const defaultPort = outProtocol === 'HTTPS' ? '443' : '80';
  return `${outProtocol.toLowerCase()}://${outHost}${outPort === defaultPort ? '' : `:${outPort}`}${outPath}${outQuery ? `?${outQuery}` : ''}`;
}

function act(rule: Rule, request: HttpRequest, req: PreparedRequest, groups: Map<string, TargetGroup> | undefined, walk: RuleEvaluation[], unsupported: string[]): RoutingResult {
  const action = terminalAction(rule.Actions);
  const base = { MatchedRule: { RuleArn: rule.RuleArn, Priority: rule.Priority }, Walk: walk, Unsupported: unsupported };
  const auth = rule.Actions.find((a) => a.Type === 'authenticate-oidc' || a.Type === 'authenticate-cognito');
  if (auth) unsupported.push(`${q(auth.Type)} actions are not modelled: the request is routed as if already authenticated`);
  if (!action) return { ...base, Outcome: 'error', Reason: 'the matched rule has no action', Response: { StatusCode: 500 } };
  const ruleName = rule.IsDefault ? 'the default rule' : `rule ${rule.Priority}`;
  switch (action.Type) {
    case 'forward': {
      const f = forward(action, request, req, groups);
      return { ...base, Action: action, ...f, Reason: `${ruleName} forwards: ${f.Reason}` };
    }
    case 'redirect': {
      const config = action.RedirectConfig as NonNullable<Action['RedirectConfig']>;
      const location = redirectLocation(config, request);
      const status = config.StatusCode === 'HTTP_301' ? 301 : 302;
      return { ...base, Action: action, Outcome: 'redirect', Reason: `${ruleName} redirects with ${status} to ${q(location)}`, Redirect: { StatusCode: status, Location: location } };
    }
    case 'fixed-response': {
      const config = action.FixedResponseConfig as NonNullable<Action['FixedResponseConfig']>;
      const response = {
        StatusCode: Number(config.StatusCode),
        ...(config.ContentType !== undefined ? { ContentType: config.ContentType } : {}),
        ...(config.MessageBody !== undefined ? { MessageBody: config.MessageBody } : {}),
      };
      return { ...base, Action: action, Outcome: 'fixed-response', Reason: `${ruleName} answers ${config.StatusCode} itself`, Response: response };
    }
    default: {
      const reason = `the action type ${q(action.Type)} is not modelled`;
      unsupported.push(reason);
      return { ...base, Action: action, Outcome: 'error', Reason: reason, Response: { StatusCode: 500 } };
    }
  }
}

/**
 * Compiles a listener's rules (in the `DescribeRules` shape, default rule included) once, for routing many
 * requests. Pass the target groups (`DescribeTargetGroups` shape with their targets) to resolve targets.
 */
export function compileListener(rules: Rule[], targetGroups?: TargetGroup[]): CompiledListener {
  const ordered: CompiledRule[] = orderRules(rules).map((rule) => ({ rule, conditions: rule.Conditions.map(compileCondition) }));
  const groups = targetGroups ? new Map(targetGroups.map((g) => [g.TargetGroupArn, g])) : undefined;
  const missingDefault: Rule = { RuleArn: '', Priority: 'default', Conditions: [], Actions: [], IsDefault: true };
  // Rules often repeat a condition (the same host on many paths): each distinct condition is tested at most
  // once per request, its answer remembered for the rules after it.
  const atomKeys = new Map<string, number>();
  const atoms: CompiledCondition[] = [];
  const ruleAtoms = ordered.map(({ rule, conditions }) =>
    Int32Array.from(
      rule.Conditions.map((c, i) => {
        const key = JSON.stringify(c);
        let index = atomKeys.get(key);
        if (index === undefined) {
          index = atoms.length;
          atomKeys.set(key, index);
          atoms.push(conditions[i] as CompiledCondition);
        }
        return index;
      }),
    ),
  );
  const memo = new Int8Array(atoms.length);
  function first(req: PreparedRequest): Rule {
    memo.fill(0);
    for (let i = 0; i < ordered.length; i++) {
      const conditionIndexes = ruleAtoms[i] as Int32Array;
      let all = true;
      for (let j = 0; j < conditionIndexes.length; j++) {
        const a = conditionIndexes[j] as number;
        let known = memo[a] as number;
        if (known === 0) {
          known = (atoms[a] as CompiledCondition).test(req) ? 1 : 2;
          memo[a] = known;
        }
        if (known === 2) {
          all = false;
          break;
        }
      }
      if (all) return (ordered[i] as CompiledRule).rule;
    }
    return missingDefault;
  }
  return {
    match: (request) => first(prepare(request)),
    route(request) {
      const req = prepare(request);
      const walk: RuleEvaluation[] = [];
      const unsupported: string[] = [];
      let matched: Rule | undefined;
      for (const { rule, conditions } of ordered) {
        if (matched) {
          walk.push({ RuleArn: rule.RuleArn, Priority: rule.Priority, Outcome: 'not-evaluated', Reason: `rule ${matched.Priority} matched first`, Conditions: [] });
          continue;
        }
        const evaluations = conditions.map((c) => c.explain(req));
        const failed = evaluations.filter((e) => e.Outcome !== 'match');
        for (const c of conditions) if (c.unsupported) unsupported.push(c.unsupported);
        if (failed.length === 0) {
          matched = rule;
          const reason = rule.IsDefault ? 'no other rule matched, so the default rule applies' : evaluations.length === 0 ? 'the rule has no conditions' : 'every condition matches';
          walk.push({ RuleArn: rule.RuleArn, Priority: rule.Priority, Outcome: 'matched', Reason: reason, Conditions: evaluations });
        } else {
          const unsupportedCondition = failed.some((e) => e.Outcome === 'unsupported');
          walk.push({
            RuleArn: rule.RuleArn,
            Priority: rule.Priority,
            Outcome: unsupportedCondition ? 'unsupported' : 'not-matched',
            Reason: failed.map((e) => e.Reason).join('; '),
            Conditions: evaluations,
          });
        }
      }
      if (!matched) return { Outcome: 'error', Reason: 'the listener has no default rule', Walk: walk, Unsupported: unsupported, Response: { StatusCode: 500 } };
      return act(matched, request, req, groups, walk, unsupported);
    },
  };
}

/**
 * Routes one request through a listener's rules (the `DescribeRules` shape) and answers with the decision and
 * the walk: every rule in priority order and why it did or did not match.
 */
export function routeRequest(listener: { Rules: Rule[]; TargetGroups?: TargetGroup[]; Certificates?: ListenerCertificate[] }, request: HttpRequest): RoutingResult {
  const result = compileListener(listener.Rules, listener.TargetGroups).route(request);
  if (request.Protocol === 'HTTPS') {
    const certificate = selectCertificate(listener.Certificates ?? [], request.Host);
    if (certificate) result.Certificate = certificate;
    else result.Unsupported.push('the HTTPS request names no listener certificates, so the certificate the load balancer presents is not shown');
  }
  return result;
}

