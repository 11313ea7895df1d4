import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import { utf8Encode } from '../../../../packages/emulator/src/wire/bytes.ts';
import { signRequest } from '../../../../packages/emulator/src/wire/test-signing.ts';
import { createAgent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';

// An attempt's AWS endpoint inside workerd, for the wire tests of each service: requests signed with the
// emulator's own SigV4 code (checked against AWS's example), sent to the Worker as the SDKs send them.

const ORIGIN = 'https://skylab.test';
const fetchWorker = (url: string, init?: RequestInit) => exports.default.fetch(url, init);

/** An answer of the endpoint. */
export interface WireAnswer {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
}

/** A learner's attempt of `labId` in the Worker, and a way to send it signed requests. */
export async function workerAttempt(labId: string) {
  const learner = createAgent(fetchWorker, ORIGIN);
  expect((await learner.post('/api/auth/sign-up', { email: `aws-${crypto.randomUUID()}@example.com`, password: PASSWORD })).status).toBe(201);
  const started = await learner.post(`/api/labs/${labId}/attempts`);
  expect(started.status).toBe(201);
  const attemptId: string = started.body.attempt.id;
  const { credentials } = (await learner.get(`/api/attempts/${attemptId}/aws-credentials`)).body as { credentials: { accessKeyId: string; secretAccessKey: string; endpoint: string; accountId: string } };
  /**
   * Sends a body signed for `service`, with extra signed headers (a JSON protocol's content type and target)
   * and a path after the endpoint (RPC v2 CBOR names the operation there).
   */
  const send = async (service: string, body: string | Uint8Array, headers: Record<string, string> = {}, path = '/'): Promise<WireAnswer> => {
    const request = signRequest(typeof body === 'string' ? utf8Encode(body) : body, credentials, { url: `${credentials.endpoint}${path}`, service, time: Date.now(), headers });
    const response = await fetchWorker(request.url, { method: request.method, headers: request.headers, body: new Blob([request.body as Uint8Array<ArrayBuffer>]) });
    // Read as bytes: workerd warns when `.text()` reads a body whose type (JSON 1.0's) it does not know as text.
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
  };
  const version = async (): Promise<number> => (await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version;
  return { credentials, send, version };
}
