import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { pasteAnswer } from './support/code-editor.ts';
import { screenshotPath, useProduct } from './support/e2e-harness.ts';

/**
 * The grade report draws what the engines decided: a listener's rule walk as a table, a network path as a
 * diagram with the blocking hop marked. Screenshots of each are kept in `.reports/screenshots/`.
 */

const RULE_WALK_SCREENSHOT = screenshotPath('visual-rule-walk.png');
const PATH_SCREENSHOT = screenshotPath('visual-network-path.png');
const PATH_MOBILE_SCREENSHOT = screenshotPath('visual-network-path-360.png');
const IAM_SCREENSHOT = screenshotPath('visual-iam-decision.png');
const ASG_SCREENSHOT = screenshotPath('visual-asg-timeline.png');

// A group with no scaling policy: it stays at two instances through the day's peak.
const NO_POLICY = `AutoScalingGroup:
  LaunchTemplate: { LaunchTemplateName: web, Version: $Default }
  MinSize: 2
  MaxSize: 10
  DesiredCapacity: 2
  VPCZoneIdentifier: app-a,app-b
  TargetGroupARNs: [web-tg]
  HealthCheckType: ELB
  HealthCheckGracePeriod: 300
`;

// Every S3 action on every resource: the put and delete probes are allowed by this one statement.
const S3_STAR = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, null, 2);

// A catch-all `/*` rule with the lowest priority number takes every request, the API's included.
const CATCH_ALL_FIRST = `Rules:
  - Priority: 1
    Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: ["/*"] } }]
    Actions: [{ Type: forward, TargetGroupArn: web-tg }]
  - Priority: default
    Conditions: []
    Actions: [{ Type: forward, TargetGroupArn: web-tg }]
`;

// The web tier takes HTTPS, but nothing admits it to the app tier.
const APP_TIER_CLOSED = `SecurityGroups:
  - GroupName: web-sg
    IpPermissions:
      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }
  - GroupName: app-sg
    IpPermissions: []
  - GroupName: db-sg
    IpPermissions: []
`;

describe.sequential('visual explanations in the grade report', () => {
  const run = useProduct('visual');
  let page: Page;
  let baseUrl: string;

  async function gradeInBrowser(labId: string, answer: string): Promise<void> {
    await page.goto(`${baseUrl}/labs/${labId}`);
    await page.getByRole('button', { name: /^Start (a new )?attempt$/ }).click();
    await page.waitForURL('**/attempts/*');
    await pasteAnswer(page.getByRole('textbox', { name: /^Your answer/ }), answer);
    await page.getByRole('button', { name: 'Submit for grading' }).click();
    await page.getByRole('heading', { name: /^Results of submission #1/ }).waitFor();
  }

  beforeAll(async () => {
    ({ page, baseUrl } = run);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Email').fill(`visual.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labs' }).waitFor();
  }, 60_000);

  it('shows a failed alb-route check as the rule walk: the catch-all rule matched, the rest never evaluated', async () => {
    await gradeInBrowser('alb-path-routing', CATCH_ALL_FIRST);
    const check = page.locator('[data-check-id="api-to-api-tg"]');
    const table = check.getByRole('region', { name: 'Rule walk' }).getByRole('table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Rule', 'Conditions', 'Result', 'Action']);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/^rule 1.*path-pattern.*matched.*forward to web-tg$/);
    expect(await rows.nth(1).textContent()).toMatch(/^the default rule.*not evaluated/);
    expect(await check.locator('.rule-walk figcaption').textContent()).toMatch(/^GET http:\/\/.+ → forward to web-tg$/);
    expect(await seriousViolations(page)).toEqual([]);
    await check.screenshot({ path: RULE_WALK_SCREENSHOT });
  });

  it('shows a reachability check as the path, hop by hop, with the blocking hop and its code', async () => {
    await gradeInBrowser('vpc-three-tier-security-groups', APP_TIER_CLOSED);
    const open = page.locator('[data-check-id="internet-https-web"] .network-path');
    expect(await open.locator('figcaption').textContent()).toBe('internet → web-1 over tcp 443: reachable');
    expect(await open.locator('.hop-type').allTextContents()).toEqual(['Internet', 'Internet gateway', 'Network ACL', 'Security group', 'Network interface']);
    expect(await open.locator('.hop-blocked').count()).toBe(0);

    const blocked = page.locator('[data-check-id="web-to-app"] .network-path');
    expect(await blocked.locator('figcaption').textContent()).toBe('web-1 → app-1 over tcp 8080: blocked');
    const hop = blocked.locator('.hop-blocked');
    expect(await hop.count()).toBe(1);
    expect(await hop.textContent()).toMatch(/app-1.*ENI_SG_RULES_MISMATCH.*app-sg/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-check-id="web-to-app"]').screenshot({ path: PATH_SCREENSHOT });

    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('[data-check-id="web-to-app"]').screenshot({ path: PATH_MOBILE_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a simulate check as the policy layers and the learner\u2019s own statement that allowed the request, with its line', async () => {
    await gradeInBrowser('iam-s3-read-only', S3_STAR);
    const check = page.locator('[data-check-id="no-put-object"]');
    const decision = check.locator('.iam-decision');
    expect(await decision.locator('figcaption').textContent()).toMatch(/^s3:PutObject on arn:aws:s3:::my-app-bucket\/.+: allowed$/);
    expect(await decision.getByRole('list', { name: 'Policy evaluation' }).textContent()).toContain('Identity-based policies✓ allows');
    const statement = decision.locator('.iam-statement');
    expect(await statement.count()).toBe(1);
    expect(await statement.locator('p').textContent()).toMatch(/^Your statement 1 \(Everything\), lines 4–9: allows this request/);
    expect(await statement.locator('.statement-line').first().textContent()).toMatch(/^4\s*\{/);
    expect(await seriousViolations(page)).toEqual([]);
    await check.screenshot({ path: IAM_SCREENSHOT });
  });

  it('shows an asg-scenario check as charts of the run, the solution\u2019s capacity beside the learner\u2019s', async () => {
    await gradeInBrowser('asg-target-tracking-cpu', NO_POLICY);
    const check = page.locator('[data-check-id="day-of-traffic"]');
    const chart = check.locator('.asg-timeline');
    expect(await chart.locator('figcaption').textContent()).toMatch(/^InService from 2 to 2 instances, the solution's from 2 to \d+; load up to \d+ requests per second; 0 scaling activities$/);
    expect(await chart.getByRole('img').count()).toBe(2);
    expect(await chart.locator('path.line-reference').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ L/);
    // Styled, not the browser's default black fill: the stylesheet reached the chart.
    expect(await chart.locator('path.line-reference').evaluate((path) => [getComputedStyle(path).fill, getComputedStyle(path).strokeDasharray])).toEqual(['none', '6px, 4px']);
    expect(await chart.getByRole('list', { name: 'Legend' }).textContent()).toContain('the solution’s InService');
    expect(await seriousViolations(page)).toEqual([]);
    await check.screenshot({ path: ASG_SCREENSHOT });
  });
});
