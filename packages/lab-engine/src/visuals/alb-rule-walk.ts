import type { AccountState, HttpRequest, Rule, RoutingResult } from '@skylab/emulator';
import { requestText, ruleName, ruleOutcome } from '../alb-outcome.ts';
import type { AlbRuleWalkVisual } from './types.ts';

/** The rule walk of a routed request as a table: each rule in priority order, its conditions, its action. */
export function albRuleWalkVisual(result: RoutingResult, request: HttpRequest, rules: readonly Rule[], state: AccountState): AlbRuleWalkVisual {
  const byArn = new Map(rules.map((rule) => [rule.RuleArn, rule]));
  const matched = result.MatchedRule === undefined ? undefined : byArn.get(result.MatchedRule.RuleArn);
  return {
    kind: 'alb-rule-walk',
    request: requestText(request),
    rows: result.Walk.map((row) => {
      const rule = byArn.get(row.RuleArn);
      return {
        rule: ruleName(row),
        outcome: row.Outcome,
        reason: row.Reason,
        conditions: row.Conditions.map((c) => ({ field: c.Field, outcome: c.Outcome, reason: c.Reason })),
        action: rule === undefined ? '' : ruleOutcome(rule, request, state),
      };
    }),
    outcome: matched === undefined ? result.Reason : ruleOutcome(matched, request, state),
  };
}
