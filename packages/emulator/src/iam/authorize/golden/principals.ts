import { ACCOUNT, ALICE, allow, boundary, deny, DOCS, identity, resource, ROLE, SESSION, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

const PRINCIPAL = `${DOCS}/reference_policies_elements_principal.html`;
const NOT_PRINCIPAL = `${DOCS}/reference_policies_elements_notprincipal.html`;
const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
const GET = { action: 's3:GetObject', resource: `${BUCKET}/k` };

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>, decision: GoldenCase['decision']];

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
  ['Deny with NotPrincipal denies everyone else', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/carol`, `arn:aws:iam::${ACCOUNT}:root`] } })], { ...GET, principalArn: `arn:aws:iam::444455556666:user/x`, resourceAccount: ACCOUNT }, 'ExplicitDeny'],
  ['Deny with NotPrincipal spares the listed user', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'Allowed'],
  ['Deny with NotPrincipal spares a session whose role is listed', NOT_PRINCIPAL, [identity(allow('s3:*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: [ROLE, SESSION] } })], { ...GET, principalArn: SESSION }, 'Allowed'],
  ['Deny with NotPrincipal always applies to principals with a boundary', `${DOCS}/access_policies_boundaries.html`, [identity(allow('s3:*')), boundary(allow('*')), bucketPolicy({ ...deny('s3:*', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'ExplicitDeny'],
  ['Allow with NotPrincipal grants everyone else', NOT_PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carol` } })], GET, 'Allowed'],
  ['Allow with NotPrincipal does not grant the listed user', NOT_PRINCIPAL, [bucketPolicy({ ...allow('s3:GetObject', `${BUCKET}/*`), NotPrincipal: { AWS: ALICE } })], GET, 'ImplicitDeny'],
];

/** The Principal and NotPrincipal elements of resource-based policies. */
export const principalCases: GoldenCase[] = rows.map(([name, source, policies, request, decision]) => ({ name, source, policies, request, decision }));
