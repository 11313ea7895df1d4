import { ACCOUNT, ALICE, allow, deny, DOCS, identity, resource, session, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

// Federated user sessions (GetFederationToken): the session's permissions are the intersection of the IAM
// user's identity-based policies and the session policies passed to the call, and none without them.
const GET_FEDERATION_TOKEN = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html';
const SESSION_POLICIES = `${DOCS}/access_policies.html#policies_session`;
const FEDERATED = `arn:aws:sts::${ACCOUNT}:federated-user/Jane`;
const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
/** Jane's session, requested with Alice's long-term credentials. */
const JANE: Partial<AuthorizationRequest> = { principalArn: FEDERATED, principal: { sessionIssuerArn: ALICE } };
const GET = { ...JANE, action: 's3:GetObject', resource: `${BUCKET}/k` } as const;
const PUT = { ...JANE, action: 's3:PutObject', resource: `${BUCKET}/k` } as const;

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: GoldenCase['request'], decision: GoldenCase['decision']];

const rows: Row[] = [
  ['without session policies a federated user session has no permissions', GET_FEDERATION_TOKEN, [identity(allow('s3:*'))], GET, 'ImplicitDeny'],
  ["with a session policy: what both the user's policies and the session policy allow", GET_FEDERATION_TOKEN, [identity(allow('s3:*')), session(allow('s3:GetObject'))], GET, 'Allowed'],
  ["the user's policies cannot grant beyond the session policy", GET_FEDERATION_TOKEN, [identity(allow('s3:*')), session(allow('s3:GetObject'))], PUT, 'ImplicitDeny'],
  ["the session policy cannot grant beyond the user's policies", GET_FEDERATION_TOKEN, [identity(allow('s3:GetObject')), session(allow('*'))], PUT, 'ImplicitDeny'],
  ['a session policy alone grants nothing', GET_FEDERATION_TOKEN, [session(allow('*'))], GET, 'ImplicitDeny'],
  ["an explicit deny in the user's policies applies to the session", GET_FEDERATION_TOKEN, [identity(allow('s3:*'), deny('s3:GetObject')), session(allow('*'))], GET, 'ExplicitDeny'],
  ['a resource-based policy naming the federated user session allows on its own, beyond the session policies', GET_FEDERATION_TOKEN, [resource({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: FEDERATED } })], GET, 'Allowed'],
  ['a resource-based policy naming the IAM user is limited by the session policies', SESSION_POLICIES, [resource({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: ALICE } }), session(allow('s3:ListBucket'))], GET, 'ImplicitDeny'],
  ['a resource-based policy naming the IAM user counts within the session policies', SESSION_POLICIES, [resource({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: ALICE } }), session(allow('s3:GetObject'))], GET, 'Allowed'],
  ['a resource-based policy naming the IAM user grants nothing to a session without session policies', SESSION_POLICIES, [resource({ ...allow('s3:GetObject', `${BUCKET}/*`), Principal: { AWS: ALICE } })], GET, 'ImplicitDeny'],
  ['a federated user session cannot call IAM operations through the API, whatever its policies', GET_FEDERATION_TOKEN, [identity(allow('*')), session(allow('*'))], { ...JANE, action: 'iam:ListUsers', resource: '*' }, 'ImplicitDeny'],
  ['nor STS operations other than GetCallerIdentity', GET_FEDERATION_TOKEN, [identity(allow('*')), session(allow('*'))], { ...JANE, action: 'sts:AssumeRole', resource: `arn:aws:iam::${ACCOUNT}:role/app` }, 'ImplicitDeny'],
];

/** GetFederationToken sessions. */
export const federatedUserCases: GoldenCase[] = rows.map(([name, source, policies, request, decision]) => ({ name, source, policies, request, decision }));
