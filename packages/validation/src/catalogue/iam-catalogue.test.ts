import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOGUE_SERVICES, conditionKeyType, expandActionPattern, iamCatalogue, resourceOfType, resourceTypesFor } from './iam-catalogue.ts';

describe('the generated IAM catalogue', () => {
  it('lists the curriculum services completely and knows every service prefix', () => {
    expect(CATALOGUE_SERVICES).toEqual(['iam', 'sts', 's3', 'ec2', 'elasticloadbalancing', 'autoscaling', 'cloudwatch', 'logs', 'ecr', 'ssm', 'kms', 'sns', 'sqs', 'lambda', 'dynamodb', 'organizations']);
    expect(iamCatalogue.hasService('RDS')).toBe(true);
    expect(iamCatalogue.hasService('s4')).toBe(false);
    expect(iamCatalogue.actions('rds')).toBeUndefined();
    expect(iamCatalogue.actions('ec2')?.length).toBeGreaterThan(500);
  });

  it.each([
    ['s3:GetObject', 'Read', ['accesspointobject', 'object']],
    ['s3:ListAllMyBuckets', 'List', []],
    ['iam:PassRole', 'Write', ['role']],
    ['iam:attachrolepolicy', 'Permissions management, Write', ['role']],
    ['sts:AssumeRole', 'Write', ['role']],
    ['ec2:DescribeInstances', 'List', []],
    ['sqs:SendMessage', 'Write', ['queue']],
    ['dynamodb:GetItem', 'Read', ['table']],
  ])('describes `%s`', (name, level, types) => {
    const action = iamCatalogue.action(name);
    expect(action?.accessLevel).toBe(level);
    expect(resourceTypesFor(name)?.map((t) => t.name)).toEqual(types);
    expect(iamCatalogue.action(...(name.split(':') as [string, string]))).toBe(action);
  });

  it('gives each action its resource types with ARN formats and the condition keys it supports', () => {
    expect(resourceTypesFor('iam:PassRole')).toEqual([{ name: 'role', arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', required: true }]);
    expect(iamCatalogue.action('iam:PassRole')?.conditionKeys).toContain('iam:PassedToService');
    expect(iamCatalogue.action('s3:GetObject')?.conditionKeys).toContain('s3:ExistingObjectTag/<key>');
    expect(resourceTypesFor('s3:NoSuchAction')).toBeUndefined();
    expect(resourceTypesFor('rds:DescribeDBInstances')).toBeUndefined();
  });

  it.each([
    ['s3:Get*', 'AtLeast', 30, 's3:GetObject'],
    ['s3:getobject', 'Exactly', 1, 's3:GetObject'],
    ['ec2:Describe*', 'AtLeast', 150, 'ec2:DescribeInstances'],
    ['*:ListTagsForResource', 'AtLeast', 5, 'sqs:ListQueueTags'],
    ['sts:AssumeRole*', 'AtLeast', 3, 'sts:AssumeRoleWithSAML'],
  ] as const)('expands `%s`', (pattern, how, count, example) => {
    const expanded = expandActionPattern(pattern);
    if (how === 'Exactly') expect(expanded).toHaveLength(count);
    else expect(expanded.length).toBeGreaterThanOrEqual(count);
    if (pattern !== '*:ListTagsForResource') expect(expanded).toContain(example);
  });

  it('expands `*` to every catalogue action and a foreign service to nothing', () => {
    expect(expandActionPattern('*').length).toBe(CATALOGUE_SERVICES.reduce((n, s) => n + (iamCatalogue.actions(s)?.length ?? 0), 0));
    expect(expandActionPattern('rds:*')).toEqual([]);
  });

  it.each([
    ['aws:SourceIp', 'IPAddress'],
    ['s3:max-keys', 'Numeric'],
    ['S3:Prefix', 'String'],
    ['s3:ExistingObjectTag/classification', 'String'],
    ['ec2:ResourceTag/team', 'String'],
    ['ec2:Encrypted', 'Bool'],
    ['iam:PolicyARN', 'ARN'],
    ['aws:RequestTag/env', 'String'],
    ['kms:EncryptionContextKeys', 'ArrayOfString'],
    ['custom:Unknown', undefined],
  ])('types the condition key `%s`', (key, type) => {
    expect(conditionKeyType(key)).toBe(type);
  });

  it.each([
    ['arn:aws:s3:::b/k', 's3:GetObject', true],
    ['arn:aws:s3:::b', 's3:GetObject', false],
    ['arn:aws:s3:::b', 's3:ListBucket', true],
    ['arn:aws:iam::111122223333:role/app/worker', 'iam:PassRole', true],
    ['arn:aws:iam::111122223333:user/alice', 'iam:PassRole', false],
  ] as const)('says whether `%s` is a resource of `%s`', (arn, action, expected) => {
    expect(resourceTypesFor(action)!.some((t) => resourceOfType(arn, t))).toBe(expected);
  });

  it('stays compact', () => {
    expect(readFileSync(new URL('./catalogue-data.ts', import.meta.url), 'utf8').length).toBeLessThan(400_000);
  });
});
