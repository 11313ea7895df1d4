import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { answerText, pasteAnswer } from './support/code-editor.ts';
import { screenshotPath, useProduct } from './support/e2e-harness.ts';

/**
 * The CodeMirror answer editor in the real product: a learner types an IAM policy, sees the live finding
 * underlined where it is, accepts completions from the IAM catalogue and reads the hover help.
 */

const LAB_ID = 'iam-s3-read-only';
const SCREENSHOT = screenshotPath('editor.png');
const MOBILE_SCREENSHOT = screenshotPath('editor-360.png');

const WILDCARD = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" }', '  ]', '}'].join('\n');

describe.sequential('the answer editor', () => {
  const run = useProduct('editor');
  let page: Page;
  const editor = () => page.getByRole('textbox', { name: /^Your answer/ });
  const editorText = () => answerText(editor());
  const completions = () => page.locator('.cm-tooltip-autocomplete');
  const option = (label: string) => completions().getByRole('option').filter({ has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) });

  beforeAll(async () => {
    page = run.page;
    await page.goto(`${run.baseUrl}/sign-up`);
    await page.getByLabel('Name').fill('Edi Tor');
    await page.getByLabel('Email').fill(`edi.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${run.baseUrl}/labs/${LAB_ID}`);
    await page.getByRole('button', { name: 'Start attempt' }).click();
    await page.waitForURL('**/attempts/*');
    await page.locator('.cm-content').waitFor();
  }, 60_000);

  it('replaces the textarea with a labelled CodeMirror editor that says how to leave it', async () => {
    expect(await page.locator('textarea.editor-input').count()).toBe(0);
    expect(await editor().getAttribute('aria-describedby')).toContain('-keys');
    expect(await page.locator('.editor-keys').first().textContent()).toContain('then Tab leaves the editor');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('underlines a live finding where it is, with its severity in words and icon, readable by screen readers', async () => {
    await pasteAnswer(editor(), WILDCARD);
    // A service-wide wildcard is a suggestion: a dotted underline and a square icon, besides its colour.
    const underline = page.locator('.cm-line').nth(3).locator('.cm-lintRange-info');
    await underline.waitFor();
    expect(await underline.textContent()).toBe('"s3:*"');
    expect(await page.locator('.cm-lint-marker-info').count()).toBe(1);

    // The lint panel lists every finding as text: what a screen reader reads (Ctrl+Shift+M).
    await editor().press('Control+Shift+M');
    const panel = page.getByRole('listbox', { name: 'Diagnostics' });
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/Suggestion: .*s3:\*/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('completes an action from the catalogue, then the ARN format of its resource', async () => {
    await pasteAnswer(editor(), '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "');
    await editor().pressSequentially('s3:GetObj', { delay: 20 });
    await option('s3:GetObject').waitFor();
    // CodeMirror ignores Enter on a list opened less than 75 ms ago (its interactionDelay), so a fast typist never picks by accident.
    await page.waitForTimeout(100);
    await page.keyboard.press('Enter');
    await expect.poll(editorText).toContain('"Action": "s3:GetObject');

    await editor().pressSequentially('", "Resource": "arn:aws:s3', { delay: 20 });
    const objectArn = completions().getByRole('option').filter({ has: page.locator('.cm-completionDetail', { hasText: 's3 object' }) });
    await objectArn.waitFor();
    await page.waitForTimeout(100);
    await objectArn.click();
    // The ARN format's placeholders become fields: the first is selected, typing replaces it.
    await page.keyboard.type('my-app-bucket');
    await expect.poll(editorText).toContain('"Resource": "arn:aws:s3:::my-app-bucket/ObjectName');
    await page.keyboard.press('Escape');
  });

  it('shows hover help for an action with its AWS documentation link', async () => {
    await pasteAnswer(editor(), ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-app-bucket/*" }', '  ]', '}'].join('\n'));
    await page.locator('.cm-line').nth(3).locator('.tok-string', { hasText: 's3:GetObject' }).hover();
    const help = page.locator('.code-editor-hover');
    await help.waitFor();
    expect(await help.textContent()).toContain('Access level: Read');
    expect(await help.getByRole('link', { name: 'AWS documentation' }).getAttribute('href')).toBe(
      'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-actions-as-permissions',
    );
    await page.locator('.task').first().screenshot({ path: SCREENSHOT });
  });

  it('stays readable at 360 px without sideways scrolling of the page', async () => {
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 360, height: 780 });
    await pasteAnswer(editor(), WILDCARD);
    await page.locator('.cm-lintRange-info').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.task').first().screenshot({ path: MOBILE_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
