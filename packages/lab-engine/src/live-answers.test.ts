import { cloneState, type AccountState } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';
import { isLiveAccountTask, withLiveAnswers } from './live-answers.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const labAt = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;
const CLI_LAB = labAt('iam-cli-publish-releases');
const EDITOR_LAB = labAt('iam-s3-read-only');
const TRUST_LAB = labAt('iam-ec2-role-trust');
const POLICY = '{"Version":"2012-10-17","Statement":[]}';

const account = (lab: Lab): AccountState => cloneState(provision(lab, 'seed-1', testCtx()).state);

describe('withLiveAnswers', () => {
  it('reads the named inline policy from the account, ignoring the typed text', () => {
    const state = account(CLI_LAB);
    state.iam.users['ci-publisher']!.UserPolicies['publish-releases'] = POLICY;
    expect(withLiveAnswers(CLI_LAB, {}, state, { 'publish-policy': 'typed' })).toEqual({ answers: { 'publish-policy': POLICY }, findings: [] });
  });

  it.each([
    ['the policy is missing', (s: AccountState) => void s],
    ['the policy has another name', (s: AccountState) => void (s.iam.users['ci-publisher']!.UserPolicies['publish'] = POLICY)],
    ['the user is gone', (s: AccountState) => void delete s.iam.users['ci-publisher']],
  ])('is a finding at the task when %s', (_case, change) => {
    const state = account(CLI_LAB);
    change(state);
    const { findings } = withLiveAnswers(CLI_LAB, {}, state, {});
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'live-account/missing-document', severity: 'error', path: ['publish-policy'] })]);
  });

  it('leaves tasks typed in the editor as they came', () => {
    const state = account(EDITOR_LAB);
    state.iam.users['app-reader']!.UserPolicies['s3-read-only'] = POLICY;
    expect(EDITOR_LAB.tasks.some(isLiveAccountTask)).toBe(false);
    expect(withLiveAnswers(EDITOR_LAB, {}, state, { 'reader-policy': 'typed' }).answers).toEqual({ 'reader-policy': 'typed' });
  });

  it("reads a role's trust policy for a live trust-policy task", () => {
    const task = TRUST_LAB.tasks.find((t) => t.kind === 'iam-trust-policy');
    if (task?.kind !== 'iam-trust-policy') throw new Error('the lab has no trust policy task');
    const lab: Lab = { ...TRUST_LAB, tasks: [{ ...task, answerFrom: 'live-account' }] };
    const state = account(TRUST_LAB);
    const role = state.iam.roles[task.apply.RoleName.toLowerCase()]!;
    role.AssumeRolePolicyDocument = POLICY;
    expect(withLiveAnswers(lab, {}, state, {}).answers).toEqual({ [task.id]: POLICY });
  });
});
