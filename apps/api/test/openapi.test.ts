import { describe, expect, it } from 'vitest';
import { OPERATIONS, openApiDocument } from '../src/openapi.ts';
import { testApp } from './support/test-app.ts';

describe('GET /api/openapi.json', () => {
  it('describes every mounted /api route, and none that is not mounted', async () => {
    const { app, fetch } = await testApp();
    const res = await fetch('http://localhost/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    // middleware (handlers taking `next`) and the catch-all 404 are not operations
    const mounted = [...new Set(app.routes.filter((r) => r.handler.length < 2 && r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(mounted.filter((route) => !documented.includes(route)), 'mounted routes missing from the document').toEqual([]);
    expect(documented.filter((route) => !mounted.includes(route)), 'documented routes that are not mounted').toEqual([]);
  });

  it('carries the request schemas the routes validate with, existing routes included', async () => {
    const { fetch } = await testApp();
    const doc = (await (await fetch('http://localhost/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; security: unknown[] }>> };
    const schema = (path: string, method: string) => doc.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
    expect(schema('/api/auth/sign-up', 'post')).toMatchObject({ type: 'object', required: expect.arrayContaining(['email', 'password']) });
    expect(schema('/api/attempts/{id}/submissions', 'post')).toMatchObject({ properties: { version: { type: 'integer' }, answers: { type: 'object' } } });
    expect(schema('/api/courses/{courseId}/assignments', 'post')).toMatchObject({ properties: { kind: { enum: ['lab', 'exam'] } }, additionalProperties: false });
    expect(doc.paths['/api/courses/{courseId}/gradebook']?.get?.security).toEqual([{ session: [] }, { bearer: ['grades:read'] }]);
    expect(Object.values(OPERATIONS).filter((op) => op.body).length).toBeGreaterThanOrEqual(14);
  });

  it('documents every answer: its success from the schema the route answers through, the error body for 4XX and 5XX', () => {
    const doc = openApiDocument();
    const responses = (path: string, method: string) => (doc.paths[path]?.[method] as { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }).responses;
    for (const [key, op] of Object.entries(OPERATIONS)) {
      const [method = '', path = ''] = key.split(' ');
      const documented = responses(path.replace(/:(\w+)/g, '{$1}'), method.toLowerCase());
      expect(documented['4XX'], key).toEqual(documented['5XX']);
      if (op.response) expect(documented[op.status ?? 200]?.content?.['application/json']?.schema, key).toBeDefined();
    }
    expect(responses('/api/me', 'get')['200']?.content?.['application/json']?.schema).toMatchObject({
      properties: { user: { required: ['id', 'email', 'name', 'role'], additionalProperties: false } },
      additionalProperties: false,
    });
    expect(doc.components.schemas.Error).toMatchObject({ required: ['error'], properties: { error: { properties: { findings: { type: 'array', items: { required: expect.arrayContaining(['ruleId', 'message']) } } } } } });
    expect(Object.values(OPERATIONS).filter((op) => !op.response && !op.produces && op.status !== 204 && !op.redirect)).toEqual([]);
  });
});
