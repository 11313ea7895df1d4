import { describe, expect, it } from 'vitest';
import { compileCondition, evaluateCondition } from './conditions.ts';

// Table tests per operator family, from
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
type Condition = Record<string, Record<string, string[]>>;
type Row = [string, Condition, 'match' | 'no-match' | 'unsupported'];

const context: Record<string, string[]> = {
  'aws:securetransport': ['true'],
  'aws:principaltag/dept': ['Finance'],
  'aws:tagkeys': ['a', 'b'],
  'aws:emptylist': [],
  's3:max-keys': ['10'],
  'aws:currenttime': ['2026-01-01T12:00:00Z'],
  'aws:epochtime': ['1767268800'],
  'aws:sourceip': ['203.0.113.7'],
  'aws:sourceip6': ['2001:db8:85a3::8a2e:370:7334'],
  'aws:sourcearn': ['arn:aws:sns:us-east-1:111122223333:topic'],
  'aws:username': ['alice'],
  'custom:binary': ['QmluYXJ5'],
};

function run(condition: Condition, variables = true) {
  return evaluateCondition(compileCondition(condition, variables), (key) => context[key]);
}

const table = (family: string, rows: Row[]) =>
  describe(family, () => {
    it.each(rows)('%s', (_name, condition, expected) => {
      expect(run(condition).result).toBe(expected);
    });
  });

table('logic', [
  ['key names are case-insensitive', { StringEquals: { 'AWS:PRINCIPALTAG/DEPT': ['Finance'] } }, 'match'],
  ['values of one key are ORed', { StringEquals: { 'aws:PrincipalTag/dept': ['HR', 'Finance'] } }, 'match'],
  ['keys of one operator are ANDed', { StringEquals: { 'aws:PrincipalTag/dept': ['Finance'], 'aws:SecureTransport': ['false'] } }, 'no-match'],
  ['operators are ANDed', { StringEquals: { 'aws:PrincipalTag/dept': ['Finance'] }, Bool: { 'aws:SecureTransport': ['false'] } }, 'no-match'],
  ['an unknown operator fails closed', { StringSortOf: { 'aws:PrincipalTag/dept': ['Finance'] } }, 'unsupported'],
  ['an unknown qualifier fails closed', { 'ForSomeValues:StringEquals': { 'aws:TagKeys': ['a'] } }, 'unsupported'],
  ['a definite mismatch wins over an unsupported operator', { Foo: { k: ['v'] }, Bool: { 'aws:SecureTransport': ['false'] } }, 'no-match'],
  ['a multivalued key without a set operator is not guessed', { StringEquals: { 'aws:TagKeys': ['a'] } }, 'unsupported'],
]);

