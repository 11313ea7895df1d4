import { validatePolicy } from '@skylab/validation';
import type { Ctx } from '../ctx.ts';
import { AlreadyExistsException, MalformedPolicyDocumentException, NotFoundException, ValidationException } from './errors.ts';
import type { KmsKey, WithKms } from './state.ts';
import { getRecord, setRecord } from '../records.ts';

// The few KMS actions EBS and ECR encryption need (https://docs.aws.amazon.com/kms/latest/APIReference/).
// Key material, grants, rotation and multi-Region keys are not modelled: a key is its id, manager and policy.

const POLICY_LIMIT = 32768;

function keyArn(keyId: string, ctx: Ctx): string {
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;
}

/** The key policy KMS gives a key created without one: the account may use it, so IAM policies count (key-policy-default.html). */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }] });
}

// An AWS managed key may be used only through its service and only by its own account
// (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key): the policy says so
// with `kms:ViaService` and `kms:CallerAccount`, which is why snapshots encrypted with it cannot be shared.
function awsManagedPolicy(service: string, ctx: Ctx): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': ctx.accountId, 'kms:ViaService': `${service}.${ctx.region}.amazonaws.com` } },
      },
    ],
  });
}

function checkPolicy(policy: string): void {
  if (policy.length > POLICY_LIMIT) throw new MalformedPolicyDocumentException(`a key policy is at most ${POLICY_LIMIT} characters`);
  const { policy: parsed, findings } = validatePolicy(policy, { policyType: 'resource' });
  if (!parsed) throw new MalformedPolicyDocumentException(findings.find((f) => f.severity === 'error')?.message ?? 'the key policy is not valid');
}

function store(state: WithKms, key: Omit<KmsKey, 'KeyId' | 'Arn' | 'KeyState' | 'CreationDate'>, ctx: Ctx): KmsKey {
  const KeyId = ctx.ids.next('');
  const stored: KmsKey = { KeyId, Arn: keyArn(KeyId, ctx), KeyState: 'Enabled', CreationDate: new Date(ctx.clock.now()).toISOString(), ...key };
  return setRecord(state.kms.keys, KeyId, stored);
}

/** CreateKey: a symmetric customer managed key, with the given key policy or the default one. */
export function createKey(state: WithKms, input: { Description?: string; Policy?: string }, ctx: Ctx): { KeyMetadata: Omit<KmsKey, 'Policy'> } {
  if (input.Policy !== undefined) checkPolicy(input.Policy);
  const { Policy: _policy, ...KeyMetadata } = store(state, { KeyManager: 'CUSTOMER', Description: input.Description ?? '', Policy: input.Policy ?? defaultKeyPolicy(ctx.accountId) }, ctx);
  return { KeyMetadata };
}

/** CreateAlias: `alias/name` for a customer managed key; `alias/aws/` is reserved for AWS managed keys. */
export function createAlias(state: WithKms, input: { AliasName: string; TargetKeyId: string }, ctx: Ctx): Record<string, never> {
  if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(input.AliasName)) throw new ValidationException(`\`${input.AliasName}\` is not an alias name: \`alias/\` and letters, digits, \`/_-\``);
  if (input.AliasName.startsWith('alias/aws/')) throw new ValidationException(`the alias prefix \`alias/aws/\` is reserved for AWS managed keys`);
  if (getRecord(state.kms.aliases, input.AliasName)) throw new AlreadyExistsException(`the alias \`${input.AliasName}\` already exists`);
  const key = findKey(state, input.TargetKeyId, ctx);
  setRecord(state.kms.aliases, input.AliasName, key.KeyId);
  return {};
}

/** PutKeyPolicy: replaces the key policy (the only policy name is `default`). */
export function putKeyPolicy(state: WithKms, input: { KeyId: string; Policy: string; PolicyName?: string }, ctx: Ctx): Record<string, never> {
  if ((input.PolicyName ?? 'default') !== 'default') throw new ValidationException('the only key policy name is `default`');
  const key = findKey(state, input.KeyId, ctx);
  if (key.KeyManager === 'AWS') throw new ValidationException(`the policy of the AWS managed key \`${key.KeyId}\` cannot be changed`);
  checkPolicy(input.Policy);
  key.Policy = input.Policy;
  return {};
}

/** DescribeKey: a key by id, ARN, alias name or alias ARN. */
export function describeKey(state: WithKms, input: { KeyId: string }, ctx: Ctx): { KeyMetadata: Omit<KmsKey, 'Policy'> } {
  const { Policy: _policy, ...KeyMetadata } = findKey(state, input.KeyId, ctx);
  return { KeyMetadata };
}

/** GetKeyPolicy: the key policy document. */
export function getKeyPolicy(state: WithKms, input: { KeyId: string }, ctx: Ctx): { Policy: string; PolicyName: 'default' } {
  return { Policy: findKey(state, input.KeyId, ctx).Policy, PolicyName: 'default' };
}

/** The AWS managed key of a service (`aws/ebs`), made on first use as AWS does. */
export function awsManagedKey(state: WithKms, service: 'ebs' | 'ecr', ctx: Ctx): KmsKey {
  const alias = `alias/aws/${service}`;
  const existing = getRecord(state.kms.aliases, alias);
  const key = existing ? getRecord(state.kms.keys, existing) : undefined;
  if (key) return key;
  const made = store(state, { KeyManager: 'AWS', Description: `Default key that protects my ${service.toUpperCase()} data when no other key is defined`, Policy: awsManagedPolicy(service, ctx) }, ctx);
  setRecord(state.kms.aliases, alias, made.KeyId);
  return made;
}

/**
 * A key by any of the identifiers KMS takes: key id, key ARN, `alias/name` or alias ARN. `alias/aws/ebs`
 * names the AWS managed key, made on first use. Keys of other accounts are not modelled (`NotFoundException`).
 */
export function findKey(state: WithKms, id: string, ctx: Ctx): KmsKey {
  const alias = /^(?:arn:aws:kms:[^:]+:\d{12}:)?(alias\/.+)$/.exec(id)?.[1];
  if (alias === 'alias/aws/ebs' || alias === 'alias/aws/ecr') return awsManagedKey(state, alias === 'alias/aws/ebs' ? 'ebs' : 'ecr', ctx);
  const keyId = alias ? getRecord(state.kms.aliases, alias) : (/^arn:aws:kms:[^:]+:\d{12}:key\/(.+)$/.exec(id)?.[1] ?? id);
  const key = keyId === undefined ? undefined : getRecord(state.kms.keys, keyId);
  if (!key || (id.startsWith('arn:') && !id.includes(`:${ctx.accountId}:`))) throw new NotFoundException(`the key \`${id}\` does not exist in this account and region`);
  return key;
}
