import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { signQueryRequest } from '../../../../packages/emulator/src/wire/test-signing.ts';
import type { WireRequest } from '../../../../packages/emulator/src/wire/types.ts';
import { createAgent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';

// The attempt's AWS endpoint inside workerd against sqld: the Query protocol, the signature check and the
// guarded write of the account all run in the Worker runtime. (The real SDKs are tested against the Node
// server; here the request is signed with the emulator's own SigV4 code, which checks against AWS's example.)
const ORIGIN = 'https://skylab.test';
const fetchWorker = (url: string, init?: RequestInit) => exports.default.fetch(url, init);

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  endpoint: string;
  accountId: string;
}

const signedRequest = (credentials: Credentials, service: 'iam' | 'sts', body: string): WireRequest =>
  signQueryRequest(body, credentials, { url: `${credentials.endpoint}/`, service, time: Date.now() });

async function send(request: WireRequest) {
  const response = await fetchWorker(request.url, { method: request.method, headers: request.headers, body: new TextDecoder().decode(request.body) });
  return { status: response.status, text: await response.text() };
}

it('answers STS and IAM for an attempt, and keeps what IAM changed', async () => {
  const learner = createAgent(fetchWorker, ORIGIN);
  expect((await learner.post('/api/auth/sign-up', { email: `aws-${crypto.randomUUID()}@example.com`, password: PASSWORD })).status).toBe(201);
  const started = await learner.post('/api/labs/iam-s3-read-only/attempts');
  expect(started.status).toBe(201);
  const attemptId: string = started.body.attempt.id;
  const { credentials } = (await learner.get(`/api/attempts/${attemptId}/aws-credentials`)).body as { credentials: Credentials };
  expect(credentials.endpoint).toBe(`${ORIGIN}/aws/${attemptId}`);

  const identity = await send(signedRequest(credentials, 'sts', 'Action=GetCallerIdentity&Version=2011-06-15'));
  expect(identity.status).toBe(200);
  expect(identity.text).toContain(`<Arn>arn:aws:iam::${credentials.accountId}:root</Arn>`);

  const created = await send(signedRequest(credentials, 'iam', 'Action=CreateUser&Version=2010-05-08&UserName=from-workerd'));
  expect(created.status).toBe(200);
  expect(created.text).toContain('<UserName>from-workerd</UserName>');
  const again = await send(signedRequest(credentials, 'iam', 'Action=GetUser&Version=2010-05-08&UserName=from-workerd'));
  expect(again.text).toContain(`<Arn>arn:aws:iam::${credentials.accountId}:user/from-workerd</Arn>`);
  expect((await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version).toBe(2);

  const forged = signedRequest({ ...credentials, secretAccessKey: 'not-the-secret-0000000000000000000000000' }, 'iam', 'Action=GetUser&Version=2010-05-08&UserName=from-workerd');
  const refused = await send(forged);
  expect(refused.status).toBe(403);
  expect(refused.text).toContain('<Code>SignatureDoesNotMatch</Code>');
});
