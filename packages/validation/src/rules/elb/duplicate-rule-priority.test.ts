import { ruleTable } from '../rule-table.ts';

const rule = (Priority: number | string, path: string) => ({ Priority, Conditions: [{ Field: 'path-pattern', Values: [path] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] });
ruleTable('elb/duplicate-rule-priority', 'alb-rules', {
  hit: [{ Rules: [rule(10, '/api/*'), rule(10, '/img/*')] }, { Rules: [rule('10', '/api/*'), rule(10, '/img/*')] }],
  miss: [{ Rules: [rule(10, '/api/*'), rule(20, '/img/*'), { Priority: 'default', IsDefault: true, Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }] }],
});
