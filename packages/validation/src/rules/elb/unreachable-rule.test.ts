import { ruleTable } from '../rule-table.ts';

const rule = (Priority: number, ...Conditions: object[]) => ({ Priority, Conditions, Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] });
const path = (...Values: string[]) => ({ Field: 'path-pattern', Values });
const host = (...Values: string[]) => ({ Field: 'host-header', HostHeaderConfig: { Values } });
ruleTable('elb/unreachable-rule', 'alb-rules', {
  hit: [{ Rules: [rule(1, path('/*')), rule(2, path('/api/*'))] }, { Rules: [rule(5, host('*.example.com')), rule(9, host('api.example.com'), path('/v1/*'))] }],
  miss: [{ Rules: [rule(1, path('/api/*')), rule(2, path('/*'))] }, { Rules: [rule(1, path('/api/*'), host('a.example.com')), rule(2, path('/api/v1/*'))] }, { Rules: [rule(1, path('/API/*')), rule(2, path('/api/*'))] }],
});
