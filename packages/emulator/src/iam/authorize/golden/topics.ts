import { actionsAndResources } from './actions-resources.ts';
import { conditionCases } from './conditions.ts';
import { crossAccountCases } from './cross-account.ts';
import { evaluationCases } from './evaluation.ts';
import { federatedUserCases } from './federated-users.ts';
import type { GoldenCase } from './harness.ts';
import { kmsKeyPolicyCases } from './kms-key-policies.ts';
import { policyTypeCases } from './policy-types.ts';
import { principalCases } from './principals.ts';
import { variableCases } from './variables.ts';

/** Every IAM golden case, by the file it is written in. */
export const GOLDEN_TOPICS: Record<string, GoldenCase[]> = {
  'evaluation.ts': evaluationCases,
  'actions-resources.ts': actionsAndResources,
  'conditions.ts': conditionCases,
  'variables.ts': variableCases,
  'policy-types.ts': policyTypeCases,
  'cross-account.ts': crossAccountCases,
  'principals.ts': principalCases,
  'federated-users.ts': federatedUserCases,
  'kms-key-policies.ts': kmsKeyPolicyCases,
};
