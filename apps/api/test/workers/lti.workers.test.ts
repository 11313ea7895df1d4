import { createDb, insertLtiPlatform } from '@skylab/db';
import { labSources } from 'virtual:skylab-lab-sources';
import { beforeAll, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { defaultConfig } from '../../src/config.ts';
import type { AppDeps, Log } from '../../src/deps.ts';
import { createInProcessGrader } from '../../src/grader.ts';
import { createUlids } from '../../src/ids.ts';
import { loadExamSources } from '../../src/exam-registry.ts';
import { loadLabSources } from '../../src/lab-registry.ts';
import { createWebPasswords } from '../../src/passwords-web.ts';
import { createSecretBox } from '../../src/secret-box.ts';
import { examFixtureSources, FIXTURE_EXAMS } from '../fixtures/exams.ts';
import { createPlatformCore, type LaunchOptions, type PlatformCore } from '../support/lti-platform-core.ts';

// Launch verification inside workerd (WebCrypto's RSA, jose's web build) against sqld: the platform's
// signing half runs here too, its JWKS served through the app's injected fetch, as workerd cannot open
// the Node simulator's server socket.
const ORIGIN = 'https://skylab.test';
const run = crypto.randomUUID();
const ISSUER = `https://lms-${run}.test`;
const CLIENT_ID = 'skylab-workerd';
const DEPLOYMENT = 'deployment-w';

let core: PlatformCore;
let app: ReturnType<typeof createApp>;

const quiet: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  core = await createPlatformCore({ issuer: ISSUER, clientId: CLIENT_ID, deploymentId: DEPLOYMENT, now: () => Math.floor(Date.now() / 1000) });
  const labs = loadLabSources(labSources).registry;
  const clock = { now: () => Date.now() };
  const platformFetch: typeof fetch = async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === `${ISSUER}/jwks`) return Response.json(await core.jwks());
    return new Response('not found', { status: 404 });
  };
  const deps: AppDeps = {
    db: createDb(inject('databaseUrl')),
    labs,
    clock,
    ids: createUlids(clock),
    log: quiet,
    config: defaultConfig(),
    passwords: createWebPasswords(),
    secrets: createSecretBox(new Uint8Array(32).fill(9)),
    grading: createInProcessGrader(labs),
    socketAddress: () => '192.0.2.1',
    fetch: platformFetch,
    exams: loadExamSources(examFixtureSources(Date.now()), labs).registry,
  };
  await insertLtiPlatform(deps.db, {
    id: `platform-${run}`,
    issuer: ISSUER,
    clientId: CLIENT_ID,
    authLoginUrl: `${ISSUER}/auth`,
    accessTokenUrl: `${ISSUER}/token`,
    jwksUrl: `${ISSUER}/jwks`,
    deploymentIds: [DEPLOYMENT],
    createdAt: Date.now(),
  });
  app = createApp(deps);
});

let subjects = 0;
const launchOptions = (tamper?: LaunchOptions['tamper']): LaunchOptions => ({
  sub: `w-${run}-${++subjects}`,
  targetLinkUri: `${ORIGIN}/labs/iam-s3-read-only`,
  resourceLinkId: 'link-w',
  custom: { skylab_lab: 'iam-s3-read-only' },
  ...(tamper ? { tamper } : {}),
});

/** The login initiation, then the id token the platform would auto-post for it. */
async function launchForm(options: LaunchOptions): Promise<URLSearchParams> {
  const login = await app.request(`${ORIGIN}/api/lti/login?${new URLSearchParams({ iss: ISSUER, login_hint: options.sub, target_link_uri: options.targetLinkUri })}`);
  expect(login.status).toBe(302);
  const redirect = new URL(login.headers.get('location')!);
  expect(redirect.origin + redirect.pathname).toBe(`${ISSUER}/auth`);
  return new URLSearchParams({ id_token: await core.idToken(options, redirect.searchParams.get('nonce')!), state: redirect.searchParams.get('state')! });
}

const post = (form: URLSearchParams) => app.request(`${ORIGIN}/api/lti/launch`, { method: 'POST', body: form, headers: { origin: ISSUER } });

it('verifies a launch in workerd, signs the learner in and refuses its replay', async () => {
  const form = await launchForm(launchOptions());
  const launched = await post(form);
  expect(launched.status).toBe(303);
  expect(launched.headers.get('location')).toMatch(/^\/attempts\/[0-9A-Z]{26}$/);
  expect(launched.headers.getSetCookie().some((cookie) => cookie.startsWith('__Host-skylab_session='))).toBe(true);
  const replay = await post(form);
  expect([replay.status, ((await replay.json()) as { error: { code: string } }).error.code]).toEqual([401, 'lti_state_used']);
});

it('takes a learner launching an exam to the exam’s page in workerd, signed in', async () => {
  const exam = FIXTURE_EXAMS.afterSubmit;
  const launched = await post(await launchForm({ ...launchOptions(), targetLinkUri: `${ORIGIN}/exams/${exam}`, resourceLinkId: 'exam-link-w', custom: { skylab_exam: exam } }));
  expect(launched.status).toBe(303);
  expect(launched.headers.get('location')).toBe(`/exams/${exam}`);
  expect(launched.headers.getSetCookie().some((cookie) => cookie.startsWith('__Host-skylab_session='))).toBe(true);
});

it.each([
  [{ signWithRogueKey: true }, 401, 'lti_invalid_signature'],
  [{ audience: 'another-tool' }, 401, 'lti_wrong_audience'],
  [{ expiresIn: -600 }, 401, 'lti_token_expired'],
  [{ deploymentId: 'deployment-x' }, 403, 'lti_unknown_deployment'],
])('refuses a launch tampered with %o in workerd', async (tamper, status, code) => {
  const res = await post(await launchForm(launchOptions(tamper)));
  expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([status, code]);
});
