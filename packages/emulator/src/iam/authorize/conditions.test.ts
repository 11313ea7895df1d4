import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './conditions.ts';

const OPERATORS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const context = new Map<string, string[]>([
  ['aws:securetransport', ['true']],
  ['aws:principaltag/dept', ['Finance']],
  ['aws:tagkeys', ['a', 'b']],
]);

describe(`evaluateCondition, per ${OPERATORS_DOC}`, () => {
  it.each<[string, Record<string, Record<string, string[]>>, 'match' | 'no-match' | 'unsupported']>([
    ['StringEquals is case-sensitive on values', { StringEquals: { 'aws:PrincipalTag/dept': ['finance'] } }, 'no-match'],
    ['key names are case-insensitive', { StringEquals: { 'AWS:PRINCIPALTAG/DEPT': ['Finance'] } }, 'match'],
    ['values of one key are ORed', { StringEquals: { 'aws:PrincipalTag/dept': ['HR', 'Finance'] } }, 'match'],
    ['keys of one operator are ANDed', { StringEquals: { 'aws:PrincipalTag/dept': ['Finance'], 'aws:SecureTransport': ['false'] } }, 'no-match'],
    ['operators are ANDed', { StringEquals: { 'aws:PrincipalTag/dept': ['Finance'] }, Bool: { 'aws:SecureTransport': ['false'] } }, 'no-match'],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/dept': ['FINANCE'] } }, 'match'],
    ['StringNotEquals', { StringNotEquals: { 'aws:PrincipalTag/dept': ['HR'] } }, 'match'],
    ['StringLike', { StringLike: { 'aws:PrincipalTag/dept': ['Fin*'] } }, 'match'],
    ['StringNotLike', { StringNotLike: { 'aws:PrincipalTag/dept': ['Fin*'] } }, 'no-match'],
    ['Bool compares without case', { Bool: { 'aws:SecureTransport': ['TRUE'] } }, 'match'],
    ['a missing key makes a positive operator false', { StringEquals: { 'aws:SourceVpc': ['vpc-1'] } }, 'no-match'],
    ['a missing key makes a negated operator true', { StringNotLike: { 'aws:SourceVpc': ['vpc-*'] } }, 'match'],
    ['Null true holds when the key is absent', { Null: { 'aws:SourceVpc': ['true'] } }, 'match'],
    ['Null false holds when the key is present', { Null: { 'aws:SecureTransport': ['false'] } }, 'match'],
    ['Null true fails when the key is present', { Null: { 'aws:SecureTransport': ['true'] } }, 'no-match'],
    ['IpAddress is not modelled', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }, 'unsupported'],
    ['IfExists is not modelled', { StringEqualsIfExists: { 'aws:PrincipalTag/dept': ['Finance'] } }, 'unsupported'],
    ['set operators are not modelled', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, 'unsupported'],
    ['a multivalued key without a set operator is not guessed', { StringEquals: { 'aws:TagKeys': ['a'] } }, 'unsupported'],
    ['a policy variable is not guessed', { StringEquals: { 'aws:PrincipalTag/dept': ['${aws:username}'] } }, 'unsupported'],
    ['a definite mismatch wins over an unsupported operator', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] }, Bool: { 'aws:SecureTransport': ['false'] } }, 'no-match'],
  ])('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, context, true).result).toBe(expected);
  });

  it('explains a mismatch and reports keys the request lacks', () => {
    const outcome = evaluateCondition({ StringEquals: { 'aws:SourceVpc': ['vpc-1'] } }, context, true);
    expect(outcome.reason).toBe('its condition `StringEquals` on `aws:SourceVpc` needs the key, which the request does not carry');
    expect(outcome.missingKeys).toEqual(['aws:SourceVpc']);
  });

  it('reads `${…}` literally in 2008-10-17 policies, which have no policy variables', () => {
    expect(evaluateCondition({ StringEquals: { 'aws:PrincipalTag/dept': ['${x}'] } }, context, false).result).toBe('no-match');
  });
});
