import { stsActions } from '../sts/actions.ts';
import { STS_API_OPERATIONS } from './api-operations.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import type { FieldSpec } from './input.ts';
import type { ActionBinding, WireService } from './types.ts';

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';

// STS decides its own calls: GetCallerIdentity needs no permission at all, and AssumeRole checks the role's
// trust policy together with the caller's permissions itself (API_AssumeRole.html), so none of these goes
// through the wire's generic IAM check.
const bindings: Partial<Record<keyof typeof stsActions, ActionBinding>> = {
  GetCallerIdentity: { input: {}, unauthorized: true },
  AssumeRole: {
    input: {
      RoleArn: R,
      RoleSessionName: R,
      DurationSeconds: 'integer',
      ExternalId: S,
      Policy: S,
      PolicyArns: { list: { struct: { arn: S } } },
      Tags: { list: { struct: { Key: R, Value: R } } },
      SerialNumber: S,
      TokenCode: S,
      SourceIdentity: S,
    },
    unauthorized: true,
  },
  GetSessionToken: { input: { DurationSeconds: 'integer', SerialNumber: S, TokenCode: S }, unauthorized: true },
  // GetFederationToken authorizes `sts:GetFederationToken` on the federated user itself (API_GetFederationToken.html).
  GetFederationToken: {
    input: { Name: R, DurationSeconds: 'integer', Policy: S, PolicyArns: { list: { struct: { arn: S } } }, Tags: { list: { struct: { Key: R, Value: R } } } },
    unauthorized: true,
  },
};

/** STS over the Query protocol (https://docs.aws.amazon.com/STS/latest/APIReference/). */
export const stsService: WireService = {
  signingName: 'sts',
  actionPrefix: 'sts',
  protocols: [queryProtocol],
  version: '2011-06-15',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  actions: stsActions,
  apiOperations: STS_API_OPERATIONS,
  bindings,
};
