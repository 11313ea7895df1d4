import { redirectLocation, terminalAction, type AccountState, type HttpRequest, type Rule, type RoutingResult } from '@skylab/emulator';
import { targetGroupName } from './alb-names.ts';

// What a listener does with a request, in words a learner reads (target groups by name), and the same
// outcome as a key two listeners can be compared on: the forward's target groups and their shares (not the
// target the request's hash picks), the redirect's status and Location, the fixed response's status, type and body.

/** The outcome of the rule that matched, as a comparable key and in words. */
export function ruleOutcome(rule: Rule, request: HttpRequest, state: AccountState): string {
  const action = terminalAction(rule.Actions);
  if (!action) return 'no action: the load balancer answers 500';
  switch (action.Type) {
    case 'forward': {
      const groups = action.ForwardConfig?.TargetGroups ?? (action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }] : []);
      const total = groups.reduce((s, g) => s + (g.Weight ?? (groups.length === 1 ? 1 : 0)), 0);
      const shares = groups
        .map((g) => ({ name: targetGroupName(state, g.TargetGroupArn), share: total > 0 ? (g.Weight ?? (groups.length === 1 ? 1 : 0)) / total : 0 }))
        .filter((g) => g.share > 0)
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      if (shares.length === 0) return 'forward with every weight 0: the load balancer answers 503';
      const sticky = action.ForwardConfig?.TargetGroupStickinessConfig?.Enabled ? ' with target group stickiness' : '';
      return shares.length === 1 ? `forward to \`${shares[0]?.name}\`` : `forward to ${shares.map((s) => `\`${s.name}\` (${Math.round(s.share * 1000) / 10}%)`).join(', ')}${sticky}`;
    }
    case 'redirect': {
      const config = action.RedirectConfig;
      if (!config) return 'a redirect without its configuration';
      return `redirect ${config.StatusCode === 'HTTP_301' ? 301 : 302} to \`${redirectLocation(config, request)}\``;
    }
    case 'fixed-response': {
      const config = action.FixedResponseConfig;
      return `fixed response ${config?.StatusCode ?? '?'}${config?.ContentType ? ` (${config.ContentType})` : ''}${config?.MessageBody !== undefined ? ` \`${config.MessageBody}\`` : ''}`;
    }
    default:
      return `a \`${action.Type}\` action, which is not modelled`;
  }
}

/** Which rule matched: `rule 10` or `the default rule`. */
export function ruleName(rule: { Priority: string; IsDefault?: boolean }): string {
  return rule.IsDefault || rule.Priority === 'default' ? 'the default rule' : `rule ${rule.Priority}`;
}

/** The request in one line: `GET http://host/path?query` with its headers and source address. */
export function requestText(request: HttpRequest): string {
  const headers = Object.entries(request.Headers ?? {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
  const port = request.Port !== undefined && request.Port !== (request.Protocol === 'HTTPS' ? 443 : 80) ? `:${request.Port}` : '';
  return `\`${request.Method} ${(request.Protocol ?? 'HTTP').toLowerCase()}://${request.Host}${port}${request.Path}\`${headers.length > 0 ? ` with ${headers.map((h) => `\`${h}\``).join(', ')}` : ''}${request.SourceIp !== undefined ? ` from \`${request.SourceIp}\`` : ''}`;
}

/** The rule walk in words: every rule in priority order, whether it matched and why not, and what the matched rule does. */
export function walkText(result: RoutingResult, request: HttpRequest, rules: Rule[], state: AccountState): string {
  const lines = result.Walk.filter((r) => r.Outcome !== 'not-evaluated').map((r) => `- ${ruleName(r)}: ${r.Outcome === 'matched' ? 'matched' : 'no match'}: ${r.Reason}`);
  const matched = rules.find((r) => r.RuleArn === result.MatchedRule?.RuleArn);
  return [...lines, matched ? `→ ${ruleOutcome(matched, request, state)}` : `→ ${result.Reason}`].join('\n');
}
