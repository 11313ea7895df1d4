import { expect } from 'vitest';
import type { Scenario } from './scenario.ts';

function cspDirectives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources.join(' ')]),
  );
}

/** The headers every answer carries, page or API: what may run, who may frame it, what leaks out. */
export function expectSecurityHeaders(headers: Headers, label: string): void {
  const csp = cspDirectives(headers.get('content-security-policy'));
  expect(csp, label).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'", 'frame-ancestors': "'none'" });
  expect(headers.get('content-security-policy'), label).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(
    Object.fromEntries(['x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy'].map((name) => [name, headers.get(name)])),
    label,
  ).toEqual({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  expect(headers.get('permissions-policy'), label).toMatch(/camera=\(\).*microphone=\(\)/);
}

export const securityHeaderScenarios: Scenario[] = [
  {
    name: 'every answer carries the security headers: success, refusal, error, and the AWS endpoint',
    async run(ctx) {
      const learner = await ctx.learner();
      const anonymous = ctx.agent();
      const answers = {
        'GET /api/labs': await anonymous.get('/api/labs'),
        'GET /api/me signed in': await learner.get('/api/me'),
        'GET /api/me signed out': await anonymous.get('/api/me'),
        'GET /api/nothing': await anonymous.get('/api/nothing'),
        'POST malformed JSON': await anonymous.post('/api/auth/sign-in', '{'),
        'POST from another origin': await anonymous.post('/api/auth/sign-in', {}, { origin: 'https://evil.example' }),
        'POST over 256 KB': await anonymous.post('/api/auth/sign-in', { password: 'x'.repeat(257 * 1024) }),
      };
      for (const [label, res] of Object.entries(answers)) expectSecurityHeaders(res.headers, label);
      const aws = await ctx.fetch('/aws/01JANYTHING/', { method: 'POST', body: 'Action=GetUser&Version=2010-05-08' });
      expect(aws.headers.get('content-type')).toMatch(/xml/);
      expectSecurityHeaders(aws.headers, 'POST /aws/…/');
    },
  },
];
