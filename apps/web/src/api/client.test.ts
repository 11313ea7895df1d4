import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, isApiError } from './client.ts';

function fakeFetch(response: Response | Error) {
  const calls: { input: string; init: RequestInit }[] = [];
  const fetchImpl = async (input: string, init: RequestInit) => {
    calls.push({ input, init });
    if (response instanceof Error) throw response;
    return response;
  };
  return { calls, client: createApiClient(fetchImpl) };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('requests', () => {
  it('sends JSON bodies same-origin with credentials', async () => {
    const { calls, client } = fakeFetch(json(201, { submission: { id: 's1' }, attempt: { id: 'a1' } }));
    await client.submit('a/1', 3, { policy: '{}' });
    expect(calls).toHaveLength(1);
    const [{ input, init }] = calls as [{ input: string; init: RequestInit }];
    expect(input).toBe('/api/attempts/a%2F1/submissions');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ version: 3, answers: { policy: '{}' } });
  });

  it('reads an attempt\'s AWS credentials with a GET and unwraps them', async () => {
    const credentials = { accessKeyId: 'AKIAX', secretAccessKey: 's', region: 'us-east-1', endpoint: 'http://h/aws/a1', accountId: '123456789012' };
    const { calls, client } = fakeFetch(json(200, { credentials }));
    expect(await client.awsCredentials('a/1')).toEqual(credentials);
    const [{ input, init }] = calls as [{ input: string; init: RequestInit }];
    expect(input).toBe('/api/attempts/a%2F1/aws-credentials');
    expect(init.method).toBe('GET');
  });

  it('autosaves an exam answer with a PUT carrying the item version as If-Match', async () => {
    const { calls, client } = fakeFetch(json(200, { answer: { itemId: 'q/1', value: { picks: ['a'] }, version: 3, savedAt: 'x' } }));
    expect(await client.saveExamAnswer('s1', 'q/1', 2, { picks: ['a'] })).toMatchObject({ version: 3 });
    const [{ input, init }] = calls as [{ input: string; init: RequestInit }];
    expect(input).toBe('/api/exam-sessions/s1/answers/q%2F1');
    expect(init.method).toBe('PUT');
    expect(init.headers).toMatchObject({ 'If-Match': '"2"', 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ picks: ['a'] });
  });

  it('sends an empty JSON object for POSTs without a payload', async () => {
    const { calls, client } = fakeFetch(new Response(null, { status: 204 }));
    await expect(client.signOut()).resolves.toBeUndefined();
    expect(calls[0]!.init.body).toBe('{}');
  });

  it('reveals a hint by its index with an empty POST and returns the hint and the attempt', async () => {
    const { calls, client } = fakeFetch(json(200, { hint: { index: 1, cost: 1, text: 't', revealed: true }, attempt: { id: 'a1', version: 2 } }));
    await expect(client.revealHint('a/1', 1)).resolves.toMatchObject({ hint: { text: 't' }, attempt: { version: 2 } });
    expect(calls[0]).toMatchObject({ input: '/api/attempts/a%2F1/hints/1', init: { method: 'POST', body: '{}' } });
  });

  it('resets the account of an attempt at the version it last saw', async () => {
    const { calls, client } = fakeFetch(json(200, { attempt: { version: 4, accountDrift: null } }));
    await expect(client.resetAccount('a/1', 3)).resolves.toEqual({ version: 4, accountDrift: null });
    expect(calls[0]).toMatchObject({ input: '/api/attempts/a%2F1/account/reset', init: { method: 'POST', body: '{"version":3}' } });
  });

  it('sends no body on GET and unwraps the payload', async () => {
    const { calls, client } = fakeFetch(json(200, { user: { id: 'u' } }));
    await expect(client.me()).resolves.toEqual({ id: 'u' });
    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[0]!.init.method).toBe('GET');
  });
});

describe('errors', () => {
  it('keeps code, message and findings of the documented error body', async () => {
    const finding = { ruleId: 'json-syntax', severity: 'error', path: [], range: { start: { line: 2, column: 5, offset: 7 }, end: { line: 2, column: 6, offset: 8 } }, message: 'expected `,` or `}`' };
    const { client } = fakeFetch(json(400, { error: { code: 'invalid_submission', message: 'the answer does not parse', findings: [finding], requestId: 'r1' } }));
    const error = await failure(client.submit('a1', 1, { policy: '{' }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_submission', message: 'the answer does not parse', requestId: 'r1' });
    expect(error.findings).toEqual([finding]);
    expect(isApiError(error, 'invalid_submission')).toBe(true);
    expect(isApiError(error, 'version_conflict')).toBe(false);
  });

  it('reads Retry-After on throttling', async () => {
    const { client } = fakeFetch(json(429, { error: { code: 'too_many_attempts', message: 'too many sign-in attempts' } }, { 'Retry-After': '30' }));
    const error = await failure(client.signIn({ email: 'a@b.test', password: 'x' }));
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfterSeconds).toBe(30);
  });

  it.each([
    ['an HTML error page', new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }), 'server_error', 'the server answered 502 Bad Gateway'],
    ['an empty body', new Response(null, { status: 404 }), 'http_error', 'the server answered 404'],
    ['JSON of another shape', json(400, { message: 'nope' }), 'http_error', 'the server answered 400'],
    ['an error body whose code is not a string', json(400, { error: { code: 7, message: 'x' } }), 'http_error', 'the server answered 400'],
  ])('falls back to a generic error for %s', async (_label, response, code, message) => {
    const { client } = fakeFetch(response);
    const error = await failure(client.catalogue());
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.findings).toEqual([]);
  });

  it('ignores findings that are not a list', async () => {
    const { client } = fakeFetch(json(400, { error: { code: 'invalid_request', message: 'bad', findings: 'oops' } }));
    expect((await failure(client.catalogue())).findings).toEqual([]);
  });

  it('turns a network failure into a network_error', async () => {
    const { client } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await failure(client.me());
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});
