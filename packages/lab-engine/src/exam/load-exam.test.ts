import { describe, expect, it } from 'vitest';
import { FIXTURE_TEXT, repositoryLabs } from '../../test/exam-fixtures.ts';
import { loadExam } from './load-exam.ts';

const labs = repositoryLabs();

/** The fixture with one line replaced. */
function patched(from: string, to: string): string {
  if (!FIXTURE_TEXT.includes(from)) throw new Error(`the fixture has no \`${from}\``);
  return FIXTURE_TEXT.replace(from, to);
}

describe('loadExam', () => {
  it('loads the fixture without findings', () => {
    const { exam, findings } = loadExam(FIXTURE_TEXT, { file: 'exams/fixture-exam/exam.yaml', labs });
    expect(findings).toEqual([]);
    expect(exam?.sections.flatMap((s) => s.pools.map((p) => p.draw))).toEqual([2, 1, 2]);
    expect(exam?.settings).toMatchObject({ attemptsAllowed: 1, awsEndpoint: 'closed', shuffle: { items: true, options: true } });
  });

  it.each([
    { name: 'a lab that does not exist', from: 'lab: iam-s3-read-only', to: 'lab: iam-s3-read-write', ruleId: 'exam/unknown-lab', line: 54, message: 'there is no lab `iam-s3-read-write`' },
    { name: 'a task the lab does not have', from: 'task: reader-policy', to: 'task: writer-policy', ruleId: 'exam/unknown-task', line: 54, message: 'lab `iam-s3-read-only` has no task `writer-policy`: its tasks are `reader-policy`' },
    {
      name: 'a task done with the AWS CLI',
      from: 'lab: iam-s3-read-only, task: reader-policy',
      to: 'lab: iam-cli-publish-releases, task: publish-policy',
      ruleId: 'exam/live-account-task',
      line: 54,
      message: "task `publish-policy` of lab `iam-cli-publish-releases` is done with the AWS CLI in an attempt's account, which an exam item does not have",
    },
    { name: 'a domain that does not exist', from: 'domain: network\n            partialCredit: per-pair', to: 'domain: storage\n            partialCredit: per-pair', ruleId: 'exam/unknown-domain', line: 74, message: 'there is no domain `storage`: the domains are `iam`, `network`' },
    { name: 'a duplicate item id', from: 'id: deny-wins', to: 'id: root-user', ruleId: 'exam/duplicate-id', line: 28, message: 'duplicate item id `root-user`' },
    { name: 'two correct options in a single-choice item', from: '{ id: root, text: The root user,', to: '{ id: root, text: The root user, correct: true,', ruleId: 'exam/inconsistent-key', line: 25, message: 'a single-choice item needs exactly one correct option, `root-user` has 2' },
    { name: 'a which-wins item with no correct option', from: '{ id: denied, text: Denied, correct: true,', to: '{ id: denied, text: Denied,', ruleId: 'exam/inconsistent-key', line: 38, message: 'a which-wins item needs exactly one correct option, `deny-wins` has 0' },
    { name: 'a matching key that is no bijection', from: 'match: nat', to: 'match: igw', ruleId: 'exam/inconsistent-key', line: 81, message: 'prompts `inbound` and `outbound-only` both match `igw`: a matching key pairs each target once' },
    { name: 'a pool drawing more than it has', from: 'draw: 1', to: 'draw: 3', ruleId: 'exam/draw-exceeds-pool', line: 52, message: 'the pool draws more items than it has (1)' },
    { name: 'after-close without a closing time', from: 'feedbackRelease: after-submit', to: 'feedbackRelease: after-close', ruleId: 'exam/release-without-close', line: 7, message: '`feedbackRelease: after-close` needs `availability.closes`: without it the window never closes' },
    {
      name: 'a which-wins key IAM\'s evaluation does not reach',
      from: 'EvalDecision: explicitDeny',
      to: 'EvalDecision: allowed',
      ruleId: 'exam/engine-disagrees',
      line: 35,
      message: "IAM's evaluation decides `explicitDeny`, not `allowed`: `s3:GetObject` on `arn:aws:s3:::bucket/key` is explicitly denied: an explicit deny overrides any allow\n- statement 1 of identity-based policy `PolicyInputList.2`, line 1 denies it\n- statement 1 of identity-based policy `PolicyInputList.1`, line 1 would allow it, but the deny wins",
    },
    { name: 'a misspelt key', from: 'passPercent: 70', to: 'passPercent: 70\npasspercent: 60', ruleId: 'exam/unknown-element', line: 9, message: 'unknown element `passpercent`: element names are case-sensitive, did you mean `passPercent`?' },
  ])('reports $name at its line', ({ from, to, ruleId, line, message }) => {
    const { exam, findings } = loadExam(patched(from, to), { labs });
    expect(exam).toBeUndefined();
    expect(findings.map((f) => ({ ruleId: f.ruleId, line: f.range?.start.line, message: f.message }))).toContainEqual({ ruleId, line, message });
  });

  it.each([
    ['no exhibit has a policy type', (t: string) => t.replaceAll('policyType: identity, ', ''), '`simulate` evaluates the exhibits marked with a `policyType`, and none is'],
    ['two exhibits are resource policies', (t: string) => t.replaceAll('policyType: identity', 'policyType: resource'), 'a request has one resource-based policy: mark at most one exhibit `policyType: resource`'],
    ['an exhibit is a malformed policy', (t: string) => t.replace('"Effect":"Deny"', '"Effect":"Maybe"'), "IAM's evaluation refuses the exhibits: "],
  ])('reports a which-wins simulation that cannot run: %s', (_name, patch, message) => {
    const { exam, findings } = loadExam(patch(FIXTURE_TEXT), { labs });
    expect(exam).toBeUndefined();
    expect(findings.filter((f) => f.ruleId === 'exam/simulation-error').map((f) => f.message.slice(0, message.length))).toEqual([message]);
  });

  it('reports an id that differs from its folder, naming the file', () => {
    const { findings } = loadExam(FIXTURE_TEXT, { file: 'exams/other/exam.yaml', labs });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'exam/id-matches-folder', file: 'exams/other/exam.yaml', message: 'the exam id `fixture-exam` differs from its folder `other`' })]);
  });

  it('reports a domain no item belongs to', () => {
    const { findings } = loadExam(patched('  - { id: network, title: Networking }', '  - { id: network, title: Networking }\n  - { id: storage, title: Storage }'), { labs });
    expect(findings.map((f) => f.message)).toEqual(['no item belongs to domain `storage`']);
  });

  it('reports YAML that does not parse', () => {
    const { exam, findings } = loadExam('id: [', { labs });
    expect(exam).toBeUndefined();
    expect(findings[0]?.range?.start.line).toBe(1);
  });
});
