import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { LabError } from './lab-error.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { selfTest } from './self-test.ts';
import { testCtx } from './test-ctx.ts';
import { renderLab, summarize } from './view.ts';

const TEXT = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');
const LAB = loadLab(TEXT).lab as Lab;
const SOLUTION = LAB.solution.answers['reader-policy'] as string;

const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

describe('provision', () => {
  it('is reproducible from the seed and uses the drawn account id', () => {
    const a = provision(LAB, 'learner-7', testCtx());
    const b = provision(LAB, 'learner-7', testCtx());
    expect(a).toEqual(b);
    expect(a.state.iam.users['app-reader']?.Arn).toBe(`arn:aws:iam::${a.params.accountId}:user/app-reader`);
    expect(Object.keys(a.state.s3.buckets)).toEqual(['my-app-bucket', a.params.otherBucket]);
    expect(a.state.s3.buckets['my-app-bucket']?.Objects['index.html']?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('reports setup that AWS would refuse as a LabError with the element path', () => {
    const broken: Lab = { ...LAB, setup: { ...LAB.setup, s3: { buckets: [{ Name: 'Not_Valid' }] } } };
    try {
      provision(broken, 's', testCtx());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).findings[0]).toMatchObject({ ruleId: 'aws/InvalidBucketName', path: ['setup', 's3', 'buckets', 0] });
    }
    expect(() => provision({ ...LAB, setup: { ...LAB.setup, accountId: '12' } }, 's', testCtx())).toThrow(LabError);
  });
});

describe('grade', () => {
  const ctx = testCtx();
  const attempt = provision(LAB, 'learner-1', ctx);

  it('scores the solution 100% and leaves the provisioned state untouched', () => {
    const before = JSON.stringify(attempt.state);
    const outcome = grade(LAB, attempt, { 'reader-policy': SOLUTION }, ctx);
    expect(outcome.ok && outcome.grade).toMatchObject({ score: 1, points: 14, maxPoints: 14, unsupported: [] });
    expect(JSON.stringify(attempt.state)).toBe(before);
    expect(outcome.ok && Object.keys(outcome.state.iam.users['app-reader']!.UserPolicies)).toEqual(['s3-read-only']);
  });

  it('gives per-check messages, explanations and misconceptions for a wrong answer', () => {
    const outcome = grade(LAB, attempt, { 'reader-policy': policy([{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] }]) }, ctx);
    if (!outcome.ok) throw new Error('expected a grade');
    const put = outcome.grade.checks.find((c) => c.id === 'no-put-object');
    expect(put).toMatchObject({ status: 'fail', points: 0, maxPoints: 1, misconceptions: ['s3-wildcard-action'], visibility: 'immediately' });
    expect(put?.message).toContain('`s3:*`');
    expect(put?.explanation.split('\n')).toEqual([
      '`s3:PutObject` on `arn:aws:s3:::my-app-bucket/uploads/new.csv` is allowed',
      '- statement 1 of inline policy `s3-read-only`, line 4 allows it',
    ]);
    expect(outcome.grade.score).toBeCloseTo(8 / 14);
  });

  it.each<[string, Record<string, string>, string, number | undefined]>([
    ['text that is not JSON', { 'reader-policy': '{\n  "Version": "2012-10-17",\n  "Statement": [\n' }, 'json/syntax', 4],
    ['a policy that breaks the grammar', { 'reader-policy': '{"Version":"2012-10-17",\n"Statement":{"Effect":"Allow","Action":"s3:GetObject"}}' }, 'iam-policy/missing-element', 2],
    ['a missing answer', {}, 'lab/missing-answer', undefined],
    ['an answer for a task that does not exist', { 'reader-policy': SOLUTION, other: '{}' }, 'lab/unknown-task', undefined],
    ['a policy over the inline quota', { 'reader-policy': policy(Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::my-app-bucket/${i}/*` }))) }, 'aws/LimitExceeded', undefined],
  ])('returns findings instead of a grade for %s', (_name, answers, ruleId, line) => {
    const outcome = grade(LAB, attempt, answers, ctx);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(outcome.findings)).toBeDefined();
    expect(finding?.range?.start.line).toBe(line);
    if (ruleId !== 'lab/unknown-task') expect(finding?.path[0]).toBe('reader-policy');
  });

  // An unknown condition operator makes the policy invalid (IAM refuses it), in a Deny as in an Allow: the
  // answer is refused before grading with the finding at its line, never graded as if the Deny were absent.
  it.each(['Allow', 'Deny'])('refuses an answer whose `%s` uses an unknown condition operator', (effect) => {
    const answer = policy([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] },
      { Effect: effect, Action: 's3:*', Resource: '*', Condition: { NotIpAddressInRange: { 'aws:SourceIp': '10.0.0.0/8' } } },
    ]);
    const outcome = grade(LAB, attempt, { 'reader-policy': answer }, ctx);
    expect(outcome.ok).toBe(false);
    const finding = outcome.ok ? undefined : outcome.findings.find((f) => f.ruleId === 'iam/unknown-condition-operator');
    expect(finding?.message).toBe('unknown condition operator `NotIpAddressInRange`');
    expect(finding?.path[0]).toBe('reader-policy');
  });

  describe('deducts revealed paid hints', () => {
    const hinted: Lab = { ...LAB, hints: [{ text: 'free', cost: 0 }, { text: 'cheap', cost: 1 }, { text: 'dear', cost: 3 }, { text: 'ruinous', cost: 20 }] };
    const wrong = policy([{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] }]);
    it.each<[string, string, number[] | undefined, { points: number; hintPenalty: number; revealedHints: { index: number; cost: number }[] }]>([
      ['nothing revealed', SOLUTION, undefined, { points: 14, hintPenalty: 0, revealedHints: [] }],
      ['one paid hint', SOLUTION, [1], { points: 13, hintPenalty: 1, revealedHints: [{ index: 1, cost: 1 }] }],
      ['two paid hints, one listed twice, out of order', SOLUTION, [2, 1, 2], { points: 10, hintPenalty: 4, revealedHints: [{ index: 1, cost: 1 }, { index: 2, cost: 3 }] }],
      ['a free hint', SOLUTION, [0], { points: 14, hintPenalty: 0, revealedHints: [] }],
      ['indexes the lab does not have', SOLUTION, [-1, 4, 1.5], { points: 14, hintPenalty: 0, revealedHints: [] }],
      ['hints costing more than the checks earned', SOLUTION, [3], { points: 0, hintPenalty: 14, revealedHints: [{ index: 3, cost: 20 }] }],
      ['a partly wrong answer', wrong, [2], { points: 5, hintPenalty: 3, revealedHints: [{ index: 2, cost: 3 }] }],
    ])('%s', (_name, answer, revealedHints, expected) => {
      const outcome = grade(hinted, attempt, { 'reader-policy': answer }, ctx, revealedHints ? { revealedHints } : undefined);
      if (!outcome.ok) throw new Error('expected a grade');
      expect(outcome.grade).toMatchObject({ ...expected, maxPoints: 14, score: expected.points / 14 });
      expect(outcome.grade.checks.reduce((sum, c) => sum + c.points, 0) - outcome.grade.hintPenalty!).toBe(expected.points);
    });
  });

  it('never throws and never scores above 100%, whatever the answer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const outcome = grade(LAB, attempt, { 'reader-policy': text }, ctx);
        if (outcome.ok) expect(outcome.grade.score).toBeLessThanOrEqual(1);
        else expect(outcome.findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('selfTest', () => {
  it('passes for the reference lab, over several seeds', () => {
    const report = selfTest(LAB, testCtx());
    expect(report.ok).toBe(true);
    expect(new Set(report.runs.map((r) => r.seed)).size).toBe(3);
  });

  it.each<[string, (lab: Lab) => Lab, string]>([
    ['a wrong answer that fails fewer checks than declared', (lab) => ({ ...lab, wrongAnswers: [{ ...lab.wrongAnswers[1]!, fails: ['list-bucket', 'get-object'] }] }), 'expected to fail `get-object` but passed'],
    ['a wrong answer that fails more checks than declared', (lab) => ({ ...lab, wrongAnswers: [{ ...lab.wrongAnswers[2]!, fails: ['no-put-object'] }] }), 'also fails `no-delete-object`, `no-delete-bucket`, `least-privilege`, which `fails` does not list'],
    ['a solution below 100%', (lab) => ({ ...lab, solution: { answers: lab.wrongAnswers[0]!.answers } }), 'the solution scores 79%, not 100%: it fails `get-object`, `get-object-any-key`'],
    ['a solution that does not parse', (lab) => ({ ...lab, solution: { answers: { 'reader-policy': '{' } } }), 'the answers were refused before grading'],
    ['a setup AWS refuses', (lab) => ({ ...lab, setup: { ...lab.setup, iam: { ...lab.setup.iam, users: [{ UserName: 'app reader' }] } } }), 'setup failed with `ValidationError`'],
  ])('reports %s', (_name, edit, problem) => {
    const report = selfTest(edit(LAB), testCtx());
    expect(report.ok).toBe(false);
    expect(report.runs.flatMap((r) => r.problems).some((p) => p.startsWith(problem)), JSON.stringify(report.runs.flatMap((r) => r.problems))).toBe(true);
  });
});

describe('views', () => {
  it('summarises and renders with the attempt params or placeholders', () => {
    expect(summarize(LAB)).toEqual({ id: 'iam-s3-read-only', title: LAB.title, summary: LAB.summary, difficulty: 'beginner', estimatedMinutes: 15, tags: ['iam', 's3', 'least-privilege'], track: 'iam' });
    expect(renderLab(LAB).description).toContain('account `<accountId>`');
    const view = renderLab(LAB, { accountId: '123456789012', otherBucket: 'hr-payroll-reports' });
    expect(view.description).toContain('account `123456789012`');
    expect(view.tasks[0]).toMatchObject({ id: 'reader-policy', kind: 'iam-policy', language: 'json' });
    expect(view.hints).toEqual([{ index: 0, cost: 0, text: LAB.hints[0]!.text, revealed: true }, { index: 1, cost: 1, revealed: false }]);
  });

  it.each<[string, number[], boolean]>([
    ['nothing revealed', [], false],
    ['the paid hint revealed', [1], true],
    ['another index revealed', [0, 5], false],
  ])('shows a paid hint text only once revealed: %s', (_name, revealed, shown) => {
    const hint = renderLab(LAB, { accountId: '123456789012', otherBucket: 'hr-payroll-reports' }, revealed).hints[1];
    expect(hint).toEqual(shown ? { index: 1, cost: 1, text: expect.any(String), revealed: true } : { index: 1, cost: 1, revealed: false });
    if (shown) expect(hint?.text).not.toContain('{{');
  });
});
