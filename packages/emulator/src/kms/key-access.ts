import type { Ctx } from '../ctx.ts';
import { evaluatePolicies } from '../iam/authorize/evaluate.ts';
import type { KmsKey } from './state.ts';

// What another account needs of a key to create volumes from (or copy) a snapshot shared with it
// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html): the key policy
// must let it describe the key, create grants, decrypt, re-encrypt and generate data keys. The other
// account's own IAM policies are not modelled: its administrator is taken to allow itself everything, so the
// key policy alone decides, asked through EC2. A condition the evaluator cannot decide denies (fail closed).
const OTHER_ACCOUNT_ADMIN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] });
const SHARED_SNAPSHOT_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:GenerateDataKeyWithoutPlaintext'] as const;

/** Why an account cannot use the key for a shared snapshot: the first action the key policy does not allow it, or undefined when it may. */
export function keyUseRefusal(key: KmsKey, accountId: string, ctx: Ctx): string | undefined {
  const principalArn = `arn:aws:iam::${accountId}:root`;
  const context = { 'kms:CallerAccount': accountId, 'kms:ViaService': `ec2.${ctx.region}.amazonaws.com` };
  for (const action of SHARED_SNAPSHOT_ACTIONS) {
    const result = evaluatePolicies([
        { policyName: 'key policy', policyType: 'resource', document: key.Policy },
        { policyName: 'administrator of the other account', policyType: 'identity', document: OTHER_ACCOUNT_ADMIN },
      ], { principalArn, action, resource: key.Arn, context, resourceAccount: ctx.accountId });
    if (result.decision !== 'Allowed') return `the key policy of \`${key.KeyId}\` does not allow account \`${accountId}\` to call \`${action}\``;
  }
  return undefined;
}
