import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { signS3Request } from '../../../../packages/emulator/src/wire/test-signing.ts';
import { createAgent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';

// S3's REST-XML protocol inside workerd against sqld: routing on `/aws/ID/*`, both addressing styles, the
// signature with the path as sent and the guarded write of the account, in the Worker runtime. (The real
// @aws-sdk/client-s3 is tested against the Node server; here requests are signed with the emulator's own
// SigV4 code, which checks against S3's documented example.)
const ORIGIN = 'https://skylab.test';
const fetchWorker = (url: string, init?: RequestInit) => exports.default.fetch(url, init);

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  endpoint: string;
}

async function send(credentials: Credentials, method: string, url: string, body = '') {
  const request = signS3Request(method, url, body, credentials, { time: Date.now() });
  const response = await fetchWorker(request.url, { method, headers: request.headers, ...(body === '' ? {} : { body }) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

it('serves S3 path-style and virtual-hosted, and keeps what the calls changed', async () => {
  const learner = createAgent(fetchWorker, ORIGIN);
  expect((await learner.post('/api/auth/sign-up', { email: `s3-${crypto.randomUUID()}@example.com`, password: PASSWORD })).status).toBe(201);
  const started = await learner.post('/api/labs/iam-s3-read-only/attempts');
  const attemptId: string = started.body.attempt.id;
  const { credentials } = (await learner.get(`/api/attempts/${attemptId}/aws-credentials`)).body as { credentials: Credentials };
  const path = (rest: string) => `${credentials.endpoint}${rest}`;

  expect((await send(credentials, 'PUT', path('/workerd-bucket'))).status).toBe(200);
  const put = await send(credentials, 'PUT', path('/workerd-bucket/a%20b.txt'), 'hello');
  expect([put.status, put.headers.get('etag')]).toEqual([200, '"5d41402abc4b2a76b9719d911017c592"']);
  const got = await send(credentials, 'GET', path('/workerd-bucket/a%20b.txt'));
  expect([got.status, got.text]).toEqual([200, 'hello']);
  const listed = await send(credentials, 'GET', path('/workerd-bucket?list-type=2'));
  expect(listed.text).toContain('<Contents><Key>a b.txt</Key>');

  // Without PUBLIC_ORIGIN, `<bucket>.localhost` is the virtual-hosted form.
  const virtual = await send(credentials, 'GET', `https://workerd-bucket.localhost/aws/${attemptId}/a%20b.txt`);
  expect([virtual.status, virtual.text]).toEqual([200, 'hello']);

  const notEmpty = await send(credentials, 'DELETE', path('/workerd-bucket'));
  expect(notEmpty.status).toBe(409);
  expect(notEmpty.text).toContain('<Code>BucketNotEmpty</Code><Message>the bucket `workerd-bucket` is not empty</Message><BucketName>workerd-bucket</BucketName>');
  const tagging = await send(credentials, 'PUT', path('/workerd-bucket?tagging'), '<Tagging><TagSet/></Tagging>');
  expect(tagging.status).toBe(501);
  expect((await send(credentials, 'DELETE', path('/workerd-bucket/a%20b.txt'))).status).toBe(204);
  expect((await send(credentials, 'DELETE', path('/workerd-bucket'))).status).toBe(204);
  // Four calls changed the account (a new attempt is at version 1).
  expect((await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version).toBe(5);
});
