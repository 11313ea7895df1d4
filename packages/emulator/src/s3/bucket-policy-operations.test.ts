import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { authorizeBucketAccess, bucketPublicAccess } from './bucket-access.ts';
import { deletePublicAccessBlock, effectivePublicAccessBlock, getBucketPolicyStatus, putAccountPublicAccessBlock, putBucketPolicy, putPublicAccessBlock } from './bucket-policy-operations.ts';
import { createBucket } from './operations.ts';
import { policyPublicity } from './public-policy.ts';

const PUBLIC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status';
const OWNER = '111122223333';
const OTHER = '444455556666';

const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*', ...statement }] });

function bucketWithoutBpa() {
  const state = emptyAccountState();
  createBucket(state, { Bucket: 'site' }, testCtx());
  deletePublicAccessBlock(state, { Bucket: 'site' }, testCtx());
  return state;
}

describe(`the meaning of public, per ${PUBLIC}`, () => {
  it.each([
    ['Principal *', { Principal: '*' }, true],
    ['AWS *', { Principal: { AWS: '*' } }, true],
    ['a fixed account', { Principal: { AWS: `arn:aws:iam::${OTHER}:root` } }, false],
    ['a fixed service principal', { Principal: { Service: 'cloudfront.amazonaws.com' } }, false],
    ['* with a fixed aws:SourceVpce', { Principal: '*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }, false],
    ['* with a wildcard aws:SourceVpce', { Principal: '*', Condition: { StringLike: { 'aws:SourceVpce': 'vpce-*' } } }, true],
    ['* with aws:SourceVpce IfExists', { Principal: '*', Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }, true],
    ['* with a fixed aws:SourceArn', { Principal: '*', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1' } } }, false],
    ['* with a fixed aws:SourceAccount', { Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': OWNER } } }, false],
    ['* with a fixed aws:PrincipalOrgID', { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }, false],
    ['* with aws:SourceIp ranges', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.7'] } } }, false],
    ['* with aws:SourceIp 0.0.0.0/0', { Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }, true],
    ['* with a condition that fixes nothing', { Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, true],
  ])('%s: public %s', (_, statement, isPublic) => {
    expect(policyPublicity(policy(statement)).IsPublic).toBe(isPublic);
  });

  it('a Deny statement never makes a policy public', () => {
    expect(policyPublicity(policy({ Effect: 'Deny', Principal: '*' })).IsPublic).toBe(false);
  });
});

describe('PutBucketPolicy (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html)', () => {
  it('BlockPublicPolicy, on for every new bucket, refuses a public policy with AccessDenied', () => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'site' }, testCtx());
    expect(awsErrorCode(() => putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: '*' }) }, testCtx()))).toBe('AccessDenied');
    expect(awsErrorCode(() => putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: { Service: 'cloudfront.amazonaws.com' } }) }, testCtx()))).toBeUndefined();
  });

  it('the account-level setting applies to a bucket without its own', () => {
    const state = bucketWithoutBpa();
    putAccountPublicAccessBlock(state, { AccountId: OWNER, PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }, testCtx());
    expect(effectivePublicAccessBlock(state, 'site').BlockPublicPolicy).toBe(true);
    expect(awsErrorCode(() => putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: '*' }) }, testCtx()))).toBe('AccessDenied');
  });

  it.each([
    ['not JSON', '{', 'MalformedPolicy'],
    ['no principal', policy({}), 'MalformedPolicy'],
    ['an action of another service', policy({ Principal: { AWS: OTHER }, Action: 'ec2:RunInstances' }), 'MalformedPolicy'],
    ['a resource of another bucket', policy({ Principal: { AWS: OTHER }, Resource: 'arn:aws:s3:::other/*' }), 'MalformedPolicy'],
    ['an object action on the bucket ARN', policy({ Principal: { AWS: OTHER }, Resource: 'arn:aws:s3:::site' }), 'MalformedPolicy'],
    ['ListBucket on the objects', policy({ Principal: { AWS: OTHER }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::site/*' }), 'MalformedPolicy'],
    ['a fine policy', policy({ Principal: { AWS: OTHER } }), undefined],
  ])('%s: %s', (_, text, code) => {
    const state = bucketWithoutBpa();
    expect(awsErrorCode(() => putBucketPolicy(state, { Bucket: 'site', Policy: text }, testCtx()))).toBe(code);
  });

  it('GetBucketPolicyStatus reports a public policy', () => {
    const state = bucketWithoutBpa();
    putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: '*' }) }, testCtx());
    expect(getBucketPolicyStatus(state, { Bucket: 'site' }, testCtx()).PolicyStatus.IsPublic).toBe(true);
  });
});

describe('bucket access with the IAM engine (https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-s3-evaluates-access-control.html)', () => {
  const read = (principalArn: string, callerPolicies: string[] = [], principal?: { type: 'Anonymous' }) => ({ principalArn, action: 's3:GetObject', resource: 'arn:aws:s3:::site/index.html', callerPolicies, ...(principal ? { principal } : {}) });
  const allowRead = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

  it('across accounts both the bucket policy and the caller\'s identity policy must allow', () => {
    const state = bucketWithoutBpa();
    putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: { AWS: `arn:aws:iam::${OTHER}:role/reader` } }) }, testCtx());
    expect(authorizeBucketAccess(state, 'site', OWNER, read(`arn:aws:iam::${OTHER}:role/reader`, [allowRead])).decision).toBe('Allowed');
    expect(authorizeBucketAccess(state, 'site', OWNER, read(`arn:aws:iam::${OTHER}:role/reader`)).decision).toBe('ImplicitDeny');
    expect(authorizeBucketAccess(state, 'site', OWNER, read(`arn:aws:iam::${OTHER}:role/writer`, [allowRead])).decision).toBe('ImplicitDeny');
  });

  it('RestrictPublicBuckets limits a public policy to the owner account and service principals', () => {
    const state = bucketWithoutBpa();
    putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: '*' }) }, testCtx());
    expect(authorizeBucketAccess(state, 'site', OWNER, read('*', [], { type: 'Anonymous' })).decision).toBe('Allowed');
    putPublicAccessBlock(state, { Bucket: 'site', PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }, testCtx());
    expect(authorizeBucketAccess(state, 'site', OWNER, read('*', [], { type: 'Anonymous' })).decision).toBe('ImplicitDeny');
    expect(authorizeBucketAccess(state, 'site', OWNER, read(`arn:aws:iam::${OTHER}:role/reader`, [allowRead])).decision).toBe('ImplicitDeny');
    expect(bucketPublicAccess(state, 'site', OWNER, 'arn:aws:s3:::site/index.html')).toMatchObject({ isPublic: false, grants: [] });
  });

  it('the public-access analysis names who outside the account can read', () => {
    const state = bucketWithoutBpa();
    putBucketPolicy(state, { Bucket: 'site', Policy: policy({ Principal: { AWS: OTHER } }) }, testCtx());
    const analysis = bucketPublicAccess(state, 'site', OWNER, 'arn:aws:s3:::site/index.html');
    expect(analysis.isPublic).toBe(false);
    expect(analysis.grants).toEqual([{ principal: `arn:aws:iam::${OTHER}:root`, actions: ['s3:GetObject'] }]);
  });
});
