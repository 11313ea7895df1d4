import { describe, expect, it } from 'vitest';
import { cursor } from '../../../test/support/text-cursor.ts';
import { iamCompletions, iamHover } from './iam-assist.ts';

const labels = (marked: string): string[] => {
  const [text, pos] = cursor(marked);
  return iamCompletions(text, pos)?.options.map((option) => option.label) ?? [];
};

// Actions, ARN formats and condition keys as the Service Authorization Reference lists them for Amazon S3
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html) and the global keys
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
describe('iamCompletions', () => {
  it.each([
    ['service prefixes before a colon', '{"Statement":[{"Action":"s|"}]}', ['s3:', 'iam:', 'ec2:'], ['s3:GetObject']],
    ['the actions of the service typed', '{"Statement":[{"Action":"s3:Get|"}]}', ['s3:GetObject', 's3:ListBucket', 's3:PutObject'], ['s3:', 'ec2:RunInstances']],
    ['the ARN formats of the statement’s actions, and *', '{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Resource":"|"}]}', ['*', 'arn:aws:s3:::${BucketName}/${ObjectName}', 'arn:aws:s3:::${BucketName}'], ['arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}']],
    ['the ARN formats a wildcard action covers', '{"Statement":[{"Action":"ec2:Start*","Resource":"|"}]}', ['arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}'], ['arn:aws:s3:::${BucketName}']],
    ['only * for actions without resource-level permissions', '{"Statement":[{"Action":"s3:ListAllMyBuckets","Resource":"|"}]}', ['*'], ['arn:aws:s3:::${BucketName}']],
    ['the action’s own and the global condition keys', '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"|":""}}}]}', ['s3:ExistingObjectTag/${TagKey}', 's3:TlsVersion', 'aws:SourceIp', 'aws:PrincipalTag/${TagKey}'], ['s3:x-amz-acl', 'ec2:InstanceType']],
    ['every key of a service for a wildcard action', '{"Statement":[{"Action":"s3:*","Condition":{"StringEquals":{"s3:|":""}}}]}', ['s3:x-amz-acl', 's3:prefix', 'aws:SecureTransport'], []],
    ['global keys alone without an action', '{"Statement":[{"Condition":{"Bool":{"|":""}}}]}', ['aws:SecureTransport', 'aws:MultiFactorAuthPresent'], ['s3:prefix']],
  ])('suggests %s', (_, marked, present, absent) => {
    const found = labels(marked);
    for (const label of present) expect(found).toContain(label);
    for (const label of absent) expect(found).not.toContain(label);
  });

  it('lists a condition key once even when the service and the global list both name it', () => {
    const found = labels('{"Statement":[{"Action":"s3:PutObject","Condition":{"StringEquals":{"|":""}}}]}');
    expect(found.filter((label) => label === 'aws:ResourceTag/${TagKey}')).toHaveLength(found.includes('aws:ResourceTag/${TagKey}') ? 1 : 0);
    expect(new Set(found.map((label) => label.toLowerCase())).size).toBe(found.length);
  });

  it('offers ARN formats as snippets whose placeholders are fields, the partition filled in', () => {
    const [text, pos] = cursor('{"Statement":[{"Action":"s3:GetObject","Resource":"|"}]}');
    const object = iamCompletions(text, pos)?.options.find((option) => option.detail === 's3 object');
    expect(object).toMatchObject({ snippet: 'arn:aws:s3:::${BucketName}/${ObjectName}', type: 'variable' });
  });

  it('describes an action by its access level and resource types', () => {
    const [text, pos] = cursor('{"Statement":[{"Action":"s3:GetOb|"}]}');
    expect(iamCompletions(text, pos)?.options.find((option) => option.label === 's3:GetObject')).toMatchObject({ detail: 'Read', info: expect.stringContaining('object') });
  });

  it.each([
    ['a closed string, replaced whole', '{"Statement":[{"Action":"s3:Ge|tObject"}]}', 's3:GetObject'],
    ['a string still open, replaced up to the cursor', '{"Statement":[{"Action":"s3:Ge|', 's3:Ge'],
  ])('replaces %s', (_, marked, replaced) => {
    const [text, pos] = cursor(marked);
    const result = iamCompletions(text, pos)!;
    expect(text.slice(result.from, result.to)).toBe(replaced);
  });

  it.each([
    ['the Effect', '{"Statement":[{"Effect":"|"}]}'],
    ['a security group document', '{"IpPermissions":[{"IpProtocol":"|"}]}'],
  ])('suggests nothing in %s', (_, marked) => {
    const [text, pos] = cursor(marked);
    expect(iamCompletions(text, pos)).toBeNull();
  });
});

