import type { z } from 'zod';
import type { listenerRulesSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';
import { catchesAll, priorityOf } from './rule-conditions.ts';

/** A rule that never matches because a rule with a lower priority number matches every request it would. */
export const rule: Rule<z.output<typeof listenerRulesSchema>> = {
  id: 'elb/unreachable-rule',
  severity: 'warning',
  kinds: ['alb-rules'],
  help: 'give the more specific rule the lower priority number',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  check: ({ Rules }) =>
    Rules.flatMap((r, i) => {
      const p = priorityOf(r);
      if (p === Infinity) return [];
      const first = Rules.filter((o) => priorityOf(o) < p && catchesAll(o, r)).sort((a, b) => priorityOf(a) - priorityOf(b))[0];
      return first ? [{ path: ['Rules', i, 'Priority'], message: `the rule with priority ${p} never matches: priority ${priorityOf(first)} matches every request it would` }] : [];
    }),
};
