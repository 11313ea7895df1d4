import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { answerText, pasteAnswer } from './support/code-editor.ts';
import { screenshotPath, useProduct } from './support/e2e-harness.ts';

/**
 * The rule table edits the same text as the editor: a security group rule added in the table appears in the
 * text, a finding lands on the cell it is about, and a wrong network graded shows the exposure matrix (where
 * the answer and the solution differ) with its example paths. Screenshots go to `.reports/screenshots/`.
 */

const TABLE_SCREENSHOT = screenshotPath('rule-table.png');
const TABLE_MOBILE_SCREENSHOT = screenshotPath('rule-table-360.png');
const MATRIX_SCREENSHOT = screenshotPath('visual-exposure-matrix.png');
const MATRIX_MOBILE_SCREENSHOT = screenshotPath('visual-exposure-matrix-360.png');

describe.sequential('the rule table and the exposure matrix', () => {
  const run = useProduct('rule-table');
  let page: Page;
  let baseUrl: string;
  let threeTier: string;

  const text = () => page.getByRole('textbox', { name: /^Your answer/ });
  const view = (name: 'Table' | 'Text') => page.getByRole('group', { name: /^Edit your answer/ }).getByRole('button', { name });

  beforeAll(async () => {
    ({ page, baseUrl } = run);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Email').fill(`rules.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
    await page.goto(`${baseUrl}/labs/vpc-three-tier-security-groups`);
    await page.getByRole('button', { name: /^Start (a new )?attempt$/ }).click();
    await page.waitForURL('**/attempts/*');
    threeTier = page.url();
  }, 60_000);

  it('adds a security group rule in the table and finds it in the text, a finding on the cell it is about', async () => {
    await view('Table').click();
    const table = page.getByRole('table', { name: /^Your answer/ });
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Security group', 'Direction', 'Protocol', 'From port', 'To port', 'Source or destination', 'Description', 'Remove']);
    expect(await table.locator('tbody').textContent()).toContain('No rules yet');

    await page.getByRole('button', { name: 'Add a rule' }).click();
    // The new row's first input has the focus: the keyboard carries on where the rule starts.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Security group, rule 1');
    await page.getByLabel('Security group, rule 1').selectOption({ label: 'web-sg' });
    await page.getByLabel('From port, rule 1').fill('443');
    await page.getByLabel('To port, rule 1').fill('70000');
    await page.getByLabel('Source or destination, rule 1').fill('0.0.0.0/0');
    await page.getByLabel('Description, rule 1').fill('https from customers');
    const finding = table.locator('td:has([aria-label="To port, rule 1"]) .cell-finding');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/65535/);
    await page.getByLabel('To port, rule 1').fill('443');
    await finding.waitFor({ state: 'detached' });

    // Two more rules by keyboard: the app tier from the web tier's group, the database from a subnet's CIDR (the mistake).
    for (const [group, port, source] of [['app-sg', '8080', 'web-sg'], ['db-sg', '5432', '10.0.11.0/24']] as const) {
      await page.getByRole('button', { name: 'Add a rule' }).focus();
      await page.keyboard.press('Enter');
      const n = await table.locator('tbody tr[data-row]').count();
      await page.getByLabel(`Security group, rule ${n}`).selectOption({ label: group });
      await page.getByLabel(`From port, rule ${n}`).fill(port);
      await page.getByLabel(`To port, rule ${n}`).fill(port);
      await page.getByLabel(`Source or destination, rule ${n}`).fill(source);
    }
    expect(await table.locator('tbody tr[data-row]').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.answer-views').screenshot({ path: TABLE_SCREENSHOT });
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('.answer-views').screenshot({ path: TABLE_MOBILE_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });

    await view('Text').click();
    const answer = await answerText(text());
    expect(answer).toContain('- GroupName: web-sg\n    IpPermissions:\n      - IpProtocol: tcp\n        FromPort: 443\n        ToPort: 443\n        IpRanges:\n          - CidrIp: 0.0.0.0/0\n            Description: https from customers\n');
    expect(answer).toContain('UserIdGroupPairs:\n          - GroupName: web-sg\n');
    expect(answer).toContain('CidrIp: 10.0.11.0/24');
  });

  it('keeps the table off while the text does not parse, saying why', async () => {
    const good = await answerText(text());
    await pasteAnswer(text(), `${good}  - GroupName: [broken\n`);
    await view('Table').click();
    const off = page.locator('.rule-table-off');
    await off.waitFor();
    expect(await off.textContent()).toMatch(/the text does not parse \(line \d+\)/);
    await view('Text').click();
    await pasteAnswer(text(), good);
  });

  it('edits listener rules in a short notation, typed key by key, and removes a rule from the keyboard', async () => {
    await page.goto(`${baseUrl}/labs/alb-path-routing`);
    await page.getByRole('button', { name: /^Start (a new )?attempt$/ }).click();
    await page.waitForURL('**/attempts/*');
    await view('Table').click();
    const table = page.getByRole('table', { name: /^Your answer/ });
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Priority', 'Conditions', 'Action', 'Remove']);
    const rows = table.locator('tbody tr[data-row]');
    const before = await rows.count();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const n = before + 1;
    await page.getByLabel(`Conditions, rule ${n}`).fill('');
    // Typed as a learner types: the comma between the two patterns must survive the round trip through the text.
    await page.getByLabel(`Conditions, rule ${n}`).pressSequentially('path-pattern: /api/*, /v2/*');
    await page.getByLabel(`Action, rule ${n}`).fill('forward api-tg');
    expect(await page.getByLabel(`Conditions, rule ${n}`).inputValue()).toBe('path-pattern: /api/*, /v2/*');

    await page.getByRole('button', { name: `Remove rule ${n}` }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await rows.count()).toBe(before);
    // The focus moves to the row that took the removed one's place (here the one before it), never lost to the page.
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `Priority, rule ${before}`);
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel(`Conditions, rule ${n}`).fill('path-pattern: /api/*, /v2/*');
    await page.getByLabel(`Action, rule ${n}`).fill('forward api-tg');
    await view('Text').click();
    expect(await answerText(text())).toContain('Conditions:\n      - Field: path-pattern\n        PathPatternConfig:\n          Values:\n            - /api/*\n            - /v2/*\n    Actions:\n      - Type: forward\n        TargetGroupArn: api-tg\n');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('grades the wrong network and shows the exposure matrix: where the answer and the solution differ, in words', async () => {
    await page.goto(threeTier);
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    await page.getByRole('heading', { name: /^Results of submission #1/ }).waitFor();
    const check = page.locator('[data-check-id="same-network"]');
    const matrix = check.locator('.exposure-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('figcaption').textContent()).toMatch(/^Who reaches whom, instances grouped by the security groups they carry: \d+ paths differ from the solution$/);
    const grid = matrix.getByRole('region', { name: 'Exposure matrix' }).getByRole('table');
    expect(await grid.locator('thead th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^to internet$/), expect.stringMatching(/^to db-sgdb-1/)]));
    // The app tier reaches the database only from one subnet: a difference, said in words.
    const appRow = grid.locator('tbody tr', { has: page.locator('th', { hasText: /^from app-sg/ }) });
    expect(await appRow.locator('.matrix-different').first().textContent()).toMatch(/different on tcp 5432: yours partly \(\d+ of \d+ paths\), the solution's allowed/);
    // Each example is the path as a diagram; a blocked one names the hop and its code.
    expect(await check.locator('.network-path').count()).toBeGreaterThan(0);
    expect(await check.locator('.network-path .hop-blocked').first().textContent()).toMatch(/ENI_SG_RULES_MISMATCH/);
    expect(await seriousViolations(page)).toEqual([]);
    await matrix.screenshot({ path: MATRIX_SCREENSHOT });
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await matrix.screenshot({ path: MATRIX_MOBILE_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
