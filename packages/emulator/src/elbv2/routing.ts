import { compileWildcard, parseCidr, parseIp } from './match.ts';
import type { Action, ConditionField, Rule, RuleCondition, TargetGroup } from './state.ts';

// How an Application Load Balancer listener routes a request: rules are evaluated in priority order, lowest
// value first, and the default rule last; the first rule whose conditions all match decides
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html). Within a
// condition the values are OR-ed; across conditions they are AND-ed
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html).

/** An HTTP request as it reaches the listener. */
export interface HttpRequest {
  /** The listener's protocol; `HTTP` when not given. */
  Protocol?: 'HTTP' | 'HTTPS';
  /** The listener port the request arrived on; the protocol's default when not given. */
  Port?: number;
  Method: string;
  /** The Host header (a `:port` suffix is ignored for matching). */
  Host: string;
  /** The request target: the path, optionally followed by `?` and the query string. */
  Path: string;
  /** Header values by name; a list when the header appears several times. */
  Headers?: Record<string, string | string[]>;
  /** The client address the load balancer sees (a proxy's address when a proxy is in between). */
  SourceIp?: string;
  /**
   * Where in [0, 1) this request falls when weighted target groups split traffic; when absent a hash of the
   * request decides, so the same request always goes the same way.
   */
  WeightSample?: number;
}

/** Why one condition did or did not match. */
export interface ConditionEvaluation {
  Field: ConditionField | string;
  Outcome: 'match' | 'no-match' | 'unsupported';
  Reason: string;
}

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

/** A request prepared once for matching: lower-cased host without port, path split from the query; headers and query parsed on demand. */
interface PreparedRequest {
  host: string;
  path: string;
  method: string;
  query: { key: string; value: string }[] | undefined;
  queryText: string;
  rawHeaders: Record<string, string | string[]> | undefined;
  headers: Map<string, string[]> | undefined;
  sourceIp: string | undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function prepare(request: HttpRequest): PreparedRequest {
  const full = request.Path;
  const q = full.indexOf('?');
  const host = request.Host;
  const colon = host.lastIndexOf(':');
  let hostOnly = host;
  if (colon > 0 && host.charCodeAt(host.length - 1) !== 93 /* ] */) {
    const port = host.slice(colon + 1);
    if (port.length > 0 && /^\d+$/.test(port)) hostOnly = host.slice(0, colon);
  }
  return {
    host: hostOnly.toLowerCase(),
    path: q < 0 ? full : full.slice(0, q),
    method: request.Method,
    query: undefined,
    queryText: q < 0 ? '' : full.slice(q + 1),
    rawHeaders: request.Headers,
    headers: undefined,
    sourceIp: request.SourceIp,
  };
}

function headerValues(req: PreparedRequest, key: string): string[] | undefined {
  if (!req.headers) {
    const headers = new Map<string, string[]>();
    for (const [name, value] of Object.entries(req.rawHeaders ?? {})) {
      const k = name.toLowerCase();
      headers.set(k, [...(headers.get(k) ?? []), ...(Array.isArray(value) ? value : [value])]);
    }
    req.headers = headers;
  }
  return req.headers.get(key);
}

function queryPairs(req: PreparedRequest): { key: string; value: string }[] {
  if (req.query) return req.query;
  req.query = req.queryText
    ? req.queryText.split('&').filter(Boolean).map((part) => {
        const eq = part.indexOf('=');
        return eq < 0 ? { key: decode(part), value: '' } : { key: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) };
      })
    : [];
  return req.query;
}

/** A condition compiled for the hot path, with the pieces the explanation needs. */
interface CompiledCondition {
  field: string;
  test(req: PreparedRequest): boolean;
  explain(req: PreparedRequest): ConditionEvaluation;
  unsupported?: string;
}

const q = (s: string) => `\`${s}\``;

function anyOf(tests: ((v: string) => boolean)[], value: string): boolean {
  for (let i = 0; i < tests.length; i++) if ((tests[i] as (v: string) => boolean)(value)) return true;
  return false;
}
const list = (values: string[]) => values.map(q).join(', ');

/** The values of a condition, from its field config or from the legacy `Values`. */
export function conditionValues(condition: RuleCondition): string[] {
  switch (condition.Field) {
    case 'host-header':
      return condition.HostHeaderConfig?.Values ?? condition.Values ?? [];
    case 'path-pattern':
      return condition.PathPatternConfig?.Values ?? condition.Values ?? [];
    case 'http-header':
      return condition.HttpHeaderConfig?.Values ?? [];
    case 'http-request-method':
      return condition.HttpRequestMethodConfig?.Values ?? condition.Values ?? [];
    case 'source-ip':
      return condition.SourceIpConfig?.Values ?? condition.Values ?? [];
    case 'query-string':
      return (condition.QueryStringConfig?.Values ?? []).map((v) => (v.Key === undefined ? v.Value : `${v.Key}=${v.Value}`));
    default:
      return condition.Values ?? [];
  }
}