table('String', [
  ['StringEquals is case-sensitive on values', { StringEquals: { 'aws:PrincipalTag/dept': ['finance'] } }, 'no-match'],
  ['StringEquals', { StringEquals: { 'aws:PrincipalTag/dept': ['Finance'] } }, 'match'],
  ['StringNotEquals holds for another value', { StringNotEquals: { 'aws:PrincipalTag/dept': ['HR'] } }, 'match'],
  ['StringNotEquals fails for the value', { StringNotEquals: { 'aws:PrincipalTag/dept': ['Finance'] } }, 'no-match'],
  ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/dept': ['FINANCE'] } }, 'match'],
  ['StringNotEqualsIgnoreCase', { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/dept': ['FINANCE'] } }, 'no-match'],
  ['StringLike with *', { StringLike: { 'aws:PrincipalTag/dept': ['Fin*'] } }, 'match'],
  ['StringLike with ?', { StringLike: { 'aws:PrincipalTag/dept': ['Financ?'] } }, 'match'],
  ['StringLike is case-sensitive', { StringLike: { 'aws:PrincipalTag/dept': ['fin*'] } }, 'no-match'],
  ['StringNotLike', { StringNotLike: { 'aws:PrincipalTag/dept': ['Fin*'] } }, 'no-match'],
  ['a missing key makes a positive operator false', { StringEquals: { 'aws:SourceVpc': ['vpc-1'] } }, 'no-match'],
  ['a missing key makes a negated operator true', { StringNotLike: { 'aws:SourceVpc': ['vpc-*'] } }, 'match'],
  ['IfExists holds when the key is missing', { StringEqualsIfExists: { 'aws:SourceVpc': ['vpc-1'] } }, 'match'],
  ['IfExists compares when the key is present', { StringEqualsIfExists: { 'aws:PrincipalTag/dept': ['HR'] } }, 'no-match'],
]);

table('Numeric', [
  ['NumericEquals', { NumericEquals: { 's3:max-keys': ['10'] } }, 'match'],
  ['NumericNotEquals', { NumericNotEquals: { 's3:max-keys': ['10'] } }, 'no-match'],
  ['NumericLessThan', { NumericLessThan: { 's3:max-keys': ['11'] } }, 'match'],
  ['NumericLessThan at the bound', { NumericLessThan: { 's3:max-keys': ['10'] } }, 'no-match'],
  ['NumericLessThanEquals', { NumericLessThanEquals: { 's3:max-keys': ['10'] } }, 'match'],
  ['NumericGreaterThan', { NumericGreaterThan: { 's3:max-keys': ['9.5'] } }, 'match'],
  ['NumericGreaterThanEquals', { NumericGreaterThanEquals: { 's3:max-keys': ['11'] } }, 'no-match'],
  ['a non-numeric policy value never matches', { NumericEquals: { 's3:max-keys': ['ten'] } }, 'no-match'],
  ['a non-numeric request value never matches', { NumericEquals: { 'aws:PrincipalTag/dept': ['1'] } }, 'no-match'],
]);

table('Date', [
  ['DateGreaterThan with ISO 8601', { DateGreaterThan: { 'aws:CurrentTime': ['2025-12-31T00:00:00Z'] } }, 'match'],
  ['DateLessThan with ISO 8601', { DateLessThan: { 'aws:CurrentTime': ['2025-12-31T00:00:00Z'] } }, 'no-match'],
  ['DateEquals', { DateEquals: { 'aws:CurrentTime': ['2026-01-01T12:00:00Z'] } }, 'match'],
  ['DateNotEquals', { DateNotEquals: { 'aws:CurrentTime': ['2026-01-01T12:00:00Z'] } }, 'no-match'],
  ['DateLessThanEquals with epoch seconds', { DateLessThanEquals: { 'aws:CurrentTime': ['1767268800'] } }, 'match'],
  ['DateGreaterThanEquals on aws:EpochTime', { DateGreaterThanEquals: { 'aws:EpochTime': ['2026-01-01T12:00:00Z'] } }, 'match'],
]);

table('Bool and Binary', [
  ['Bool compares without case', { Bool: { 'aws:SecureTransport': ['TRUE'] } }, 'match'],
  ['Bool false', { Bool: { 'aws:SecureTransport': ['false'] } }, 'no-match'],
  ['Bool on a missing key is false', { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } }, 'no-match'],
  ['BoolIfExists on a missing key is true', { BoolIfExists: { 'aws:MultiFactorAuthPresent': ['false'] } }, 'match'],
  ['BinaryEquals', { BinaryEquals: { 'custom:binary': ['QmluYXJ5'] } }, 'match'],
  ['BinaryEquals other bytes', { BinaryEquals: { 'custom:binary': ['QmluYXJ6'] } }, 'no-match'],
]);

table('IpAddress', [
  ['IPv4 in range', { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }, 'match'],
  ['IPv4 out of range', { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } }, 'no-match'],
  ['a bare address is a /32', { IpAddress: { 'aws:SourceIp': ['203.0.113.7'] } }, 'match'],
  ['NotIpAddress', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }, 'no-match'],
  ['IPv6 in range', { IpAddress: { 'aws:SourceIp6': ['2001:db8::/32'] } }, 'match'],
  ['IPv6 out of range', { IpAddress: { 'aws:SourceIp6': ['2001:db9::/32'] } }, 'no-match'],
  ['IPv4 blocks do not hold IPv6 addresses', { IpAddress: { 'aws:SourceIp6': ['0.0.0.0/0'] } }, 'no-match'],
  ['one of several blocks', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } }, 'match'],
]);

