import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RIGHT_POLICY } from '../../api/test/scenarios/labs.ts';
import { ROLE, type LaunchOptions } from '../../api/test/support/lti-platform-core.ts';
import { startSimulatedPlatform, type SimulatedPlatform } from '../../api/test/support/lti-platform.ts';
import { seriousViolations } from './support/axe.ts';
import { pasteAnswer } from './support/code-editor.ts';
import { ensureBuilt, freePort, launchBrowser, screenshotPath, startServer, stopServer, type RunningServer } from './support/e2e-harness.ts';

/**
 * The LMS path through the real product, in Debian's Chromium: an admin registers a simulated LMS on the
 * settings page, an instructor adds a lab through deep linking, a learner launches it from the LMS, solves
 * it, and the LMS receives the score.
 */
const LAB_ID = 'iam-s3-read-only';
const ADMIN = 'admin@example.test';
const CLIENT_ID = 'skylab-e2e';
const DEPLOYMENT = 'deployment-e2e';
const COURSE = { id: 'lms-course-42', title: 'Cloud foundations' };

describe.sequential('an LMS launches Skylab and receives the score', () => {
  let workDir: string;
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let platform: SimulatedPlatform | undefined;
  let baseUrl: string;
  const cspViolations: string[] = [];

  /** A browser of its own (its own cookies) for each person. */
  async function newPage(who: string): Promise<Page> {
    context = await launchBrowser(join(workDir, who), cspViolations);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** The LMS opens the tool's login URL; the browser follows the OIDC redirects and auto-posts. */
  async function launchFrom(page: Page, options: LaunchOptions): Promise<void> {
    platform!.nextLaunch(options);
    await page.goto(`${baseUrl}/api/lti/login?${new URLSearchParams({ iss: platform!.url, login_hint: options.sub, target_link_uri: options.targetLinkUri, client_id: CLIENT_ID })}`);
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'skylab-lms-e2e-'));
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    await ensureBuilt();
    server = await startServer(port, `file:${join(workDir, 'skylab.db')}`, { SKYLAB_ADMIN_EMAILS: ADMIN });
    platform = await startSimulatedPlatform({ clientId: CLIENT_ID, deploymentId: DEPLOYMENT, toolJwksUrl: () => `${baseUrl}/api/lti/jwks`, now: () => Date.now() });
  }, 120_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(cspViolations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await platform?.close();
    await stopServer(server);
    await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it('lets an admin register the LMS on the settings page', async () => {
    const page = await newPage('admin');
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Email').fill(ADMIN);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'LMS' }).click();
    const panel = page.getByRole('region', { name: 'LTI 1.3 platforms' });
    await panel.getByText(`${baseUrl}/api/lti/jwks`).waitFor();
    await panel.getByLabel('Issuer').fill(platform!.url);
    await panel.getByLabel('Client id').fill(CLIENT_ID);
    await panel.getByLabel('Authentication request URL').fill(`${platform!.url}/auth`);
    await panel.getByLabel('Access token URL').fill(`${platform!.url}/token`);
    await panel.getByLabel('Public keyset URL').fill(`${platform!.url}/jwks`);
    await panel.getByLabel('Deployment ids').fill(DEPLOYMENT);
    await panel.getByRole('button', { name: 'Register' }).click();
    await panel.getByRole('cell', { name: platform!.url, exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('lms-settings.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets an instructor add the lab to the LMS course through deep linking', async () => {
    const page = await newPage('instructor');
    await launchFrom(page, {
      sub: 'teacher-1',
      name: 'Grace Teacher',
      roles: [ROLE.instructor],
      messageType: 'LtiDeepLinkingRequest',
      targetLinkUri: `${baseUrl}/api/lti/launch`,
      context: COURSE,
      deepLinkReturnUrl: `${platform!.url}/deep-link-return`,
    });
    await page.getByRole('heading', { name: 'Add Skylab labs and exams' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: /S3/ }).first().check();
    await page.getByRole('button', { name: 'Add to the course' }).click();
    await page.getByText('items added').waitFor();
    const [item] = platform!.deepLinkResponses.at(-1)!['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as { custom: Record<string, string>; url: string }[];
    expect(item?.custom.skylab_lab).toBe(LAB_ID);
  });

  it('signs a learner in from the LMS, and the LMS receives the score of their solution', async () => {
    const page = await newPage('learner');
    await launchFrom(page, {
      sub: 'learner-1',
      name: 'Ada Learner',
      roles: [ROLE.learner],
      targetLinkUri: `${baseUrl}/labs/${LAB_ID}`,
      resourceLinkId: 'resource-link-1',
      context: COURSE,
      custom: { skylab_lab: LAB_ID },
      lineItemUrl: `${platform!.url}/lineitems/9`,
    });
    await page.waitForURL('**/attempts/*');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Ada Learner');
    await pasteAnswer(page.getByRole('textbox', { name: /^Your answer/ }), RIGHT_POLICY);
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    await page.getByRole('heading', { name: 'Results of submission #1' }).waitFor();
    await expect.poll(() => platform!.scores.length, { timeout: 15_000 }).toBe(1);
    expect(platform!.scores[0]).toMatchObject({ lineItem: '9', body: { userId: 'learner-1', scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' } });
  });
});
