import { ACCOUNT, ALICE, allow, boundary, deny, DOCS, EVALUATION, identity, rcp, resource, ROLE, scp, session, SESSION, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

const BOUNDARIES = `${DOCS}/access_policies_boundaries.html`;
const SESSION_POLICIES = `${DOCS}/access_policies.html#policies_session`;
const SCPS = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html';
const RCPS = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html';
const OBJ = 'arn:aws:s3:::amzn-s3-demo-bucket/k';
const S3 = { action: 's3:GetObject', resource: OBJ };
const IAM = { action: 'iam:CreateUser', resource: `arn:aws:iam::${ACCOUNT}:user/x` };

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>, decision: GoldenCase['decision']];

const full = () => scp(0, allow('*'));
const rows: Row[] = [
  ['boundary and identity both allow', BOUNDARIES, [identity(allow('s3:*')), boundary(allow(['s3:*', 'cloudwatch:*', 'ec2:*']))], S3, 'Allowed'],
  ['identity allows beyond the boundary', BOUNDARIES, [identity(allow('iam:*')), boundary(allow(['s3:*', 'cloudwatch:*', 'ec2:*']))], IAM, 'ImplicitDeny'],
  ['a boundary alone grants nothing', BOUNDARIES, [boundary(allow('*'))], S3, 'ImplicitDeny'],
  ['an empty identity side with a boundary', BOUNDARIES, [identity(deny('ec2:*')), boundary(allow('s3:*'))], S3, 'ImplicitDeny'],
  ['a deny in the boundary wins', BOUNDARIES, [identity(allow('s3:*')), boundary(allow('*'), deny('s3:GetObject'))], S3, 'ExplicitDeny'],
  ['a same-account resource policy naming the user is not limited by the boundary', BOUNDARIES, [boundary(allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: ALICE } })], S3, 'Allowed'],
  ['a resource policy naming the role is limited by its boundary', BOUNDARIES, [boundary(allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: ROLE } })], { ...S3, principalArn: SESSION }, 'ImplicitDeny'],
  ['a resource policy naming the session is not limited by the boundary', BOUNDARIES, [boundary(allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: SESSION } })], { ...S3, principalArn: SESSION }, 'Allowed'],
  ['session policy and role policy both allow', SESSION_POLICIES, [identity(allow('s3:*')), session(allow('s3:GetObject'))], { ...S3, principalArn: SESSION }, 'Allowed'],
  ['the session policy does not pass the action', SESSION_POLICIES, [identity(allow('s3:*')), session(allow('s3:ListBucket'))], { ...S3, principalArn: SESSION }, 'ImplicitDeny'],
  ['a session policy grants nothing on its own', SESSION_POLICIES, [session(allow('*'))], { ...S3, principalArn: SESSION }, 'ImplicitDeny'],
  ['a deny in the session policy wins', SESSION_POLICIES, [identity(allow('s3:*')), session(allow('*'), deny('s3:GetObject'))], { ...S3, principalArn: SESSION }, 'ExplicitDeny'],
  ['a resource policy naming the role is limited by the session policy', SESSION_POLICIES, [session(allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: ROLE } })], { ...S3, principalArn: SESSION }, 'ImplicitDeny'],
  ['a resource policy naming the session passes the session policy', SESSION_POLICIES, [session(allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: SESSION } })], { ...S3, principalArn: SESSION }, 'Allowed'],
  ['boundary, session and identity all allow', EVALUATION, [identity(allow('s3:*')), boundary(allow('s3:*')), session(allow('s3:Get*'))], { ...S3, principalArn: SESSION }, 'Allowed'],
  ['the default FullAWSAccess SCP passes identity permissions', SCPS, [full(), identity(allow('s3:*'))], S3, 'Allowed'],
  ['an SCP grants nothing on its own', SCPS, [full()], S3, 'ImplicitDeny'],
  ['an allow-list SCP without the service', SCPS, [scp(0, allow(['ec2:*', 'cloudwatch:*'])), identity(allow('*'))], S3, 'ImplicitDeny'],
  ['every organization level must allow', SCPS, [scp(0, allow('*')), scp(1, allow('ec2:*')), identity(allow('*'))], S3, 'ImplicitDeny'],
  ['every level allows', SCPS, [scp(0, allow('*')), scp(1, allow('s3:*')), scp(2, allow('s3:Get*')), identity(allow('*'))], S3, 'Allowed'],
  ['a deny-list SCP wins over an identity allow', SCPS, [full(), scp(1, allow('*'), deny('s3:*')), identity(allow('*'))], S3, 'ExplicitDeny'],
  ['SCPs also limit the account root user', SCPS, [scp(0, allow('ec2:*'))], { ...S3, principalArn: `arn:aws:iam::${ACCOUNT}:root` }, 'ImplicitDeny'],
  ['SCPs also limit a same-account resource-policy grant', SCPS, [scp(0, allow('ec2:*')), resource({ ...allow('s3:GetObject', OBJ), Principal: { AWS: ALICE } })], S3, 'ImplicitDeny'],
  ['SCPs do not apply to the management account', SCPS, [scp(0, allow('ec2:*')), identity(allow('s3:*'))], { ...S3, principal: { exemptFromScps: true } }, 'Allowed'],
  ['an RCP that allows passes the request', RCPS, [rcp({ ...allow('*'), Principal: '*' }), identity(allow('s3:*'))], S3, 'Allowed'],
  ['an RCP deny wins', RCPS, [rcp({ ...allow('*'), Principal: '*' }, { ...deny('s3:*'), Principal: '*' }), identity(allow('s3:*'))], S3, 'ExplicitDeny'],
  ['the account root user has full access in its own account', EVALUATION, [], { ...S3, principalArn: `arn:aws:iam::${ACCOUNT}:root` }, 'Allowed'],
  ['an explicit deny in a resource policy limits the root user', EVALUATION, [resource({ ...deny('s3:*'), Principal: '*' })], { ...S3, principalArn: `arn:aws:iam::${ACCOUNT}:root` }, 'ExplicitDeny'],
];

/** SCPs, RCPs, permissions boundaries, session policies and how they combine. */
export const policyTypeCases: GoldenCase[] = rows.map(([name, source, policies, request, decision]) => ({ name, source, policies, request, decision }));
