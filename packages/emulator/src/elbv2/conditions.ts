import { compileWildcard, parseCidr, parseIp } from './match.ts';
import type { ConditionField, RuleCondition } from './state.ts';

// The request a listener routes and the rule conditions it is matched against, each compiled once
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html): host
// names compare case-insensitively, paths case-sensitively, `*` and `?` are wildcards, and a condition's
// values are OR-ed.

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

/** A request prepared once for matching: lower-cased host without port, path split from the query; headers and query parsed on demand. */
export interface PreparedRequest {
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

export function prepare(request: HttpRequest): PreparedRequest {
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

export function headerValues(req: PreparedRequest, key: string): string[] | undefined {
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
export interface CompiledCondition {
  field: string;
  test(req: PreparedRequest): boolean;
  explain(req: PreparedRequest): ConditionEvaluation;
  unsupported?: string;
}

export const q = (s: string) => `\`${s}\``;

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

export function compileCondition(condition: RuleCondition): CompiledCondition {
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