table('Arn', [
  ['ArnEquals', { ArnEquals: { 'aws:SourceArn': ['arn:aws:sns:us-east-1:111122223333:topic'] } }, 'match'],
  ['ArnLike with a wildcard region', { ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*:111122223333:*'] } }, 'match'],
  ['ArnLike keeps segments apart', { ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*:444455556666:*'] } }, 'no-match'],
  ['ArnNotEquals', { ArnNotEquals: { 'aws:SourceArn': ['arn:aws:sns:us-east-1:111122223333:topic'] } }, 'no-match'],
  ['ArnNotLike', { ArnNotLike: { 'aws:SourceArn': ['arn:aws:sqs:*'] } }, 'match'],
]);

table('Null', [
  ['Null true holds when the key is absent', { Null: { 'aws:SourceVpc': ['true'] } }, 'match'],
  ['Null false holds when the key is present', { Null: { 'aws:SecureTransport': ['false'] } }, 'match'],
  ['Null true fails when the key is present', { Null: { 'aws:SecureTransport': ['true'] } }, 'no-match'],
  ['an empty list counts as absent', { Null: { 'aws:EmptyList': ['true'] } }, 'match'],
]);

table('set operators', [
  ['ForAnyValue: one request value matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'z'] } }, 'match'],
  ['ForAnyValue: none matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['z'] } }, 'no-match'],
  ['ForAnyValue: a missing key is false', { 'ForAnyValue:StringEquals': { 'aws:RequestTag/x': ['z'] } }, 'no-match'],
  ['ForAnyValue: an empty set is false', { 'ForAnyValue:StringEquals': { 'aws:EmptyList': ['z'] } }, 'no-match'],
  ['ForAnyValue IfExists: a missing key is true', { 'ForAnyValue:StringEqualsIfExists': { 'aws:RequestTag/x': ['z'] } }, 'match'],
  ['ForAllValues: every request value matches', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b', 'c'] } }, 'match'],
  ['ForAllValues: one does not', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, 'no-match'],
  ['ForAllValues: a missing key is true', { 'ForAllValues:StringEquals': { 'aws:RequestTag/x': ['a'] } }, 'match'],
  ['ForAllValues: an empty set is true', { 'ForAllValues:StringEquals': { 'aws:EmptyList': ['a'] } }, 'match'],
  ['ForAllValues:StringLike', { 'ForAllValues:StringLike': { 'aws:TagKeys': ['?'] } }, 'match'],
  ['ForAnyValue:StringNotEquals: some value is not listed', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } }, 'match'],
  ['ForAllValues:StringNotEquals: one value is listed', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a'] } }, 'no-match'],
]);

table('policy variables', [
  ['a variable in a value', { StringEquals: { 'aws:PrincipalTag/dept': ['${aws:PrincipalTag/dept}'] } }, 'match'],
  ['a variable inside a pattern', { StringLike: { 'aws:SourceArn': ['arn:aws:sns:*:*:${aws:username}*'] } }, 'no-match'],
  ['a default for a missing key', { StringEquals: { 'aws:PrincipalTag/dept': ["${aws:PrincipalTag/missing, 'Finance'}"] } }, 'match'],
  ['an unresolvable variable never matches', { StringEquals: { 'aws:PrincipalTag/dept': ['${aws:PrincipalTag/missing}'] } }, 'no-match'],
  ['${*} is a literal star, not a wildcard', { StringLike: { 'aws:PrincipalTag/dept': ['Fin${*}'] } }, 'no-match'],
]);

describe('reasons', () => {
  it('explains a mismatch and reports keys the request lacks', () => {
    const outcome = run({ StringEquals: { 'aws:SourceVpc': ['vpc-1'] } });
    expect(outcome.reason).toBe('its condition `StringEquals` on `aws:SourceVpc` needs the key, which the request does not carry');
    expect(outcome.missingKeys).toEqual(['aws:SourceVpc']);
    expect(outcome.failedOn).toEqual({ operator: 'StringEquals', key: 'aws:SourceVpc' });
  });

  it('reads `${…}` literally in 2008-10-17 policies, which have no policy variables', () => {
    expect(run({ StringEquals: { 'aws:PrincipalTag/dept': ['${x}'] } }, false).result).toBe('no-match');
  });
});
