import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { answerText, pasteAnswer } from './support/code-editor.ts';
import { screenshotPath, startServer, stopServer, useProduct, WEB_DIR } from './support/e2e-harness.ts';

/**
 * The learner's whole journey through the real product: the built web UI served by the real Node server
 * on a temporary libSQL file, in Debian's Chromium. Restarting the server on the same file proves the
 * progress lives in the database, not in the process.
 */

const LAB_ID = 'iam-s3-read-only';
const IAM_TRACK = 'Identity and access (IAM)';
const SCREENSHOT = screenshotPath('attempt.png');
const MOBILE_SCREENSHOT = screenshotPath('attempt-360.png');
const PARTIAL_SCREENSHOT = screenshotPath('attempt-partial.png');
const HINT_SCREENSHOT = screenshotPath('attempt-hint.png');
const AWS_SCREENSHOT = screenshotPath('attempt-aws.png');
const AWS_MOBILE_SCREENSHOT = screenshotPath('attempt-aws-360.png');
const LIVE_SCREENSHOT = screenshotPath('attempt-live.png');

const MALFORMED = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    { "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" }', '  ]', '}'].join('\n');
const MALFORMED_LINE = 4;
// Reads every bucket and may write too: over-permissive, so the "denied" checks fail.
const WRONG = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, null, 2);
const WRONG_ACTION_LINE = WRONG.split('\n').findIndex((line) => line.includes('"Action"')) + 1;
const CORRECT = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-app-bucket/*' },
    ],
  },
  null,
  2,
);

describe.sequential('a learner solves the S3 read-only lab', () => {
  const run = useProduct('learner');
  let page: Page;
  let baseUrl: string;
  const email = `ada.${Date.now()}@example.test`;
  const password = 'correct horse battery staple';

  // Any Content-Security-Policy refusal means a broken page (the harness collects them per test).
  const cspViolations = run.cspViolations;
  const editor = () => page.getByRole('textbox', { name: /^Your answer/ });
  const editorText = () => answerText(editor());
  /** The underlines and points CodeMirror draws for findings of `severity` on a 1-based line. */
  const findingMarks = (line: number, severity: 'error' | 'warning' | 'info') => page.locator('.cm-content .cm-line').nth(line - 1).locator(`.cm-lintRange-${severity}, .cm-lintPoint-${severity}`);
  const iamTrackProgress = () => page.locator('[data-track-id="iam"]').getByTestId('track-progress');
  const submit = () => page.getByRole('button', { name: 'Submit for grading' }).click();

  beforeAll(() => {
    ({ page, baseUrl } = run);
  });

  it('builds the UI with nothing inline and no source maps', () => {
    const dist = join(WEB_DIR, 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of assets) expect(readFileSync(join(dist, 'assets', name), 'utf8'), name).not.toContain('sourceMappingURL');
  });

  it('serves the UI under a CSP that refuses inline script, and the console reports it', async () => {
    const response = await page.goto(baseUrl);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.append(script);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.dataset.inlineRan)).toBeUndefined();
    cspViolations.splice(0);
  });

  it('signs up and lands on the catalogue, signed in', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Name').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Ada Learner');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Ada Learner');
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
    await page.getByRole('heading', { level: 2, name: IAM_TRACK }).waitFor();
    const progress = iamTrackProgress();
    expect(await progress.textContent()).toMatch(/^0 of \d+ labs completed in Identity and access \(IAM\)$/);
    expect(await page.getByRole('progressbar', { name: /completed in Identity and access \(IAM\)/ }).getAttribute('value')).toBe('0');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the lab and starts an attempt', async () => {
    await page.locator(`[data-lab-id="${LAB_ID}"] h3 a`).click();
    await page.waitForURL(`**/labs/${LAB_ID}`);
    await page.getByRole('button', { name: 'Start attempt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start attempt' }).click();
    await page.waitForURL('**/attempts/*');
    // The textarea shows first; CodeMirror takes its place once its chunk has loaded.
    await page.locator('.cm-content').waitFor();
    expect(await editorText()).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('indents with Tab in the editor and lets Escape, Tab move on', async () => {
    await editor().fill('');
    await editor().press('Tab');
    expect(await editorText()).toBe('  ');
    await editor().press('Escape');
    await editor().press('Tab');
    expect(await editor().evaluate((element) => element === document.activeElement)).toBe(false);
  });

  it('flags a wildcard action as the learner types, with its line:column, before any submission', async () => {
    const typed = WRONG.replace(/\n\s*/g, ' ');
    await editor().fill('');
    await editor().pressSequentially(typed, { delay: 1 });
    const live = page.getByTestId('live-findings');
    const finding = live.locator('.finding[data-rule="iam/wildcard-service-action"]');
    await finding.waitFor();
    expect(await finding.locator('.finding-location').textContent()).toBe(`1:${typed.indexOf('"s3:*"') + 1}`);
    expect(await finding.locator('.finding-message').textContent()).toContain('s3:*');
    expect(await live.locator('a', { hasText: 'Learn more' }).count()).toBeGreaterThan(0);

    await pasteAnswer(editor(), WRONG);
    await expect.poll(() => finding.locator('.finding-location').textContent()).toBe(`${WRONG_ACTION_LINE}:17`);
    // The wildcard is a suggestion: CodeMirror's `info` severity.
    await findingMarks(WRONG_ACTION_LINE, 'info').first().waitFor();
    expect(await findingMarks(WRONG_ACTION_LINE, 'info').allTextContents()).toContain('"s3:*"');
    expect(await page.locator('.history-item').count()).toBe(0);
    await page.locator('.task').screenshot({ path: LIVE_SCREENSHOT });
  });

  it('shows a malformed policy’s findings with line:column and selects the line', async () => {
    await pasteAnswer(editor(), MALFORMED);
    await submit();

    await page.getByRole('heading', { name: 'Your answer could not be graded' }).waitFor();
    const location = page.getByTestId('submission-findings').locator('.finding-location').first();
    const text = (await location.textContent()) ?? '';
    expect(text).toMatch(/^\d+:\d+$/);
    expect(Number(text.split(':')[0])).toBe(MALFORMED_LINE);
    await findingMarks(MALFORMED_LINE, 'error').first().waitFor();

    await location.click();
    const selection = () => page.evaluate(() => document.getSelection()?.toString());
    await expect.poll(selection).toBe(MALFORMED.split('\n')[MALFORMED_LINE - 1]);
    expect(await editor().evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('grades a wrong policy below 100% with a message per check', async () => {
    await pasteAnswer(editor(), WRONG);
    await submit();

    await page.getByRole('heading', { name: 'Results of submission #1' }).waitFor();
    expect(await page.getByTestId('grade-score').textContent()).not.toBe('100%');
    const failed = page.locator('.check-fail');
    expect(await failed.count()).toBeGreaterThan(0);
    for (const message of await failed.locator('.check-message').allTextContents()) expect(message.trim()).not.toBe('');
    expect(await page.locator('.check').count()).toBeGreaterThan(1);
    // Misconceptions read as the catalogue words them, never as raw tags, with the explanation a click away.
    const misconception = failed.locator('[data-misconception="s3-wildcard-action"]').first();
    await misconception.getByText('An S3 action wildcard matches more than the actions you meant').click();
    await expect.poll(() => misconception.locator('.misconception-explanation').textContent()).toContain('s3:*Object');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: PARTIAL_SCREENSHOT, fullPage: true });
  });

  it('grades the correct policy 100% and lists both submissions', async () => {
    await pasteAnswer(editor(), CORRECT);
    await submit();

    await page.getByRole('heading', { name: 'Results of submission #2' }).waitFor();
    expect(await page.getByTestId('grade-score').textContent()).toBe('100%');
    expect(await page.locator('.check-fail, .check-error').count()).toBe(0);
    expect(await page.locator('.history-item').count()).toBe(2);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The graded attempt at a phone's width: nothing may force sideways scrolling of the page.
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: MOBILE_SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reloads the attempt and says so when another tab submitted first (409)', async () => {
    const other = await run.context.newPage();
    try {
      await other.goto(page.url());
      await other.getByRole('button', { name: 'Submit for grading' }).click();
      await other.getByRole('heading', { name: 'Results of submission #3' }).waitFor();
    } finally {
      await other.close();
    }

    await submit();
    await page.getByText('This attempt changed in another tab or window').waitFor();
    await page.getByRole('heading', { name: 'Results of submission #3' }).waitFor();
    expect(await page.locator('.history-item').count()).toBe(3);
  });

  it('keeps an unsubmitted draft and the result across a reload, and shows the progress in the catalogue', async () => {
    const draft = `${CORRECT}\n`;
    await pasteAnswer(editor(), draft);
    await page.reload();
    await page.getByRole('heading', { name: 'Results of submission #3' }).waitFor();
    await page.locator('.cm-content').waitFor();
    expect(await editorText()).toBe(draft);
    await page.getByText('Unsubmitted changes, saved in this browser.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' }).click();
    const card = page.locator(`[data-lab-id="${LAB_ID}"]`);
    await card.getByTestId('lab-progress').waitFor();
    expect(await card.getByTestId('lab-progress').textContent()).toMatch(/Completed.*Best score: 100%/);
    // The lab is in the IAM track, whose progress moved from none to one completed.
    expect(await iamTrackProgress().textContent()).toMatch(/^1 of \d+ labs completed in Identity and access \(IAM\)$/);
    expect(await page.getByRole('progressbar', { name: /completed in Identity and access \(IAM\)/ }).getAttribute('value')).toBe('1');
  });

  it('still shows the progress after a server restart and a fresh sign-in', async () => {
    await stopServer(run.server);
    run.server = await startServer(run.port, run.databaseUrl);

    await page.reload();
    const progress = page.locator(`[data-lab-id="${LAB_ID}"]`).getByTestId('lab-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/Completed.*Best score: 100%/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('Ada Learner');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/Completed.*Best score: 100%/);
  });

  it('lists the attempt on the lab page from the server, with nothing kept in this browser', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${baseUrl}/labs/${LAB_ID}`);
    const rows = page.getByRole('complementary', { name: 'Attempts' }).getByRole('listitem');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Completed.*3 submissions/);
  });

  it('reveals a paid hint after a confirm step, and the next grade deducts its cost', async () => {
    await page.getByRole('button', { name: 'Start a new attempt' }).click();
    await page.waitForURL('**/attempts/*');
    const hints = page.getByRole('region', { name: 'Hints' });
    await hints.waitFor();
    expect(await hints.locator('[data-hint-index="0"] .hint-text').textContent()).not.toBe('');
    const paid = hints.locator('[data-hint-index="1"]');
    expect(await paid.locator('.hint-text').textContent()).toBe('');

    await paid.getByRole('button', { name: 'Reveal hint (\u22121 point)' }).click();
    await paid.getByRole('button', { name: 'Cancel' }).click();
    await paid.getByRole('button', { name: 'Reveal hint (\u22121 point)' }).click();
    const confirm = paid.getByRole('button', { name: /^Yes, reveal it/ });
    await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
    await confirm.click();
    await expect.poll(() => paid.locator('.hint-text').textContent()).not.toBe('');
    await expect.poll(() => paid.locator('.hint-text').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await paid.locator('.hint-text').getAttribute('aria-live')).toBe('polite');
    expect(await paid.getByRole('button').count()).toBe(0);

    await pasteAnswer(editor(), CORRECT);
    await submit();
    await page.getByRole('heading', { name: 'Results of submission #1' }).waitFor();
    expect(await page.getByTestId('grade-score').textContent()).toBe('92%');
    expect(await page.getByTestId('hint-penalty').textContent()).toBe('\u22121 point for hint 2');
    expect(await page.locator('.check-fail, .check-error').count()).toBe(0);
    await page.screenshot({ path: HINT_SCREENSHOT, fullPage: true });
  });

  it('shows the attempt’s AWS credentials on request, and the real IAM SDK signs in with them', async () => {
    const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const credentialRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/aws-credentials')) credentialRequests.push(request.url());
    });
    await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.reload();
    const section = page.locator('details.aws-access');
    await section.waitFor();
    expect(credentialRequests).toEqual([]);

    await section.locator('summary', { hasText: 'Use the AWS CLI or SDK' }).click();
    const accessKeyId = (await section.getByTestId('aws-access-key-id').textContent()) ?? '';
    expect(accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const endpoint = (await section.getByTestId('aws-endpoint').textContent()) ?? '';
    expect(endpoint).toBe(`${baseUrl}/aws/${attemptId}`);
    const region = (await section.getByTestId('aws-region').textContent()) ?? '';
    const accountId = (await section.getByTestId('aws-account-id').textContent()) ?? '';
    expect(credentialRequests).toHaveLength(1);

    const secret = section.getByTestId('aws-secret-access-key');
    expect(await secret.textContent()).not.toMatch(/[A-Za-z0-9/+]{40}/);
    await section.getByRole('button', { name: 'Show secret' }).click();
    const secretAccessKey = (await secret.textContent()) ?? '';
    expect(secretAccessKey).toHaveLength(40);

    await section.getByRole('button', { name: 'Copy shell commands' }).click();
    await expect.poll(() => section.getByTestId('aws-copy-status').textContent()).toBe('Shell commands copied');
    const pasted = await page.evaluate(() => navigator.clipboard.readText());
    expect(pasted).toContain(`export AWS_ACCESS_KEY_ID='${accessKeyId}'`);
    expect(pasted).toContain(`export AWS_SECRET_ACCESS_KEY='${secretAccessKey}'`);
    expect(pasted).toContain(`export AWS_ENDPOINT_URL='${endpoint}'`);
    expect(pasted).toContain("aws iam get-user --user-name 'app-reader'");
    await section.screenshot({ path: AWS_SCREENSHOT });

    // The real proof: the AWS SDK signs with what the page showed, and the emulated account answers.
    const iam = new IAMClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
    const { User } = await iam.send(new GetUserCommand({ UserName: 'app-reader' }));
    expect(User?.Arn).toBe(`arn:aws:iam::${accountId}:user/app-reader`);
    const forged = new IAMClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey: secretAccessKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, maxAttempts: 1 });
    await expect(forged.send(new GetUserCommand({ UserName: 'app-reader' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await section.screenshot({ path: AWS_MOBILE_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