describe('iamHover', () => {
  const hover = (marked: string) => {
    const [text, pos] = cursor(marked);
    return iamHover(text, pos);
  };

  it.each([
    [
      'an action: access level, resource types and its reference page',
      '{"Statement":[{"Action":"s3:Get|Object"}]}',
      { title: 's3:GetObject', url: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-actions-as-permissions' },
      ['Access level: Read', 'Resource types: accesspointobject, object'],
    ],
    [
      'an action without resource-level permissions',
      '{"Statement":[{"Action":"s3:ListAll|MyBuckets"}]}',
      { title: 's3:ListAllMyBuckets' },
      ['No resource-level permissions: the statement needs "Resource": "*"'],
    ],
    ['a wildcard: what it matches', '{"Statement":[{"Action":"sts:Assume|Role*"}]}', { title: 'sts:AssumeRole*' }, ['Matches 3 actions: sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity']],
    [
      'a global condition key: its type and its anchor in the IAM User Guide',
      '{"Statement":[{"Condition":{"IpAddress":{"aws:Source|Ip":"10.0.0.0/8"}}}]}',
      { title: 'aws:SourceIp', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip' },
      ['Global condition key · IPAddress', 'Not present in every request'],
    ],
    ['a global key every request carries', '{"Statement":[{"Condition":{"Bool":{"aws:Secure|Transport":"false"}}}]}', { title: 'aws:SecureTransport' }, ['Global condition key · Bool', 'Present in every request']],
    [
      'a tag key, by its template',
      '{"Statement":[{"Condition":{"StringEquals":{"aws:PrincipalTag/te|am":"x"}}}]}',
      { url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltag' },
      ['Global condition key · String'],
    ],
    [
      'a service condition key: its type and the service’s key table',
      '{"Statement":[{"Condition":{"StringLike":{"s3:pre|fix":"home/"}}}]}',
      { title: 's3:prefix', url: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys' },
      ['Condition key of s3 · String'],
    ],
  ])('explains %s', (_, marked, expected, lines) => {
    const help = hover(marked);
    expect(help).toMatchObject(expected);
    for (const line of lines) expect(help?.lines.join('\n')).toContain(line);
  });

  it.each([
    ['an unknown action', '{"Statement":[{"Action":"s3:GetObjekt|"}]}'],
    ['a resource', '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b|"}]}'],
    ['an unknown condition key', '{"Statement":[{"Condition":{"StringEquals":{"s3:nope|":"x"}}}]}'],
  ])('says nothing about %s', (_, marked) => {
    expect(hover(marked)).toBeNull();
  });
});

describe('iamCompletions validFor', () => {
  const validFor = (marked: string) => {
    const [text, pos] = cursor(marked);
    return iamCompletions(text, pos)!.validFor;
  };

  it.each([
    ['service prefixes, until a colon is typed', '{"Statement":[{"Action":"s|"}]}', ['s', 'sts', 'elasticloadbalancing'], ['s3:', 's3:Get']],
    ['a service’s actions, while the service stays the same', '{"Statement":[{"Action":"s3:G|"}]}', ['s3:', 's3:GetObject', 'S3:get*'], ['s', 'ec2:Get', 's3:Get Object']],
    ['ARN formats, whatever is typed inside the string', '{"Statement":[{"Action":"s3:GetObject","Resource":"ar|"}]}', ['', 'arn:aws:s3:::b/*'], ['arn"']],
  ])('keeps %s', (_, marked, valid, invalid) => {
    const pattern = validFor(marked);
    for (const typed of valid) expect(pattern.test(typed), typed).toBe(true);
    for (const typed of invalid) expect(pattern.test(typed), typed).toBe(false);
  });
});
