import { ACCOUNT, ALICE, allow, BOB_OTHER, boundary, CROSS_ACCOUNT, deny, DOCS, EVALUATION, identity, OTHER, resource, ROLE, SESSION, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

const ROLES = `${DOCS}/id_roles_common-scenarios_aws-accounts.html`;
const TRUST = `${DOCS}/id_roles_terms-and-concepts.html`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`;
const SEND = { action: 'sqs:SendMessage' };

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>, decision: GoldenCase['decision']];

const principal = (AWS: string | string[]) => ({ Principal: { AWS } });
const rows: Row[] = [
  ['cross-account: both sides allow', CROSS_ACCOUNT, [identity(allow('sqs:SendMessage')), resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(BOB_OTHER) })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'Allowed'],
  ['cross-account: only the resource policy allows', CROSS_ACCOUNT, [resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(BOB_OTHER) })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'ImplicitDeny'],
  ['cross-account: only the identity policy allows', CROSS_ACCOUNT, [identity(allow('sqs:SendMessage'))], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'ImplicitDeny'],
  ['cross-account: the resource policy trusts the whole other account', CROSS_ACCOUNT, [identity(allow('sqs:*')), resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(OTHER) })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'Allowed'],
  ['cross-account: the resource policy names another account', CROSS_ACCOUNT, [identity(allow('sqs:*')), resource({ ...allow('sqs:SendMessage', QUEUE), ...principal('999988887777') })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'ImplicitDeny'],
  ['cross-account: the caller boundary still limits', CROSS_ACCOUNT, [identity(allow('sqs:*')), boundary(allow('s3:*')), resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(BOB_OTHER) })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'ImplicitDeny'],
  ['cross-account: a deny in the resource policy wins', CROSS_ACCOUNT, [identity(allow('sqs:*')), resource({ ...allow('sqs:*', QUEUE), ...principal(OTHER) }, { ...deny('sqs:SendMessage', QUEUE), ...principal(BOB_OTHER) })], { ...SEND, principalArn: BOB_OTHER, resource: QUEUE }, 'ExplicitDeny'],
  ['cross-account: the owner is given for an S3 bucket', CROSS_ACCOUNT, [identity(allow('s3:GetObject'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::their-bucket/k', resourceAccount: OTHER }, 'ImplicitDeny'],
  ['cross-account: the bucket owner grants the caller', CROSS_ACCOUNT, [identity(allow('s3:GetObject')), resource({ ...allow('s3:GetObject', 'arn:aws:s3:::their-bucket/*'), ...principal(ALICE) })], { action: 's3:GetObject', resource: 'arn:aws:s3:::their-bucket/k', resourceAccount: OTHER }, 'Allowed'],
  ['cross-account: a resource in the caller account needs no resource policy', CROSS_ACCOUNT, [identity(allow('sqs:*'))], { ...SEND, resource: QUEUE }, 'Allowed'],
  ['same account: a resource policy naming the user allows on its own', EVALUATION, [resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(ALICE) })], { ...SEND, resource: QUEUE }, 'Allowed'],
  ['same account: a resource policy naming the account delegates to IAM', EVALUATION, [resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(`arn:aws:iam::${ACCOUNT}:root`) })], { ...SEND, resource: QUEUE }, 'ImplicitDeny'],
  ['same account: account delegation plus an identity allow', EVALUATION, [identity(allow('sqs:SendMessage')), resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(ACCOUNT) })], { ...SEND, resource: QUEUE }, 'Allowed'],
  ['same account: a resource policy naming the role allows its session', EVALUATION, [resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(ROLE) })], { ...SEND, principalArn: SESSION, resource: QUEUE }, 'Allowed'],
  ['same account: Principal `*` allows anyone', EVALUATION, [resource({ ...allow('sqs:SendMessage', QUEUE), Principal: '*' })], { ...SEND, resource: QUEUE }, 'Allowed'],
  ['same account: a resource policy for another user', EVALUATION, [resource({ ...allow('sqs:SendMessage', QUEUE), ...principal(`arn:aws:iam::${ACCOUNT}:user/carol`) })], { ...SEND, resource: QUEUE }, 'ImplicitDeny'],
  ['trust policy: another account may assume with its own permission', ROLES, [identity(allow('sts:AssumeRole', ROLE)), resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(`arn:aws:iam::${OTHER}:root`) })], { action: 'sts:AssumeRole', principalArn: BOB_OTHER, resource: ROLE }, 'Allowed'],
  ['trust policy: the other account has not granted sts:AssumeRole', ROLES, [resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(`arn:aws:iam::${OTHER}:root`) })], { action: 'sts:AssumeRole', principalArn: BOB_OTHER, resource: ROLE }, 'ImplicitDeny'],
  ['trust policy: a same-account user named in it needs no identity permission', TRUST, [resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(ALICE) })], { action: 'sts:AssumeRole', resource: ROLE }, 'Allowed'],
  ['trust policy: the same account root needs an identity permission', TRUST, [resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(ACCOUNT) })], { action: 'sts:AssumeRole', resource: ROLE }, 'ImplicitDeny'],
  ['trust policy: an identity allow alone cannot assume a role in the same account', EVALUATION, [identity(allow('sts:AssumeRole')), resource({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } })], { action: 'sts:AssumeRole', resource: ROLE }, 'ImplicitDeny'],
  ['trust policy: the same account root plus an identity permission', TRUST, [identity(allow('sts:AssumeRole', ROLE)), resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(ACCOUNT) })], { action: 'sts:AssumeRole', resource: ROLE }, 'Allowed'],
  ['trust policy: an empty trust policy lets nobody in, the root of the account included', EVALUATION, [identity(allow('sts:*')), resource({ Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } })], { action: 'sts:AssumeRole', principalArn: `arn:aws:iam::${ACCOUNT}:root`, resource: ROLE }, 'ImplicitDeny'],
  ['trust policy: a service principal', TRUST, [resource({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } })], { action: 'sts:AssumeRole', principalArn: 'ec2.amazonaws.com', resource: ROLE }, 'Allowed'],
  ['trust policy: another service is not trusted', TRUST, [resource({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } })], { action: 'sts:AssumeRole', principalArn: 'lambda.amazonaws.com', resource: ROLE }, 'ImplicitDeny'],
  ['trust policy: ExternalId must match', ROLES, [identity(allow('sts:AssumeRole')), resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(OTHER), Condition: { StringEquals: { 'sts:ExternalId': 'Unique1' } } })], { action: 'sts:AssumeRole', principalArn: BOB_OTHER, resource: ROLE, context: { 'sts:ExternalId': 'Wrong' } }, 'ImplicitDeny'],
  ['trust policy: the right ExternalId', ROLES, [identity(allow('sts:AssumeRole')), resource({ Effect: 'Allow', Action: 'sts:AssumeRole', ...principal(OTHER), Condition: { StringEquals: { 'sts:ExternalId': 'Unique1' } } })], { action: 'sts:AssumeRole', principalArn: BOB_OTHER, resource: ROLE, context: { 'sts:ExternalId': 'Unique1' } }, 'Allowed'],
];

/** Cross-account requests, same-account resource policies and role trust policies. */
export const crossAccountCases: GoldenCase[] = rows.map(([name, source, policies, request, decision]) => ({ name, source, policies, request, decision }));
