import { routeRequest, type AccountState, type HttpRequest, type RoutingResult } from '@skylab/emulator';
import type { Lab, LabCheck } from '@skylab/validation';
import { listenerOf, targetGroupName } from './alb-names.ts';
import { requestText, ruleName, walkText } from './alb-outcome.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep, renderString } from './template.ts';
import { albRuleWalkVisual } from './visuals/alb-rule-walk.ts';

// An `alb-route` check routes one request through the task's listener as the load balancer would
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html) and compares
// the outcome with the expected one; the explanation is the rule walk, every rule in priority order.

type RouteSpec = NonNullable<LabCheck['alb-route']>;

/** The listener of an `alb-listener-rules` task in an account, or why there is none. */
export function taskListener(lab: Lab, taskId: string, state: AccountState): { listenerArn: string; Protocol: 'HTTP' | 'HTTPS'; Port: number } | { problem: string } {
  const task = lab.tasks.find((t) => t.id === taskId);
  if (task?.kind !== 'alb-listener-rules') return { problem: `task \`${taskId}\` is not an \`alb-listener-rules\` task` };
  const found = listenerOf(state, task.listener.LoadBalancerName, task.listener.Port);
  if ('problem' in found) return found;
  const listener = state.elbv2.listeners[found.listenerArn];
  return { listenerArn: found.listenerArn, Protocol: listener?.Protocol ?? 'HTTP', Port: task.listener.Port };
}

function httpRequest(spec: RouteSpec['request'], listener: { Protocol: 'HTTP' | 'HTTPS'; Port: number }): HttpRequest {
  const query = Object.entries(spec.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const path = query === '' ? spec.path : `${spec.path}${spec.path.includes('?') ? '&' : '?'}${query}`;
  return {
    Protocol: listener.Protocol,
    Port: listener.Port,
    Method: spec.method,
    Host: spec.host,
    Path: path,
    ...(spec.headers ? { Headers: spec.headers } : {}),
    ...(spec.sourceIp !== undefined ? { SourceIp: spec.sourceIp } : {}),
  };
}

/** What differs from the expectation, or nothing when the outcome is the expected one. */
function mismatches(expect: RouteSpec['expect'], result: RoutingResult, state: AccountState): string[] {
  const out: string[] = [];
  const matched = result.MatchedRule;
  if (expect.rule !== undefined && matched?.Priority !== String(expect.rule)) out.push(`expected ${ruleName({ Priority: String(expect.rule) })} to match, not ${matched ? ruleName(matched) : 'none'}`);
  if (expect.forward !== undefined) {
    const got = result.Forward ? targetGroupName(state, result.Forward.TargetGroupArn) : undefined;
    if (result.Outcome !== 'forward' || got !== expect.forward) out.push(`expected a forward to \`${expect.forward}\``);
  }
  if (expect.redirect !== undefined) {
    const r = result.Redirect;
    if (result.Outcome !== 'redirect' || r?.Location !== expect.redirect.location || (expect.redirect.statusCode !== undefined && r.StatusCode !== expect.redirect.statusCode)) {
      out.push(`expected a ${expect.redirect.statusCode ?? ''} redirect to \`${expect.redirect.location}\``.replace('a  redirect', 'a redirect'));
    }
  }
  if (expect.fixedResponse !== undefined) {
    const r = result.Response;
    if (result.Outcome !== 'fixed-response' || r?.StatusCode !== expect.fixedResponse.statusCode || (expect.fixedResponse.messageBody !== undefined && r.MessageBody !== expect.fixedResponse.messageBody)) {
      out.push(`expected a fixed response ${expect.fixedResponse.statusCode}`);
    }
  }
  return out;
}

/** An `alb-route` check: the task's listener routes the request as expected. */
export function runAlbRouteCheck(input: CheckInput, lab: Lab, state: AccountState): CheckRun {
  const spec = renderDeep(input.check['alb-route'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `alb-route` request');
  const listener = taskListener(lab, spec.task, state);
  if ('problem' in listener) return errored(input, LAB_PROBLEM, listener.problem);
  // Header names and query keys may come from params too (`renderDeep` fills values, not keys).
  const keys = (record: Record<string, string> | undefined) => (record ? Object.fromEntries(Object.entries(record).map(([k, v]) => [renderString(k, input.params), v])) : undefined);
  const headers = keys(spec.request.headers);
  const query = keys(spec.request.query);
  const request = httpRequest({ ...spec.request, ...(headers ? { headers } : {}), ...(query ? { query } : {}) }, listener);
  // Routed without the target groups' health: the check is about which rule decides, not which target
  // answers (a group with no healthy target fails open to all of them anyway).
  const rules = state.elbv2.rules[listener.listenerArn] ?? [];
  const result = routeRequest({ Rules: rules }, request);
  const explanation = `${requestText(request)}:\n${walkText(result, request, rules, state)}`;
  if (result.Unsupported.length > 0) return errored(input, 'this check could not be decided: the request touches something the emulator does not model', explanation, result.Unsupported);
  const wrong = mismatches(spec.expect, result, state);
  return decided(input, wrong.length === 0, wrong.length === 0 ? explanation : `${explanation}\n${wrong.join('; ')}`, [], albRuleWalkVisual(result, request, rules, state));
}