function compileCondition(condition: RuleCondition): CompiledCondition {
  const field = condition.Field;
  const values = conditionValues(condition);
  switch (field) {
    case 'host-header': {
      // Host names compare case-insensitively, with `*` and `?` wildcards.
      // The prepared host is already lower-case, so the patterns are lower-cased once here.
      const tests = values.map((v) => compileWildcard(v.toLowerCase(), false));
      return {
        field,
        test: (r) => anyOf(tests, r.host),
        explain: (r) => {
          const i = tests.findIndex((t) => t(r.host));
          return i >= 0
            ? { Field: field, Outcome: 'match', Reason: `host ${q(r.host)} matches ${q(values[i] as string)}` }
            : { Field: field, Outcome: 'no-match', Reason: `host ${q(r.host)} matches none of ${list(values)} (host names compare case-insensitively)` };
        },
      };
    }
    case 'path-pattern': {
      // Paths compare case-sensitively and without the query string.
      const tests = values.map((v) => compileWildcard(v, false));
      const foldedTests = values.map((v) => compileWildcard(v, true));
      return {
        field,
        test: (r) => anyOf(tests, r.path),
        explain: (r) => {
          const i = tests.findIndex((t) => t(r.path));
          if (i >= 0) return { Field: field, Outcome: 'match', Reason: `path ${q(r.path)} matches ${q(values[i] as string)}` };
          const folded = values.filter((_v, k) => (foldedTests[k] as (v: string) => boolean)(r.path));
          const hint = folded.length > 0 ? ` (it would match ${list(folded)} ignoring case, but path patterns are case-sensitive)` : '';
          return { Field: field, Outcome: 'no-match', Reason: `path ${q(r.path)} matches none of ${list(values)}${hint}` };
        },
      };
    }
    case 'http-request-method': {
      // Methods compare exactly and case-sensitively; no wildcards.
      return {
        field,
        test: (r) => values.includes(r.method),
        explain: (r) =>
          values.includes(r.method)
            ? { Field: field, Outcome: 'match', Reason: `method ${q(r.method)} is one of ${list(values)}` }
            : { Field: field, Outcome: 'no-match', Reason: `method ${q(r.method)} is none of ${list(values)} (methods compare case-sensitively)` },
      };
    }
    case 'http-header': {
      // Header names and values compare case-insensitively; values take wildcards; every occurrence is tried.
      const name = condition.HttpHeaderConfig?.HttpHeaderName ?? '';
      const key = name.toLowerCase();
      const tests = values.map((v) => compileWildcard(v, true));
      const find = (r: PreparedRequest) => {
        for (const seen of headerValues(r, key) ?? []) {
          const i = tests.findIndex((t) => t(seen));
          if (i >= 0) return { seen, pattern: values[i] as string };
        }
        return undefined;
      };
      return {
        field,
        test: (r) => find(r) !== undefined,
        explain: (r) => {
          const hit = find(r);
          if (hit) return { Field: field, Outcome: 'match', Reason: `header ${q(name)} value ${q(hit.seen)} matches ${q(hit.pattern)}` };
          const seen = headerValues(r, key);
          return {
            Field: field,
            Outcome: 'no-match',
            Reason: seen ? `header ${q(name)} values ${list(seen)} match none of ${list(values)}` : `the request has no ${q(name)} header`,
          };
        },
      };
    }
    case 'query-string': {
      // Keys (optional) and values compare case-insensitively with wildcards; `\*` and `\?` are literal.
      const pairs = (condition.QueryStringConfig?.Values ?? []).map((v) => ({
        key: v.Key === undefined ? undefined : compileWildcard(v.Key, true, true),
        value: compileWildcard(v.Value, true, true),
        label: v.Key === undefined ? v.Value : `${v.Key}=${v.Value}`,
      }));
      const find = (r: PreparedRequest) => {
        for (const p of pairs) {
          const hit = queryPairs(r).find((kv) => (p.key === undefined || p.key(kv.key)) && p.value(kv.value));
          if (hit) return { p, hit };
        }
        return undefined;
      };
      return {
        field,
        test: (r) => find(r) !== undefined,
        explain: (r) => {
          const found = find(r);
          if (found) return { Field: field, Outcome: 'match', Reason: `query parameter ${q(`${found.hit.key}=${found.hit.value}`)} matches ${q(found.p.label)}` };
          return {
            Field: field,
            Outcome: 'no-match',
            Reason: r.queryText ? `query string ${q(r.queryText)} has no parameter matching ${list(values)}` : `the request has no query string, so nothing matches ${list(values)}`,
          };
        },
      };
    }
    case 'source-ip': {
      // The address the load balancer sees; a proxy's X-Forwarded-For is not consulted.
      const ranges = values.map((v) => ({ text: v, cidr: parseCidr(v) }));
      const inRange = (ip: string | undefined) => {
        const parsed = ip === undefined ? undefined : parseIp(ip);
        if (!parsed) return undefined;
        return ranges.find(({ cidr }) => {
          if (!cidr || cidr.family !== parsed.family) return false;
          const bits = BigInt(cidr.family === 4 ? 32 : 128);
          return parsed.value >> (bits - BigInt(cidr.prefix)) === cidr.network >> (bits - BigInt(cidr.prefix));
        });
      };
      return {
        field,
        test: (r) => inRange(r.sourceIp) !== undefined,
        explain: (r) => {
          if (r.sourceIp === undefined) return { Field: field, Outcome: 'no-match', Reason: 'the request carries no source address' };
          const hit = inRange(r.sourceIp);
          return hit
            ? { Field: field, Outcome: 'match', Reason: `source ${q(r.sourceIp)} is in ${q(hit.text)}` }
            : { Field: field, Outcome: 'no-match', Reason: `source ${q(r.sourceIp)} is in none of ${list(values)} (a client behind a proxy shows the proxy's address)` };
        },
      };
    }
    default: {
      const reason = `condition field ${q(String(field))} is not modelled, so the rule does not match`;
      return { field, test: () => false, explain: () => ({ Field: field, Outcome: 'unsupported', Reason: reason }), unsupported: reason };
    }
  }
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

