// `npm run bench` (packages/emulator): ALB routing speed. Goal (issue 5): 1 million requests through a
// 50-rule listener in under 1 s. The hot path (`match`) is what routing many requests uses; the explained
// walk (`route`) builds every rule's reasons and is measured apart.
import { compileListener, type HttpRequest } from '../src/elbv2/routing.ts';
import type { Rule, RuleCondition } from '../src/elbv2/state.ts';

const services = ['users', 'orders', 'cart', 'search', 'images', 'billing', 'auth', 'catalog', 'reviews', 'admin'];
const rules: Rule[] = Array.from({ length: 50 }, (_, i) => {
  const service = services[i % services.length] as string;
  const conditions: RuleCondition[] = [
    { Field: 'host-header', HostHeaderConfig: { Values: [i % 3 === 0 ? `*.shop${i % 5}.example.com` : `api${i % 5}.example.com`] } },
    { Field: 'path-pattern', PathPatternConfig: { Values: [`/v${i % 4}/${service}/*`, `/${service}/v${i % 4}/item-?`] } },
  ];
  if (i % 7 === 0) conditions.push({ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET', 'HEAD'] } });
  if (i % 11 === 0) conditions.push({ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Tenant', Values: ['*gold*'] } });
  return { RuleArn: `rule-${i}`, Priority: String(10 + i * 10), Conditions: conditions, Actions: [{ Type: 'forward', TargetGroupArn: `tg-${i}` }], IsDefault: false };
});
rules.push({ RuleArn: 'default', Priority: 'default', Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }], IsDefault: true });

const requests: HttpRequest[] = Array.from({ length: 1000 }, (_, i) => ({
  Method: i % 9 === 0 ? 'POST' : 'GET',
  Host: i % 3 === 0 ? `www.shop${i % 5}.example.com` : `API${i % 5}.example.com`,
  Path: `/v${i % 4}/${services[(i % 2 === 0 ? i : i * 7) % services.length]}/${i % 13 === 0 ? 'item-x' : `p/${i}`}${i % 5 === 0 ? '?q=1' : ''}`,
  Headers: i % 4 === 0 ? { 'x-tenant': 'silver' } : { 'X-Tenant': 'gold-plus' },
  SourceIp: '203.0.113.7',
}));

const listener = compileListener(rules);

// Loops live in functions: module top-level code is not optimized like function bodies.
function matchAll(n: number): number {
  let defaults = 0;
  for (let i = 0; i < n; i++) if (listener.match(requests[i % requests.length] as HttpRequest).IsDefault) defaults++;
  return defaults;
}
function routeAll(n: number): void {
  for (let i = 0; i < n; i++) listener.route(requests[i % requests.length] as HttpRequest);
}

const N = 1_000_000;
matchAll(20_000);
// CPU time as well as wall time: the machine is shared, and CPU time is what the code itself costs.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const spent = process.cpuUsage(since);
  return (spent.user + spent.system) / 1000;
};
let start = performance.now();
let used = process.cpuUsage();
const defaults = matchAll(N);
const hot = cpuMs(used);
console.log(`route 1,000,000 requests, 50-rule listener (match)  ${hot.toFixed(0).padStart(6)} ms CPU (${(performance.now() - start).toFixed(0)} ms wall)  goal < 1000 ms  ${hot < 1000 ? 'ok' : 'MISSED'}  (${((defaults / N) * 100).toFixed(0)}% fell to the default rule)`);

const W = 100_000;
routeAll(1000);
start = performance.now();
used = process.cpuUsage();
routeAll(W);
const walk = cpuMs(used);
console.log(`route 100,000 requests with the full walk (route)     ${walk.toFixed(0).padStart(6)} ms CPU (${(performance.now() - start).toFixed(0)} ms wall)  (${((walk * 1000) / W).toFixed(2)} µs per explained request)`);
