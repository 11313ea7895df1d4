import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { pasteAnswer } from './support/code-editor.ts';
import { screenshotPath, useProduct } from './support/e2e-harness.ts';

/**
 * A learner takes a small exam end to end in Chromium against the real Node server: every item kind, a hands-on
 * item in the lab editor, autosave that survives a reload, a flagged item, submit, and the result page with
 * its per-domain bands. The exam is a fixture folder handed to the server through `EXAMS_DIR`.
 */

const EXAM_ID = 'e2e-practice';
const SCREENSHOT = screenshotPath('exam.png');
const RESULT_SCREENSHOT = screenshotPath('exam-result.png');
const CORRECT_POLICY = JSON.stringify(
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

const EXAM = `apiVersion: skylab.dev/v1
id: ${EXAM_ID}
title: E2E practice exam
description: Five items, one of each kind.
settings:
  timeLimitMinutes: 20
  attemptsAllowed: 2
  feedbackRelease: after-submit
passPercent: 70
domains:
  - { id: security, title: Security }
  - { id: networking, title: Networking }
sections:
  - id: main
    title: Questions
    pools:
      - id: questions
        draw: 4
        items:
          - kind: single-choice
            id: q-single
            domain: security
            stem: Which policy type can grant access to an S3 bucket from another account?
            learnMore: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
            options:
              - { id: bucket-policy, text: A bucket policy, correct: true, rationale: resource-based policies name principals }
              - { id: scp, text: A service control policy, rationale: SCPs only limit }
          - kind: multiple-choice
            id: q-multi
            domain: security
            stem: Which two of these are IAM identities?
            learnMore: https://docs.aws.amazon.com/IAM/latest/UserGuide/id.html
            options:
              - { id: user, text: An IAM user, correct: true, rationale: a user is an identity }
              - { id: role, text: An IAM role, correct: true, rationale: a role is an identity }
              - { id: bucket, text: An S3 bucket, rationale: a bucket is a resource }
          - kind: ordering
            id: q-order
            domain: networking
            stem: Order the filters a packet from the internet meets on its way to an instance.
            learnMore: https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
            steps:
              - { id: igw, text: The internet gateway, rationale: first the gateway }
              - { id: nacl, text: The network ACL, rationale: then the subnet }
              - { id: sg, text: The security group, rationale: last the interface }
          - kind: matching
            id: q-match
            domain: networking
            stem: Match each filter with what it is attached to.
            learnMore: https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html
            prompts:
              - { id: sg, text: Security group, match: eni, rationale: groups attach to interfaces }
              - { id: nacl, text: Network ACL, match: subnet, rationale: ACLs attach to subnets }
            targets:
              - { id: eni, text: A network interface }
              - { id: subnet, text: A subnet }
      - id: hands-on
        draw: 1
        items:
          - kind: hands-on
            id: h-reader
            domain: security
            lab: iam-s3-read-only
            task: reader-policy
`;

const ORDER = ['The internet gateway', 'The network ACL', 'The security group'];

describe.sequential('a learner takes an exam', () => {
  const run = useProduct('exam', async (workDir) => {
    const examsDir = join(workDir, 'exams');
    await mkdir(join(examsDir, EXAM_ID), { recursive: true });
    await writeFile(join(examsDir, EXAM_ID, 'exam.yaml'), EXAM);
    return { EXAMS_DIR: examsDir };
  });
  let page: Page;
  let baseUrl: string;
  const current = () => page.locator('section.exam-item');
  const saved = () => expect.poll(() => page.getByTestId('save-status').textContent()).toBe('Saved');

  beforeAll(() => {
    ({ page, baseUrl } = run);
  });

  it('signs up and starts the exam from the exams page', async () => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Email').fill(`grace.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Exams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exams' }).waitFor();
    await page.locator(`[data-exam-id="${EXAM_ID}"]`).getByRole('button', { name: /Start the exam/ }).click();
    await page.waitForURL('**/exam-sessions/*');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByTestId('exam-timer').textContent()).toMatch(/^(20:00|19:5\d)$/);
    expect(await page.getByTestId('exam-progress').textContent()).toBe('0 of 5 answered');
  });

  it('answers every item kind, by mouse and by keyboard, each saved as it is given', async () => {
    for (let number = 1; number <= 5; number++) {
      await page.getByRole('navigation', { name: 'Exam items' }).getByRole('button', { name: new RegExp(`^Item ${number},`) }).click();
      const itemId = await current().getAttribute('data-item-id');
      if (itemId === 'q-single') {
        await current().getByLabel('A bucket policy').focus();
        await page.keyboard.press('Space');
      } else if (itemId === 'q-multi') {
        await current().getByLabel('An IAM user').check();
        await saved();
        await current().getByLabel('An IAM role').check();
      } else if (itemId === 'q-order') {
        for (const [target, text] of ORDER.entries()) {
          for (;;) {
            const shown = await current().locator('.exam-step > span:first-child').allTextContents();
            if (shown.indexOf(text) <= target) break;
            await current().getByRole('button', { name: `Move "${text}" up` }).click();
            await saved();
          }
        }
      } else if (itemId === 'q-match') {
        await current().getByLabel('Security group').selectOption({ label: 'A network interface' });
        await saved();
        await current().getByLabel('Network ACL').selectOption({ label: 'A subnet' });
      } else {
        expect(itemId).toBe('h-reader');
        await pasteAnswer(current().getByRole('textbox', { name: /^Your answer/ }), CORRECT_POLICY);
      }
      await saved();
    }
    expect(await page.getByTestId('exam-progress').textContent()).toBe('5 of 5 answered');
  });

  it('shows a save that failed offline, and saves it on retry', async () => {
    for (let number = 1; (await current().getAttribute('data-item-id')) !== 'h-reader'; number++) {
      await page.getByRole('navigation', { name: 'Exam items' }).getByRole('button', { name: new RegExp(`^Item ${number},`) }).click();
    }
    const label = (await page.locator('.exam-nav-item[aria-current]').getAttribute('aria-label'))!.split(',')[0]!;
    await run.context.setOffline(true);
    // Still the right policy: the trailing newline changes the text, not the grade.
    await pasteAnswer(current().getByRole('textbox', { name: /^Your answer/ }), `${CORRECT_POLICY}\n`);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Not saved: could not reach the server/);
    expect(await page.getByRole('button', { name: new RegExp(`^${label},`) }).getAttribute('aria-label')).toContain('not saved');
    await run.context.setOffline(false);
    await page.getByRole('button', { name: 'Retry' }).click();
    await saved();
  });

  it('flags an item in the navigator and keeps every answer across a reload', async () => {
    await page.getByRole('navigation', { name: 'Exam items' }).getByRole('button', { name: /^Item 2,/ }).click();
    await page.getByRole('button', { name: 'Flag for review' }).click();
    expect(await page.getByRole('button', { name: /^Item 2,/ }).getAttribute('aria-label')).toContain('flagged for review');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.getByTestId('exam-timer').waitFor();
    expect(await page.getByTestId('exam-progress').textContent()).toBe('5 of 5 answered');
  });

  it('submits and sees the result, passed, with a band per domain', async () => {
    await page.getByRole('button', { name: 'Finish and submit…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Submit exam' }).click();
    await page.waitForURL('**/exam-sessions/*/result');
    await page.getByTestId('exam-score').waitFor();
    expect(await page.getByTestId('exam-score').textContent()).toMatch(/^Passed · 100%/);
    expect(await page.getByTestId('domain-band').allTextContents()).toEqual([expect.stringMatching(/^Meets/), expect.stringMatching(/^Meets/)]);
    await page.getByText('Correct: resource-based policies name principals').waitFor();
    await page.screenshot({ path: RESULT_SCREENSHOT, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
