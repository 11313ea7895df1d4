import { describe, expect, it } from 'vitest';
import { simulateIam } from './simulate-iam.ts';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const REQUEST = {
  PolicyInputList: [doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' })],
  ActionNames: ['s3:GetObject', 's3:PutObject'],
  ResourceArns: ['arn:aws:s3:::reports/q1.csv'],
};

function run(args: string[], stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = simulateIam(args, { cwd: '/', out: (l) => out.push(l), err: (l) => err.push(l) }, () => stdin);
  return { code, out, err };
}

describe('skylab simulate iam', () => {
  it('answers one request with IAM evaluation results and explanations', () => {
    const { code, out } = run(['-'], JSON.stringify(REQUEST));
    expect(code).toBe(0);
    const { EvaluationResults } = JSON.parse(out.join('\n'));
    expect(EvaluationResults.map((r: { EvalDecision: string }) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
    expect(EvaluationResults[0]).toMatchObject({ EvalActionName: 's3:GetObject', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }] });
    expect(EvaluationResults[0].Explanation).toMatch(/^`s3:GetObject` on `arn:aws:s3:::reports\/q1\.csv` is allowed\n- statement 1 of identity-based policy `PolicyInputList\.1`, line 1 allows it \(`s3:Get\*` matches \d+ actions, among them `s3:GetObject`\)$/);
    expect(EvaluationResults[0].explanation).toBeUndefined();
  });

  it('answers JSON Lines line by line, a bad line included', () => {
    const malformed = { ...REQUEST, PolicyInputList: ['{\n"Version": "2012-10-17",\n"Statement": {"Effect": "Allow", "Action": "s3:GetObject"}}'] };
    const scp = { ...REQUEST, ActionNames: ['s3:GetObject'], ServiceControlPolicyLevels: [[doc({ Effect: 'Allow', Action: '*', Resource: '*' })], [doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' })]] };
    const { code, out } = run(['-'], [JSON.stringify(REQUEST), '{not json', '', JSON.stringify(malformed), JSON.stringify(scp)].join('\n'));
    expect(code).toBe(1);
    expect(out).toHaveLength(4);
    const [ok, bad, broken, denied] = out.map((line) => JSON.parse(line));
    expect(ok.EvaluationResults).toHaveLength(2);
    expect(bad).toEqual({ Error: { Code: 'InvalidInput', Message: expect.stringMatching(/^line 2: /) } });
    expect(broken.Error).toMatchObject({ Code: 'MalformedPolicyDocument', Policies: [{ PolicyInput: 'PolicyInputList.1', Findings: [{ range: { start: { line: 3 } } }] }] });
    expect(denied.EvaluationResults[0]).toMatchObject({ EvalDecision: 'explicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } });
    expect(denied.EvaluationResults[0].MatchedStatements.map((m: { SourcePolicyId: string }) => m.SourcePolicyId)).toEqual(['ServiceControlPolicyLevels.1.1', 'ServiceControlPolicyLevels.2.1', 'PolicyInputList.1']);
  });

  it('prints one JSON line per request with --jsonl', () => {
    const { code, out } = run(['-', '--jsonl'], JSON.stringify(REQUEST));
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
  });

  it.each([
    [[], 2],
    [['a', 'b'], 2],
    [['-', '--text'], 2],
    [['/no/such/file.json'], 2],
  ])('refuses %j with usage or read errors', (args, code) => {
    expect(run(args, '').code).toBe(code);
  });

  it('refuses a request of the wrong shape', () => {
    const { code, out } = run(['-'], JSON.stringify({ ActionNames: ['s3:GetObject'] }));
    expect(code).toBe(1);
    expect(JSON.parse(out.join('\n'))).toEqual({ Error: { Code: 'InvalidInput', Message: '`PolicyInputList` must be a list of policy documents' } });
  });
});
