import { compileListener, routeRequest, type AccountState, type Rule } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { requestText, ruleName, ruleOutcome, walkText } from './alb-outcome.ts';
import { taskListener } from './check-alb-route.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { MAX_UNIVERSE, routingUniverse, type UniverseRequest } from './routing-universe.ts';
import { renderDeep } from './template.ts';

// Listener rules graded by behaviour (DESIGN §3): the learner's listener and the solution's route every
// request of the universe (`routing-universe.ts`) and every request they treat differently — another
// target group, another redirect Location, another fixed response — is reported with the learner's rule walk.

interface Difference extends UniverseRequest {
  mine: string;
  theirs: string;
}

function rulesOf(lab: Lab, task: string, state: AccountState): { rules: Rule[]; listenerArn: string; Protocol: 'HTTP' | 'HTTPS'; Port: number } | { problem: string } {
  const listener = taskListener(lab, task, state);
  if ('problem' in listener) return listener;
  return { ...listener, rules: state.elbv2.rules[listener.listenerArn] ?? [] };
}

/**
 * The plainest differences, one of each kind first (what the learner's listener does against what the
 * reference does), so the examples show different mistakes rather than one mistake with another query string.
 */
function examples(differences: Difference[], count: number): Difference[] {
  const sorted = [...differences].sort((x, y) => x.weight - y.weight);
  const seen = new Set<string>();
  const firsts = sorted.filter((d) => {
    const kind = `${d.mine}|${d.theirs}`.replace(/`[^`]*`/g, (m) => (m.includes('://') ? '`url`' : m));
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
  return [...firsts, ...sorted.filter((d) => !firsts.includes(d))].slice(0, count);
}

/** An `equivalent-routing` check: the task's listener routes every request of the universe as the solution's does. */
export function runEquivalentRoutingCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-routing'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-routing` assertion');
  const learner = rulesOf(lab, spec.task, input.state);
  if ('problem' in learner) return errored(input, LAB_PROBLEM, learner.problem);
  const referenceState = input.reference();
  const reference = rulesOf(lab, spec.task, referenceState);
  if ('problem' in reference) return errored(input, LAB_PROBLEM, reference.problem);
  const universe = routingUniverse(learner.rules, reference.rules, learner);
  if (!universe) return errored(input, 'this check could not be decided: the rules name too many values to compare every combination', `the universe would have more than ${MAX_UNIVERSE} requests`, [`equivalent-routing over more than ${MAX_UNIVERSE} requests`]);
  const mine = compileListener(learner.rules);
  const theirs = compileListener(reference.rules);
  const differences: Difference[] = [];
  for (const item of universe) {
    const a = ruleOutcome(mine.match(item.request), item.request, input.state);
    const b = ruleOutcome(theirs.match(item.request), item.request, referenceState);
    if (a !== b) differences.push({ ...item, mine: a, theirs: b });
  }
  const head = `compared on ${universe.length} requests (each host and path pattern of both rule sets instantiated and near-missed, each header, query value, method and source range, and values nobody named): ${universe.length - differences.length} routed alike`;
  if (differences.length === 0) return decided(input, true, head);
  const shown = examples(differences, spec.examples).map((d) => {
    const result = routeRequest({ Rules: learner.rules }, d.request);
    const matched = result.MatchedRule ? ruleName(result.MatchedRule) : 'no rule';
    return `- ${requestText(d.request)}: your listener: ${d.mine} (${matched}); the reference: ${d.theirs}\n  ${walkText(result, d.request, learner.rules, input.state).replace(/\n/g, '\n  ')}`;
  });
  const more = differences.length > spec.examples ? [`… and ${differences.length - spec.examples} more`] : [];
  return decided(input, false, [head, `routed differently (${differences.length}):`, ...shown, ...more].join('\n'));
}
