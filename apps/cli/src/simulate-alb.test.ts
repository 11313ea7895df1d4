import { describe, expect, it } from 'vitest';
import { simulateAlb } from './simulate-alb.ts';

// Rules as `aws elbv2 describe-rules` prints them, and target health as `describe-target-health` does.
const INPUT = {
  Rules: [
    { RuleArn: 'r-api', Priority: '10', IsDefault: false, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:tg/api' }] },
    { RuleArn: 'r-old', Priority: '5', IsDefault: false, Conditions: [{ Field: 'host-header', Values: ['old.example.com'] }], Actions: [{ Type: 'redirect', RedirectConfig: { Host: 'new.example.com', StatusCode: 'HTTP_301' } }] },
    { RuleArn: 'r-default', Priority: 'default', IsDefault: true, Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'not here' } }] },
  ],
  TargetGroups: [{ TargetGroupArn: 'arn:tg/api', TargetGroupName: 'api', Protocol: 'HTTP', Port: 80, HealthCheckPort: 'traffic-port' }],
  TargetHealth: [{ TargetGroupArn: 'arn:tg/api', TargetHealthDescriptions: [{ Target: { Id: 'i-0aaaaaaaaaaaaaaa1', Port: 80 }, HealthCheckPort: '80', TargetHealth: { State: 'healthy' } }] }],
};

function run(args: string[], stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = simulateAlb(args, { cwd: '/', out: (l) => out.push(l), err: (l) => err.push(l) }, () => stdin);
  return { code, out, err };
}

describe('skylab simulate alb', () => {
  it.each([
    { name: 'forwards /api to the api group and its healthy target', request: { Method: 'GET', Host: 'www.example.com', Path: '/api/users' }, expect: { Outcome: 'forward', Forward: { TargetGroupArn: 'arn:tg/api', Targets: ['i-0aaaaaaaaaaaaaaa1'] } } },
    { name: 'redirects the old host before looking at the path', request: { Method: 'GET', Host: 'old.example.com', Path: '/api/x' }, expect: { Outcome: 'redirect', Redirect: { StatusCode: 301, Location: 'http://new.example.com/api/x' } } },
    { name: 'falls to the default rule', request: { Method: 'GET', Host: 'www.example.com', Path: '/' }, expect: { Outcome: 'fixed-response', Response: { StatusCode: 404 } } },
  ])('$name', ({ request, expect: expected }) => {
    const { code, out } = run(['-'], JSON.stringify({ ...INPUT, Request: request }));
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result).toMatchObject(expected);
    expect(result.Walk.map((w: { Priority: string }) => w.Priority)).toEqual(['5', '10', 'default']);
  });

  it('answers JSON Lines, one result per request', () => {
    const lines = [JSON.stringify({ Rules: INPUT.Rules }), JSON.stringify({ Requests: [{ Method: 'GET', Host: 'a.example.com', Path: '/' }, { Method: 'GET', Host: 'old.example.com', Path: '/' }] })].join('\n');
    const { code, out } = run(['-'], lines);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).Outcome)).toEqual(['fixed-response', 'redirect']);
  });

  it.each([
    { name: 'no request', input: JSON.stringify({ Rules: INPUT.Rules }), message: /needs `Rules`/ },
    { name: 'no default rule', input: JSON.stringify({ Rules: INPUT.Rules.slice(0, 2), Request: { Method: 'GET', Host: 'a.example.com', Path: '/' } }), message: /no default rule/ },
    { name: 'broken JSON Lines', input: '{"Rules": []}\n{nope', message: /line 2/ },
  ])('refuses $name', ({ input, message }) => {
    const { code, err } = run(['-'], input);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('shows the certificate SNI selects on an HTTPS request', () => {
    const input = {
      ...INPUT,
      Listeners: [{ ListenerArn: 'l', Protocol: 'HTTPS', Certificates: [{ CertificateArn: 'arn:cert/main', IsDefault: true }, { CertificateArn: 'arn:cert/api' }] }],
      Certificates: [{ CertificateArn: 'arn:cert/main', DomainName: 'example.com' }, { CertificateArn: 'arn:cert/api', DomainName: 'api.example.com' }],
      Request: { Protocol: 'HTTPS', Method: 'GET', Host: 'api.example.com', Path: '/api/v1' },
    };
    const { code, out } = run(['-'], JSON.stringify(input));
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).Certificate.CertificateArn).toBe('arn:cert/api');
  });
});

describe('skylab simulate alb --batch', () => {
  const scenario = (request: object) => JSON.stringify({ ...INPUT, Request: request });
  const lines = [
    scenario({ Method: 'GET', Host: 'www.example.com', Path: '/api/users' }),
    JSON.stringify({ Rules: INPUT.Rules.slice(0, 2), Request: { Method: 'GET', Host: 'a.example.com', Path: '/' } }),
    JSON.stringify({ ...INPUT, Requests: [{ Method: 'GET', Host: 'old.example.com', Path: '/' }], Reqest: {} }),
    '{"Rules": [',
    scenario({ Method: 'GET', Host: 'www.example.com', Path: '/' }),
  ];

  it.each([
    { line: 1, expected: { Results: [{ Outcome: 'forward' }] } },
    { line: 2, expected: { Error: { Code: 'InvalidInput', Message: expect.stringMatching(/no default rule/) } } },
    { line: 3, expected: { Error: { Code: 'InvalidInput', Message: expect.stringMatching(/^unknown key `Reqest`/) } } },
    { line: 4, expected: { Error: { Code: 'InvalidInput' } } },
    { line: 5, expected: { Results: [{ Outcome: 'fixed-response' }] } },
  ])('answers line $line on its own', ({ line, expected }) => {
    const { code, out } = run(['-', '--batch'], lines.join('\n'));
    expect(code).toBe(1);
    expect(out).toHaveLength(lines.length);
    expect(JSON.parse(out[line - 1] as string)).toMatchObject({ Line: line, ...expected });
  });

  it('answers thousands of requests, one scenario each', () => {
    const paths = ['/api/a', '/', '/api/b/c'];
    const { code, out } = run(['-', '--batch'], Array.from({ length: 2000 }, (_, i) => scenario({ Method: 'GET', Host: 'www.example.com', Path: paths[i % 3] })).join('\n'));
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).Results[0].Outcome)).toEqual(Array.from({ length: 2000 }, (_, i) => (i % 3 === 1 ? 'fixed-response' : 'forward')));
  });
});
