import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { pasteAnswer } from './support/code-editor.ts';
import { ensureBuilt, freePort, launchBrowser, REPO_ROOT, startServer, stopServer, type RunningServer } from './support/e2e-harness.ts';

/**
 * A course through the real product, two browsers on the real Node server: an instructor creates a course,
 * enrols a learner and assigns a lab; the learner sees it due, starts it from the assignment and solves it;
 * the instructor's gradebook shows the score. A lab previewed in the browser is published to the course,
 * assigned there, and reaches the learner.
 */

const LAB_ID = 'iam-s3-read-only';
const SCREENSHOT = '/tmp/skylab-gradebook.png';
const CORRECT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-app-bucket/*' },
  ],
});

describe.sequential('an instructor assigns a lab and grades it', () => {
  let workDir: string;
  let server: RunningServer | undefined;
  const browsers: BrowserContext[] = [];
  let baseUrl: string;
  let teacher: Page;
  let learner: Page;
  const run = Date.now();
  const teacherEmail = `grace.${run}@example.test`;
  const learnerEmail = `ada.${run}@example.test`;
  const password = 'correct horse battery staple';
  const cspViolations: string[] = [];

  async function signUp(page: Page, name: string, email: string) {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(name);
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'skylab-e2e-course-'));
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    await ensureBuilt();
    // The instructor is the deployment's admin: admins may do everything an instructor may.
    server = await startServer(port, `file:${join(workDir, 'skylab.db')}`, { SKYLAB_ADMIN_EMAILS: teacherEmail });
    // Two browsers, each with its own profile: two people, two sessions.
    const page = async (name: string) => {
      const context = await launchBrowser(join(workDir, name), cspViolations);
      browsers.push(context);
      const opened = context.pages()[0] ?? (await context.newPage());
      opened.setDefaultTimeout(15_000);
      return opened;
    };
    teacher = await page('teacher');
    learner = await page('learner');
  }, 120_000);

  afterAll(async () => {
    expect(cspViolations).toEqual([]);
    await Promise.all(browsers.map((context) => context.close().catch(() => undefined)));
    await stopServer(server);
    await rm(workDir, { recursive: true, force: true });
  }, 30_000);

  it('signs both up; the learner has nothing due', async () => {
    await signUp(learner, 'Ada Learner', learnerEmail);
    await signUp(teacher, 'Grace Teacher', teacherEmail);
    await learner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await learner.getByText('Nothing is assigned to you.').waitFor();
  });

  it('creates a course, enrols the learner by email and assigns the lab with a due date', async () => {
    await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await teacher.getByLabel('Course title').fill('Cloud security 101');
    await teacher.getByRole('button', { name: 'Create course' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Cloud security 101' }).waitFor();
    await teacher.getByLabel('Email').fill(learnerEmail);
    await teacher.getByRole('button', { name: 'Enrol' }).click();
    await teacher.getByRole('list', { name: 'Members' }).getByText(learnerEmail).waitFor();
    await teacher.getByLabel('Lab', { exact: true }).selectOption(LAB_ID);
    const due = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await teacher.getByLabel('Due').fill(local);
    await teacher.getByRole('button', { name: 'Assign' }).click();
    await teacher.getByRole('list', { name: 'Assignments' }).locator('strong', { hasText: 'Read-only access to one S3 bucket' }).waitFor();
  });

  it('shows the learner the lab due; the learner starts it from the assignment and solves it', async () => {
    await learner.reload();
    const row = learner.getByRole('list', { name: 'Assignments' }).getByRole('listitem').filter({ hasText: 'Cloud security 101' });
    await row.getByText(/^due /).waitFor();
    expect(await seriousViolations(learner)).toEqual([]);
    await row.getByRole('button', { name: /^Start/ }).click();
    await learner.waitForURL('**/attempts/*');
    const editor = learner.getByRole('textbox', { name: /^Your answer/ });
    await pasteAnswer(editor, CORRECT);
    await learner.getByRole('button', { name: 'Submit for grading' }).click();
    await learner.getByRole('heading', { name: 'Results of submission #1' }).waitFor();
    expect(await learner.getByTestId('grade-score').textContent()).toBe('100%');
    await learner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    expect(await learner.getByTestId('assignment-score').textContent()).toBe('best 100%');
  });

  it("shows the score in the instructor's gradebook, and the learner's history behind it", async () => {
    await teacher.reload();
    const cell = teacher.getByTestId('gradebook-cell');
    await expect.poll(() => cell.textContent()).toContain('100%');
    expect(await cell.textContent()).toContain('completed');
    await teacher.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await seriousViolations(teacher)).toEqual([]);
    await teacher.getByTestId('gradebook').getByRole('link', { name: 'Ada Learner' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Ada Learner' }).waitFor();
    await teacher.getByText(/#1 · 100%/).waitFor();
    expect(await seriousViolations(teacher)).toEqual([]);
  });

  it('previews a lab text: findings at line and column, nothing stored', async () => {
    await teacher.goto(`${baseUrl}/lab-preview`);
    await teacher.getByLabel('Lab YAML').fill('id: draft\ntitle: [unclosed\n');
    await teacher.getByRole('button', { name: 'Preview' }).click();
    await teacher.getByText('The lab has problems.').waitFor();
    expect(await teacher.locator('.finding').count()).toBeGreaterThan(0);
    expect(await seriousViolations(teacher)).toEqual([]);
  });

  it('publishes a previewed lab to the course, assigns it there, and the learner sees and starts it', async () => {
    const text = readFileSync(join(REPO_ROOT, 'labs', LAB_ID, 'lab.yaml'), 'utf8')
      .replace(`id: ${LAB_ID}`, 'id: course-made-reader')
      .replace('title: Read-only access to one S3 bucket', 'title: Reading one bucket, the course way');
    await teacher.goto(`${baseUrl}/lab-preview`);
    await teacher.getByLabel('Lab YAML').fill(text);
    await teacher.getByRole('button', { name: 'Preview' }).click();
    await teacher.getByText('The lab loads and passes its self-test.').waitFor({ timeout: 60_000 });
    await teacher.getByLabel('Course', { exact: true }).selectOption({ label: 'Cloud security 101' });
    await teacher.getByRole('button', { name: 'Publish to course' }).click();
    const published = teacher.getByRole('status').filter({ hasText: 'Published course-made-reader' });
    await published.waitFor({ timeout: 60_000 });
    expect(await seriousViolations(teacher)).toEqual([]);
    await published.getByRole('link', { name: 'Cloud security 101' }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Cloud security 101' }).waitFor();
    await teacher.getByLabel('Lab', { exact: true }).selectOption('course-made-reader');
    await teacher.getByRole('button', { name: 'Assign' }).click();
    await teacher.getByRole('list', { name: 'Assignments' }).locator('strong', { hasText: 'Reading one bucket, the course way' }).waitFor();

    await learner.reload();
    const row = learner.getByRole('list', { name: 'Assignments' }).getByRole('listitem').filter({ hasText: 'Reading one bucket, the course way' });
    await row.getByRole('button', { name: /^Start/ }).click();
    await learner.waitForURL('**/attempts/*');
    await learner.getByRole('heading', { level: 1, name: 'Reading one bucket, the course way' }).waitFor();
  });

  it('makes an API token shown once, with which a system reads the gradebook', async () => {
    await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await teacher.getByRole('list', { name: 'Your courses' }).getByRole('link', { name: 'Cloud security 101' }).click();
    const courseId = decodeURIComponent(new URL(teacher.url()).pathname.split('/')[2] ?? '');
    await teacher.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await teacher.getByLabel('Token name').fill('lms');
    await teacher.getByRole('button', { name: 'Create token' }).click();
    const token = (await teacher.getByTestId('token-plaintext').textContent()) ?? '';
    expect(token).toMatch(/^skylab_/);
    await teacher.getByRole('list', { name: 'API tokens' }).locator('strong', { hasText: 'lms' }).waitFor();
    const res = await fetch(`${baseUrl}/api/courses/${courseId}/gradebook`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rows: { cells: { bestScore: number }[] }[] }).rows[0]?.cells[0]?.bestScore).toBe(1);
  });
});
