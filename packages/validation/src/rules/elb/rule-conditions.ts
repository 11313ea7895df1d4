import type { z } from 'zod';
import type { listenerRuleSchema } from '../../schemas/elb.ts';
import { globRegExp } from '../iam/policy-input.ts';

type ListenerRule = z.output<typeof listenerRuleSchema>;
type Condition = ListenerRule['Conditions'][number];

/** The numeric priority of a rule; the default rule sorts last. */
export function priorityOf(rule: ListenerRule): number {
  return rule.Priority === 'default' ? Infinity : Number(rule.Priority);
}

function field(c: Condition): string {
  if (c.Field) return c.Field;
  if (c.HostHeaderConfig) return 'host-header';
  if (c.PathPatternConfig) return 'path-pattern';
  if (c.HttpHeaderConfig) return `http-header:${c.HttpHeaderConfig.HttpHeaderName.toLowerCase()}`;
  if (c.HttpRequestMethodConfig) return 'http-request-method';
  if (c.SourceIpConfig) return 'source-ip';
  return 'query-string';
}

function values(c: Condition): string[] {
  const config = c.HostHeaderConfig ?? c.PathPatternConfig ?? c.HttpHeaderConfig ?? c.HttpRequestMethodConfig ?? c.SourceIpConfig;
  if (config) return config.Values;
  if (c.QueryStringConfig) return c.QueryStringConfig.Values.map((v) => `${v.Key ?? ''}=${v.Value}`);
  return c.Values ?? [];
}

/**
 * True when every request `later` matches is also matched by `earlier`: each condition of `earlier` has a
 * condition on the same field in `later` whose every value one of its wildcards matches
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html; paths are case-sensitive).
 */
export function catchesAll(earlier: ListenerRule, later: ListenerRule): boolean {
  return earlier.Conditions.every((a) => {
    const ignoreCase = field(a) !== 'path-pattern' && !field(a).startsWith('query');
    const patterns = values(a).map((v) => globRegExp(v, ignoreCase));
    return later.Conditions.some((b) => field(b) === field(a) && values(b).every((v) => patterns.some((p) => p.test(v))));
  });
}
