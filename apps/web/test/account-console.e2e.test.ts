import { CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { screenshotPath, useProduct } from './support/e2e-harness.ts';

/**
 * The account console in the real product: a change made over the wire with the real IAM SDK shows up on
 * the page by itself (it polls), the VPC diagram opens its rules by keyboard, and it reads at 360 px.
 */

const SCREENSHOT = screenshotPath('account-console-vpc.png');
const MOBILE_SCREENSHOT = screenshotPath('account-console-vpc-360.png');

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint: string;
}

/** A lab attempt started from the page's own session, as the lab page's Start button does. */
async function startAttempt(page: Page, labId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const response = await fetch(`/api/labs/${id}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return ((await response.json()) as { attempt: { id: string } }).attempt.id;
  }, labId);
}

describe('the account console', () => {
  const run = useProduct('account-console');
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    ({ page, baseUrl } = run);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Email').fill(`ada.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
  });

  it('shows a user created with the IAM SDK without a reload, with its inline policy', async () => {
    const attemptId = await startAttempt(page, 'iam-s3-read-only');
    await page.goto(`${baseUrl}/attempts/${attemptId}`);
    await page.getByRole('link', { name: 'AWS account console' }).click();
    await page.getByRole('heading', { level: 1, name: 'AWS account' }).waitFor();
    await page.getByRole('tab', { name: /^IAM/ }).click();
    await page.getByTestId('iam-user-app-reader').waitFor();

    const credentials = await page.evaluate(async (id) => ((await (await fetch(`/api/attempts/${id}/aws-credentials`)).json()) as { credentials: Credentials }).credentials, attemptId);
    const iam = new IAMClient({ endpoint: credentials.endpoint, region: credentials.region, credentials: credentials, maxAttempts: 1 });
    await iam.send(new CreateUserCommand({ UserName: 'console-bot' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'console-bot', PolicyName: 'read-logs', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: '*' }] }) }));

    // No click: the page asks again every few seconds while it is visible.
    const user = page.getByTestId('iam-user-console-bot');
    await user.waitFor({ timeout: 15_000 });
    await user.locator('summary').click();
    await expect.poll(() => user.getByRole('group', { name: 'Inline policy read-logs of user console-bot' }).textContent()).toContain('"Action": "logs:GetLogEvents"');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('grades a task done with the AWS CLI from what the SDK left in the account', async () => {
    const attemptId = await startAttempt(page, 'iam-cli-publish-releases');
    await page.goto(`${baseUrl}/attempts/${attemptId}`);
    const source = page.getByTestId('live-account-source');
    expect(await source.textContent()).toContain('the inline policy publish-releases of the IAM user ci-publisher');
    expect(await page.locator('.task textarea, .task [contenteditable]').count()).toBe(0);

    const attempt = await page.evaluate(async (id) => ((await (await fetch(`/api/attempts/${id}`)).json()) as { attempt: { params: { team: string } } }).attempt, attemptId);
    const bucket = `arn:aws:s3:::${attempt.params.team}-artifacts`;
    const credentials = await page.evaluate(async (id) => ((await (await fetch(`/api/attempts/${id}/aws-credentials`)).json()) as { credentials: Credentials }).credentials, attemptId);
    const iam = new IAMClient({ endpoint: credentials.endpoint, region: credentials.region, credentials: credentials, maxAttempts: 1 });
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket }, { Effect: 'Allow', Action: 's3:PutObject', Resource: `${bucket}/releases/*` }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'ci-publisher', PolicyName: 'publish-releases', PolicyDocument: JSON.stringify(document) }));

    // The SDK's call moved the attempt's version after the page loaded: the page submits at the current one.
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    await expect.poll(() => page.getByTestId('grade-score').textContent(), { timeout: 20_000 }).toBe('100%');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('draws the VPC by Availability Zone and opens a security group’s rules from the keyboard', async () => {
    const attemptId = await startAttempt(page, 'vpc-public-private-subnets-nat');
    await page.goto(`${baseUrl}/attempts/${attemptId}/account`);
    const iamTab = page.getByRole('tab', { name: /^IAM/ });
    await iamTab.waitFor();
    await iamTab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: /^VPC/ }).getAttribute('aria-selected')).toBe('true');

    const zones = page.getByRole('region', { name: /^Availability Zone / });
    expect(await zones.evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')))).toEqual(['Availability Zone us-east-1a', 'Availability Zone us-east-1b']);
    // The lab's task is the routes: until the learner adds `0.0.0.0/0 → main-igw`, no subnet is public yet.
    expect(await page.getByTestId('subnet-public-a').getByTestId('subnet-reach').textContent()).toBe('private');
    expect(await page.getByTestId('subnet-public-a').getByRole('listitem').first().textContent()).toContain('web-a');

    const web = page.getByTestId('subnet-public-a').getByRole('button', { name: 'SG web-sg' });
    await web.focus();
    await page.keyboard.press('Enter');
    expect(await web.getAttribute('aria-pressed')).toBe('true');
    const inbound = page.getByRole('region', { name: 'Inbound rules of web-sg' });
    expect(await inbound.textContent()).toContain('0.0.0.0/0');
    expect(await inbound.textContent()).toContain('443');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: MOBILE_SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
