import { z } from 'zod';
import { int, oneOf } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The ALB checks: route one request through a listener and expect its outcome (`alb-route`), and compare
// the learner's rules with the solution's over every request that could tell them apart (`equivalent-routing`).
// Routing as https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html describes it.

const requestSchema = z
  .strictObject({
    host: text('`host`').describe('The Host header, such as `admin.example.com`'),
    path: text('`path`').prefault('/').describe('The path, starting with `/` (a `?query` may follow)'),
    method: z.string().prefault('GET').describe('The HTTP method, `GET` when left out'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers by name, such as `X-Canary: "true"`'),
    query: z.record(z.string(), z.string()).optional().describe('Query string parameters, appended to the path'),
    sourceIp: z.string().optional().describe('The client address the load balancer sees'),
  })
  .describe('An HTTP request arriving at the listener');

const expectSchema = z
  .strictObject({
    rule: z.union([int(1, 50000, '`rule`'), z.literal('default')]).optional().describe('The priority of the rule that must match, or `default`'),
    forward: text('`forward`').optional().describe('The target group (by name) the request must be forwarded to'),
    redirect: z
      .strictObject({
        location: text('`location`').describe('The `Location` the redirect must send, such as `https://example.com:443/a?b=c`'),
        statusCode: z.union([z.literal(301), z.literal(302)]).optional().describe('301 (permanent) or 302 (temporary)'),
      })
      .optional()
      .describe('The redirect the load balancer must answer with'),
    fixedResponse: z
      .strictObject({
        statusCode: int(200, 599, '`statusCode`').describe('The status code'),
        messageBody: z.string().optional().describe('The body, when it matters'),
      })
      .optional()
      .describe('The response the load balancer must write itself'),
  })
  .refine((e) => [e.forward, e.redirect, e.fixedResponse].filter((x) => x !== undefined).length === 1, { error: 'an `alb-route` expectation needs exactly one of `forward`, `redirect` or `fixedResponse`' })
  .describe('What the listener must do with the request');

export const albRouteSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `alb-listener-rules` task whose listener routes the request"),
    request: requestSchema,
    expect: expectSchema,
  })
  .describe('Route one request through the listener and expect its outcome; the explanation is the rule walk');

export const equivalentRoutingSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `alb-listener-rules` task whose rules are compared with the solution's"),
    examples: z.number().int().min(1).max(20).prefault(3).describe('How many requests routed differently the explanation shows'),
  })
  .describe(
    "Compare the listener the answer leaves with the solution's on every request of the universe: each host and path pattern of either side instantiated and near-missed, each header and query value and another, each method, source addresses inside and outside each CIDR, and requests nobody named",
  );

/** The editor language of an ALB rules answer and the listener it replaces the rules of. */
export const albListenerRulesTaskFields = {
  kind: z.literal('alb-listener-rules').describe("The learner writes a listener's rules and default action"),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  listener: z
    .strictObject({
      LoadBalancerName: text('`LoadBalancerName`').describe('The load balancer of the setup, by name'),
      Port: int(1, 65535, '`Port`').describe('The listener port'),
    })
    .describe('The listener whose rules the answer replaces (DeleteRule, CreateRule, ModifyListener for the default action)'),
};
