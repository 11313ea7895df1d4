import { allow, deny, DOCS, EVALUATION, identity, type GoldenCase } from './harness.ts';

const ACTION = `${DOCS}/reference_policies_elements_action.html`;
const NOT_ACTION = `${DOCS}/reference_policies_elements_notaction.html`;
const RESOURCE = `${DOCS}/reference_policies_elements_resource.html`;
const NOT_RESOURCE = `${DOCS}/reference_policies_elements_notresource.html`;
const OBJ = 'arn:aws:s3:::amzn-s3-demo-bucket/photo.jpg';
const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';

type Row = [name: string, source: string, policies: GoldenCase['policies'], action: string, resource: string, decision: GoldenCase['decision']];

const rows: Row[] = [
  ['no policy is an implicit deny', EVALUATION, [], 's3:GetObject', OBJ, 'ImplicitDeny'],
  ['an allow allows', EVALUATION, [identity(allow('s3:GetObject', `${BUCKET}/*`))], 's3:GetObject', OBJ, 'Allowed'],
  ['a deny overrides an allow in another policy', EVALUATION, [identity(allow('s3:*')), identity(deny('s3:GetObject'))], 's3:GetObject', OBJ, 'ExplicitDeny'],
  ['a deny overrides an allow in the same policy', EVALUATION, [identity(allow('s3:*'), deny('s3:*', OBJ))], 's3:GetObject', OBJ, 'ExplicitDeny'],
  ['a deny for another action does not matter', EVALUATION, [identity(allow('s3:*'), deny('s3:PutObject'))], 's3:GetObject', OBJ, 'Allowed'],
  ['a deny alone does not allow anything', EVALUATION, [identity(deny('s3:PutObject'))], 's3:GetObject', OBJ, 'ImplicitDeny'],
  ['action names are case-insensitive', ACTION, [identity(allow('S3:GETOBJECT'))], 's3:GetObject', OBJ, 'Allowed'],
  ['the service prefix is case-insensitive too', ACTION, [identity(allow('S3:GetObject'))], 's3:getobject', OBJ, 'Allowed'],
  ['`*` is every action', ACTION, [identity(allow('*'))], 'ec2:RunInstances', '*', 'Allowed'],
  ['`s3:*` is every S3 action', ACTION, [identity(allow('s3:*'))], 's3:DeleteBucket', BUCKET, 'Allowed'],
  ['`s3:*` is not an IAM action', ACTION, [identity(allow('s3:*'))], 'iam:CreateUser', '*', 'ImplicitDeny'],
  ['a prefix wildcard', ACTION, [identity(allow('iam:*AccessKey*'))], 'iam:CreateAccessKey', '*', 'Allowed'],
  ['a prefix wildcard does not cover others', ACTION, [identity(allow('iam:*AccessKey*'))], 'iam:CreateUser', '*', 'ImplicitDeny'],
  ['`?` is one character', ACTION, [identity(allow('s3:?etObject'))], 's3:GetObject', OBJ, 'Allowed'],
  ['`?` is exactly one character', ACTION, [identity(allow('s3:?GetObject'))], 's3:GetObject', OBJ, 'ImplicitDeny'],
  ['one of several actions', ACTION, [identity(allow(['sqs:SendMessage', 's3:GetObject']))], 's3:GetObject', OBJ, 'Allowed'],
  ['Allow with NotAction grants everything but the listed actions', NOT_ACTION, [identity({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], 's3:GetObject', OBJ, 'Allowed'],
  ['Allow with NotAction does not grant the listed ones', NOT_ACTION, [identity({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })], 'iam:CreateUser', '*', 'ImplicitDeny'],
  ['Deny with NotAction denies everything else', NOT_ACTION, [identity(allow('*'), { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })], 's3:GetObject', OBJ, 'ExplicitDeny'],
  ['Deny with NotAction leaves the listed actions to other statements', NOT_ACTION, [identity(allow('*'), { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })], 'iam:ListUsers', '*', 'Allowed'],
  ['a bucket pattern does not cover its objects', RESOURCE, [identity(allow('s3:GetObject', BUCKET))], 's3:GetObject', OBJ, 'ImplicitDeny'],
  ['an object pattern does not cover the bucket', RESOURCE, [identity(allow('s3:ListBucket', `${BUCKET}/*`))], 's3:ListBucket', BUCKET, 'ImplicitDeny'],
  ['`*` in the resource part spans `/`', RESOURCE, [identity(allow('s3:GetObject', `${BUCKET}/*`))], 's3:GetObject', `${BUCKET}/a/b/c.jpg`, 'Allowed'],
  ['resource ARNs are case-sensitive', RESOURCE, [identity(allow('s3:GetObject', 'arn:aws:s3:::AMZN-S3-DEMO-BUCKET/*'))], 's3:GetObject', OBJ, 'ImplicitDeny'],
  ['a wildcard region', RESOURCE, [identity(allow('ec2:StopInstances', 'arn:aws:ec2:*:111122223333:instance/*'))], 'ec2:StopInstances', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', 'Allowed'],
  ['a wildcard does not cross into the account segment', RESOURCE, [identity(allow('ec2:StopInstances', 'arn:aws:ec2:*:111122223333:instance/*'))], 'ec2:StopInstances', 'arn:aws:ec2:eu-west-1:444455556666:instance/i-1', 'ImplicitDeny'],
  ['a user path pattern', RESOURCE, [identity(allow('iam:GetUser', 'arn:aws:iam::111122223333:user/division_abc/*'))], 'iam:GetUser', 'arn:aws:iam::111122223333:user/division_abc/subdivision_xyz/bob', 'Allowed'],
  ['a log-group pattern with colons', RESOURCE, [identity(allow('logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:app:*'))], 'logs:PutLogEvents', 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1', 'Allowed'],
  ['Allow with NotResource grants every other resource', NOT_RESOURCE, [identity({ Effect: 'Allow', Action: 's3:*', NotResource: `${BUCKET}/secret/*` })], 's3:GetObject', OBJ, 'Allowed'],
  ['Allow with NotResource does not grant the listed ones', NOT_RESOURCE, [identity({ Effect: 'Allow', Action: 's3:*', NotResource: `${BUCKET}/secret/*` })], 's3:GetObject', `${BUCKET}/secret/k`, 'ImplicitDeny'],
  ['Deny with NotResource denies every other resource', NOT_RESOURCE, [identity(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] })], 's3:GetObject', 'arn:aws:s3:::other/k', 'ExplicitDeny'],
  ['Deny with NotResource spares the listed ones', NOT_RESOURCE, [identity(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] })], 's3:GetObject', OBJ, 'Allowed'],
];

/** Action, NotAction, Resource and NotResource matching. */
export const actionsAndResources: GoldenCase[] = rows.map(([name, source, policies, action, resource, decision]) => ({ name, source, policies, request: { action, resource }, decision }));
