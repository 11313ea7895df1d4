import { ACCOUNT, ALICE, allow, BOB_OTHER, boundary, deny, DOCS, identity, OTHER, resource, ROLE, SESSION, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

const PRINCIPAL = `${DOCS}/reference_policies_elements_principal.html`;
const NOT_PRINCIPAL = `${DOCS}/reference_policies_elements_notprincipal.html`;
const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const PARTIAL = '`NotPrincipal` naming a caller without its account (and role)';
const NOT_PRINCIPAL_ALLOW = '`NotPrincipal` with `Allow`';
const GET = { action: 's3:GetObject', resource: `${BUCKET}/k` };

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>, decision: GoldenCase['decision'], more?: Pick<GoldenCase, 'determinate' | 'unsupported'>];

const bucketPolicy = (...statements: object[]) => resource(...statements);
const rows: Row[] = [
  ['Principal names the user', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: ALICE } })], GET, 'Allowed'],
  ['Principal as a list', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/carol`, ALICE] } })], GET, 'Allowed'],
  ['Principal wildcards inside ARNs match nothing', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/*` } })], GET, 'ImplicitDeny'],
  ['Principal {"AWS": "*"} is everyone', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: '*' } })], GET, 'Allowed'],
  ['anonymous callers only through Principal `*`', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: '*' })], { ...GET, principalArn: '*' }, 'Allowed'],
  ['anonymous callers are not IAM users', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: ALICE } })], { ...GET, principalArn: '*' }, 'ImplicitDeny'],
  ['a session named by its session ARN', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: SESSION } })], { ...GET, principalArn: SESSION }, 'Allowed'],
  ['another session of the same role', PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: SESSION } })], { ...GET, principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/s2` }, 'ImplicitDeny'],
  ['a service principal in a bucket policy', PRINCIPAL, [bucketPolicy({ ...allow('s3:PutObject', `${BUCKET}/*`), Principal: { Service: 'logging.s3.amazonaws.com' } })], { action: 's3:PutObject', resource: `${BUCKET}/log`, principalArn: 'logging.s3.amazonaws.com' }, 'Allowed'],
  ['a service gets nothing from identity policies', PRINCIPAL, [identity(allow('*'))], { action: 's3:PutObject', resource: `${BUCKET}/log`, principalArn: 'logging.s3.amazonaws.com' }, 'ImplicitDeny'],
  ['Deny with NotPrincipal denies everyone else', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/carol`, ROOT] } })], { ...GET, principalArn: `arn:aws:iam::444455556666:user/x`, resourceAccount: ACCOUNT }, 'ExplicitDeny'],
  ['Deny with NotPrincipal spares the user listed with its account', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [ALICE, ROOT] } })], GET, 'Allowed'],
  ['Deny with NotPrincipal listing a user and the account denies the account\'s other users', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/carol`, ROOT] } })], GET, 'ExplicitDeny'],
  ['Deny with NotPrincipal listing only the account does not spare its users', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ROOT } })], GET, 'ExplicitDeny'],
  ['Deny with NotPrincipal listing only the account (by id) does not spare its role sessions', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ACCOUNT } })], { ...GET, principalArn: SESSION }, 'ExplicitDeny'],
  ['Deny with NotPrincipal listing only the account spares the account root user', NOT_PRINCIPAL, [bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ROOT } })], { ...GET, principalArn: ROOT }, 'Allowed'],
  ['Deny with NotPrincipal naming a user without its account might deny it', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'ImplicitDeny', { determinate: false, unsupported: [PARTIAL] }],
  ['Deny with NotPrincipal naming a user without its account cannot matter for another action', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:PutObject', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'Allowed'],
  ['Deny with NotPrincipal spares a session whose role, session and account are listed', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [ROLE, SESSION, ROOT] } })], { ...GET, principalArn: SESSION }, 'Allowed'],
  ['Deny with NotPrincipal spares a session whose role and account are listed', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [ROLE, ROOT] } })], { ...GET, principalArn: SESSION }, 'Allowed'],
  ['Deny with NotPrincipal naming a session but not its role might deny it', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [SESSION, ROOT] } })], { ...GET, principalArn: SESSION }, 'ImplicitDeny', { determinate: false, unsupported: [PARTIAL] }],
  ['Deny with NotPrincipal from another account denies the caller\'s account', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [BOB_OTHER, `arn:aws:iam::${OTHER}:root`] } })], GET, 'ExplicitDeny'],
  ['Deny with NotPrincipal always applies to principals with a boundary', `${DOCS}/access_policies_boundaries.html`, [identity(allow('s3:*')), boundary(allow('*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [ALICE, ROOT] } })], GET, 'ExplicitDeny'],
  ['NotPrincipal with Allow is not supported: it never allows', NOT_PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carol` } })], GET, 'ImplicitDeny', { determinate: false, unsupported: [NOT_PRINCIPAL_ALLOW] }],
  ['NotPrincipal with Allow is not supported, the listed user included', NOT_PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'ImplicitDeny', { determinate: false, unsupported: [NOT_PRINCIPAL_ALLOW] }],
];

/** The Principal and NotPrincipal elements of resource-based policies. */
export const principalCases: GoldenCase[] = rows.map(([name, source, policies, request, decision, more]) => ({ name, source, policies, request, decision, ...more }));
