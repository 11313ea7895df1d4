import { describe, expect, it } from 'vitest';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { awsManagedKey, createAlias, createKey, describeKey, getKeyPolicy, putKeyPolicy } from './operations.ts';
import { emptyKmsState } from './state.ts';

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html and key-policy-default.html
describe('KMS keys', () => {
  it('finds a key by id, ARN, alias and alias ARN, and gives a new key the default key policy', () => {
    const ctx = testCtx();
    const state = { kms: emptyKmsState() };
    const key = createKey(state, { Description: 'ebs' }, ctx).KeyMetadata;
    createAlias(state, { AliasName: 'alias/ebs', TargetKeyId: key.KeyId }, ctx);
    for (const id of [key.KeyId, key.Arn, 'alias/ebs', 'arn:aws:kms:us-east-1:111122223333:alias/ebs']) expect(describeKey(state, { KeyId: id }, ctx).KeyMetadata.KeyId).toBe(key.KeyId);
    expect(JSON.parse(getKeyPolicy(state, { KeyId: key.KeyId }, ctx).Policy)).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*' }] });
    expect(awsErrorCode(() => describeKey(state, { KeyId: 'arn:aws:kms:us-east-1:444455556666:key/x' }, ctx))).toBe('NotFoundException');
  });

  it('makes the AWS managed key once, and keeps its alias and policy out of reach', () => {
    const ctx = testCtx();
    const state = { kms: emptyKmsState() };
    const managed = awsManagedKey(state, 'ebs', ctx);
    expect(describeKey(state, { KeyId: 'alias/aws/ebs' }, ctx).KeyMetadata).toMatchObject({ KeyId: managed.KeyId, KeyManager: 'AWS' });
    expect(awsErrorCode(() => createAlias(state, { AliasName: 'alias/aws/mine', TargetKeyId: managed.KeyId }, ctx))).toBe('ValidationException');
    expect(awsErrorCode(() => putKeyPolicy(state, { KeyId: managed.KeyId, Policy: '{}' }, ctx))).toBe('ValidationException');
    expect(awsErrorCode(() => createKey(state, { Policy: '{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}' }, ctx))).toBe('MalformedPolicyDocumentException');
  });
});
