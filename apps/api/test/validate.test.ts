import { describe, expect, it } from 'vitest';
import { artifactJsonSchema, type ArtifactKind } from '@skylab/validation';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

async function signedIn() {
  const { fetch } = await testApp();
  const agent = createAgent(fetch, 'http://localhost');
  await agent.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD });
  return { agent, anonymous: createAgent(fetch, 'http://localhost') };
}

describe('POST /api/validate', () => {
  it('returns the findings of a text, placed by line and column', async () => {
    const { agent } = await signedIn();
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:GetObject",\n    "Resource": "arn:aws:s3:::b"\n  }\n}';
    const res = await agent.post('/api/validate', { kind: 'iam-identity-policy', text });
    expect(res.status).toBe(200);
    expect(res.body.findings).toEqual([expect.objectContaining({ ruleId: 'iam/resource-type-mismatch', severity: 'error', path: ['Statement', 'Action'], range: expect.objectContaining({ start: expect.objectContaining({ line: 5, column: 15 }) }) })]);
  });

  it('answers 200 with findings for text that does not parse', async () => {
    const { agent } = await signedIn();
    const res = await agent.post('/api/validate', { kind: 'security-groups', text: 'GroupDescription: [' });
    expect(res.status).toBe(200);
    expect(res.body.findings[0].ruleId).toBe('yaml/syntax');
  });

  it('refuses an unknown kind, a missing text and anonymous callers', async () => {
    const { agent, anonymous } = await signedIn();
    expect((await agent.post('/api/validate', { kind: 'nope', text: '{}' })).status).toBe(400);
    expect((await agent.post('/api/validate', { kind: 'lab' })).status).toBe(400);
    expect((await anonymous.post('/api/validate', { kind: 'lab', text: '' })).status).toBe(401);
  });

  it('refuses bodies over the API limit with 413', async () => {
    const { agent } = await signedIn();
    const res = await agent.post('/api/validate', { kind: 'security-groups', text: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
  });
});

describe('GET /api/schemas/:kind', () => {
  it('serves any kind to anonymous callers, cacheable for an hour', async () => {
    const { anonymous } = await signedIn();
    for (const kind of ['lab', 'iam-scp', 'security-groups']) {
      const res = await anonymous.get(`/api/schemas/${kind}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(res.body).toEqual(artifactJsonSchema(kind as ArtifactKind));
    }
  });

  it('answers 404 for an unknown kind', async () => {
    const { anonymous } = await signedIn();
    const res = await anonymous.get('/api/schemas/nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/^there is no artifact kind `nope`: use one of /) });
  });
});
