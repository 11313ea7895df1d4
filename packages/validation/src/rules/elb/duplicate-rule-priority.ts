import type { z } from 'zod';
import type { listenerRulesSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';
import { priorityOf } from './rule-conditions.ts';

/** Two rules of a listener with the same priority: ELB refuses the second (`PriorityInUse`). */
export const rule: Rule<z.output<typeof listenerRulesSchema>> = {
  id: 'elb/duplicate-rule-priority',
  severity: 'error',
  kinds: ['alb-rules'],
  help: 'give every rule its own priority (leave gaps such as 10, 20, 30 for later)',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  check: ({ Rules }) =>
    Rules.flatMap((r, i) => {
      const p = priorityOf(r);
      return p !== Infinity && Rules.findIndex((o) => priorityOf(o) === p) < i ? [{ path: ['Rules', i, 'Priority'], message: `priority ${p} is used by an earlier rule` }] : [];
    }),
};
