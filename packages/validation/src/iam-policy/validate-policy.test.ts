import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statementPath, validatePolicy } from './validate-policy.ts';

const READ_ONLY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-app-bucket" },
    { "Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::my-app-bucket/*",
      "Condition": { "Bool": { "aws:SecureTransport": true } } }
  ]
}`;

describe('validatePolicy', () => {
  it('normalises strings to lists and a lone statement to a list', () => {
    const { policy, findings } = validatePolicy(READ_ONLY);
    expect(findings).toEqual([]);
    expect(policy?.Statement[0]).toEqual({ Sid: 'List', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::my-app-bucket'] });
    expect(policy?.Statement[1]?.Condition).toEqual({ Bool: { 'aws:SecureTransport': ['true'] } });
    const lone = validatePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":"*"}}');
    expect(lone.policy?.Statement).toEqual([{ Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['*'] }]);
  });

  it.each([
    ['a syntax error', '{"Version": "2012-10-17",\n "Statement": [}', 'json/syntax', 2, 16, 'expected a value, found `}`'],
    ['a lowercase effect', '{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}}', 'iam-policy/invalid-value', 1, 47, '`Effect` must be `Allow` or `Deny` (case-sensitive), not `allow`'],
    ['a missing effect', '{"Version":"2012-10-17","Statement":[\n{"Action":"s3:GetObject","Resource":"*"}]}', 'iam-policy/invalid-value', 2, 1, 'a statement needs an `Effect`'],
    ['a bad action', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:GetObject","GetObject"],"Resource":"*"}}', 'iam-policy/invalid-format', 1, 80, '`GetObject` is not an action: write `service:Action` (for example `s3:GetObject`) or `*`'],
    ['a bucket name instead of an ARN', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"my-app-bucket"}}', 'iam-policy/custom', 1, 82, '`my-app-bucket` is not an ARN: write `arn:partition:service:region:account:resource` or `*`'],
    ['a miscased element', '{"Version":"2012-10-17","Statement":{"effect":"Allow","Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'iam-policy/unknown-element', 1, 38, 'unknown element `effect`: element names are case-sensitive, did you mean `Effect`?'],
    ['Action and NotAction together', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}}', 'iam-policy/conflicting-elements', 1, 83, 'a statement may have `Action` or `NotAction`, not both'],
    ['no Resource in an identity policy', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*"}}', 'iam-policy/missing-element', 1, 37, 'a statement needs `Resource` or `NotResource`'],
    ['a Principal in an identity policy', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}', 'iam-policy/principal-in-identity-policy', 1, 67, 'an identity-based policy cannot name a `Principal`: it applies to the user, group or role it is attached to'],
    ['a hyphen in a Sid', '{"Version":"2012-10-17","Statement":{"Sid":"read-all","Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'iam-policy/invalid-format', 1, 44, '`read-all` is not a valid `Sid`: IAM accepts only letters and digits'],
    ['duplicate Sids', '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}]}', 'iam-policy/duplicate-sid', 1, 105, 'duplicate `Sid` `A`: statement ids must be unique in a policy'],
    ['an empty Statement list', '{"Version":"2012-10-17","Statement":[]}', 'iam-policy/too-small', 1, 37, 'a policy needs at least one statement'],
    ['a wrong Version', '{"Version":"2021-01-01","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'iam-policy/invalid-value', 1, 12, '`Version` must be `2012-10-17` (or the older `2008-10-17`), not `2021-01-01`'],
    ['a curly quote', '{"Version":"2012-10-17","Statement":{"Sid":"A\u2019","Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'iam-policy/invalid-character', 1, 46, 'a policy may contain only tab, newline and the characters U+0020 to U+00FF, found U+2019'],
    ['an action that is a number', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":5,"Resource":"*"}}', 'iam-policy/invalid-type', 1, 64, 'expected a string or a list of strings for actions'],
  ])('reports %s at its line and column', (_name, text, ruleId, line, column, message) => {
    const { policy, findings } = validatePolicy(text);
    expect(policy).toBeUndefined();
    const finding = findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(findings)).toMatchObject({ severity: 'error', message });
    expect(finding?.range?.start).toMatchObject({ line, column });
  });

  it('warns about a missing Version but still returns the policy', () => {
    const { policy, findings } = validatePolicy('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}');
    expect(policy).toBeDefined();
    expect(findings).toMatchObject([{ ruleId: 'iam-policy/missing-version', severity: 'warning' }]);
  });

  it('requires a principal in resource policies', () => {
    const { findings } = validatePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}', { policyType: 'resource' });
    expect(findings.map((f) => f.message)).toEqual(['a statement in a resource policy needs `Principal` or `NotPrincipal`']);
  });

  it('places statements whether Statement is a list or a lone object', () => {
    const list = validatePolicy(READ_ONLY);
    expect(list.document.locate(statementPath(list.document, 1))?.start.line).toBe(5);
    const lone = validatePolicy('{\n"Statement":\n  {"Effect":"Allow","Action":"s3:*","Resource":"*"}}');
    expect(lone.document.locate(statementPath(lone.document, 0))?.start).toMatchObject({ line: 3, column: 3 });
  });

  it('never throws and never returns a policy together with an error', () => {
    const element = fc.oneof(fc.string(), fc.constantFrom('Allow', 'Deny', 's3:GetObject', '*', 'arn:aws:s3:::b/*'), fc.integer(), fc.boolean());
    const statement = fc.dictionary(fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'effect'), fc.oneof(element, fc.array(element)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.record({ Version: fc.constantFrom('2012-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement)) }).map((p) => JSON.stringify(p))), (text) => {
        const { policy, findings } = validatePolicy(text);
        expect(policy !== undefined && findings.some((f) => f.severity === 'error')).toBe(false);
        for (const finding of findings) expect(finding.message).toMatch(/^[a-z`]/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('principals', () => {
  it('accepts a principal map with only some principal types, as trust and resource policies write it', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } } });
    expect(validatePolicy(text, { policyType: 'trust' }).policy?.Statement[0]?.Principal).toEqual({ Service: ['ec2.amazonaws.com'] });
  });
});
