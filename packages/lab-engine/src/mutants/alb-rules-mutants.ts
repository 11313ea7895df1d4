import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of listener rules: the shortcuts that make the listed requests route right while others go
// astray — a condition dropped, a path pattern widened to `/*`, a host wildcarded, a header value
// wildcarded, a source range opened to everyone, two rules' priorities swapped (the catch-all first), a
// rule dropped, a redirect turned into a forward or into a temporary redirect, a redirect's host, path or
// query no longer carried over, and the default action changed.

type Entry = Record<string, unknown>;

function valuesKey(condition: Entry): string | undefined {
  const field = String(condition.Field);
  const config = { 'host-header': 'HostHeaderConfig', 'path-pattern': 'PathPatternConfig', 'http-header': 'HttpHeaderConfig', 'source-ip': 'SourceIpConfig', 'http-request-method': 'HttpRequestMethodConfig' }[field];
  if (config !== undefined && condition[config] !== undefined) return config;
  return condition.Values !== undefined ? 'Values' : undefined;
}

/** The condition with its values replaced, in whichever form (`Values` or the field's config) it was written. */
function withValues(condition: Entry, values: string[]): Entry {
  const key = valuesKey(condition);
  if (key === undefined) return condition;
  return key === 'Values' ? { ...condition, Values: values } : { ...condition, [key]: { ...(condition[key] as Entry), Values: values } };
}

function valuesOf(condition: Entry): string[] {
  const key = valuesKey(condition);
  if (key === undefined) return [];
  return asList((key === 'Values' ? condition.Values : (condition[key] as Entry).Values) as string[] | undefined);
}

/** `admin.example.com` → `*.example.com`. */
function wildcardHost(host: string): string | undefined {
  const dot = host.indexOf('.');
  return dot > 0 && !host.startsWith('*.') ? `*${host.slice(dot)}` : undefined;
}

const WIDER: Record<string, (value: string) => string | undefined> = {
  'path-pattern': (v) => (v === '/*' ? undefined : '/*'),
  'host-header': wildcardHost,
  'http-header': (v) => (v === '*' ? undefined : '*'),
  'source-ip': (v) => (v === '0.0.0.0/0' ? undefined : '0.0.0.0/0'),
};

function conditionMutants(condition: Entry, emit: (description: string, next: Entry | undefined) => void): void {
  const field = String(condition.Field);
  emit(`the \`${field}\` condition dropped`, undefined);
  const values = valuesOf(condition);
  values.forEach((value, i) => {
    const wider = WIDER[field]?.(value);
    if (wider !== undefined) emit(`\`${value}\` widened to \`${wider}\``, withValues(condition, replaceAt(values, i, wider)));
  });
}

function isDefault(rule: Entry): boolean {
  return rule.IsDefault === true || rule.Priority === 'default';
}

/** Every target group an action of the answer or the account names, so an action can be turned into a forward to one of them. */
function targetGroups(rules: Entry[], context: MutationContext): string[] {
  const names = rules.flatMap((r) =>
    asList(r.Actions as Entry[] | undefined).flatMap((a) => [
      ...(a.TargetGroupArn !== undefined ? [String(a.TargetGroupArn)] : []),
      ...asList((a.ForwardConfig as Entry | undefined)?.TargetGroups as Entry[] | undefined).map((g) => String(g.TargetGroupArn)),
    ]),
  );
  return [...new Set([...names, ...(context.targetGroups ?? [])])];
}

function actionMutants(actions: Entry[], groups: string[], emit: (description: string, next: Entry[]) => void): void {
  const terminal = actions.at(-1);
  if (!terminal) return;
  const swap = (description: string, action: Entry) => emit(description, replaceAt(actions, actions.length - 1, action));
  const { Order } = terminal;
  const order = Order !== undefined ? { Order } : {};
  if (terminal.Type === 'redirect') {
    const config = terminal.RedirectConfig as Entry;
    if (groups[0] !== undefined) swap(`the redirect changed to a forward to \`${groups[0]}\``, { Type: 'forward', TargetGroupArn: groups[0], ...order });
    if (config.StatusCode === 'HTTP_301') swap('the permanent redirect (301) made temporary (302)', { ...terminal, RedirectConfig: { ...config, StatusCode: 'HTTP_302' } });
    if (config.Host === undefined || config.Host === '#{host}') swap('the redirect sends every request to `example.com` instead of `#{host}`', { ...terminal, RedirectConfig: { ...config, Host: 'example.com' } });
    if (config.Path === undefined || config.Path === '/#{path}') swap('the redirect sends every request to `/` instead of `/#{path}`', { ...terminal, RedirectConfig: { ...config, Path: '/' } });
    if (config.Protocol !== '#{protocol}') swap('the redirect keeps the request\'s protocol (`#{protocol}`)', { ...terminal, RedirectConfig: { ...config, Protocol: '#{protocol}' } });
    if (config.Port !== '#{port}') swap('the redirect keeps the request\'s port (`#{port}`)', { ...terminal, RedirectConfig: { ...config, Port: '#{port}' } });
    if (config.Query === undefined || config.Query === '#{query}') swap('the redirect drops the query string', { ...terminal, RedirectConfig: { ...config, Query: '' } });
  } else {
    swap('the action changed to a fixed 404 response', { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' }, ...order });
    for (const group of groups) if (terminal.Type !== 'forward' || (terminal.TargetGroupArn !== group && terminal.ForwardConfig === undefined)) swap(`the action changed to a forward to \`${group}\``, { Type: 'forward', TargetGroupArn: group, ...order });
  }
}

/** Mutants of a listener rules answer (`Rules: [...]`). */
export function albRulesMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const doc = parseText(text);
  const document = doc.value !== null && typeof doc.value === 'object' && !Array.isArray(doc.value) ? (doc.value as Entry) : {};
  const rules = asList(document.Rules as Entry[] | undefined);
  const groups = targetGroups(rules, context);
  const out: Mutant[] = [];
  const emit = (description: string, next: Entry[]) => out.push({ task, description, answer: render({ ...document, Rules: next }) });
  const numbered = rules.map((rule, i) => ({ rule, i })).filter(({ rule }) => !isDefault(rule)).sort((a, b) => Number(a.rule.Priority) - Number(b.rule.Priority));
  rules.forEach((rule, r) => {
    const name = isDefault(rule) ? 'the default rule' : `rule ${String(rule.Priority)}`;
    const conditions = asList(rule.Conditions as Entry[] | undefined);
    if (!isDefault(rule)) emit(`${name} removed`, replaceAt(rules, r, undefined));
    conditions.forEach((condition, c) =>
      conditionMutants(condition, (description, next) => {
        // A rule needs a condition: dropping its only one would be refused, so that mutant is the rule removed.
        if (next === undefined && conditions.length === 1) return;
        emit(`${name}: ${description}`, replaceAt(rules, r, { ...rule, Conditions: replaceAt(conditions, c, next) }));
      }),
    );
    actionMutants(asList(rule.Actions as Entry[] | undefined), groups, (description, actions) => emit(`${name}: ${description}`, replaceAt(rules, r, { ...rule, Actions: actions })));
  });
  numbered.slice(1).forEach(({ rule, i }, k) => {
    const before = numbered[k] as { rule: Entry; i: number };
    const swapped = replaceAt(replaceAt(rules, before.i, { ...before.rule, Priority: rule.Priority }), i, { ...rule, Priority: before.rule.Priority });
    emit(`the priorities of rules ${String(before.rule.Priority)} and ${String(rule.Priority)} swapped`, swapped);
  });
  return out;
}
