import { ACCOUNT, ALICE, allow, GLOBAL_KEYS, identity, ROLE, SESSION, VARIABLES, when, type GoldenCase } from './harness.ts';
import type { AuthorizationRequest } from '../types.ts';

const HOME = 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*';
const OBJ = (user: string) => `arn:aws:s3:::amzn-s3-demo-bucket/home/${user}/notes.txt`;

type Row = [name: string, source: string, policies: GoldenCase['policies'], request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>, decision: GoldenCase['decision']];

const rows: Row[] = [
  ['${aws:username} in Resource: own folder', VARIABLES, [identity(allow('s3:GetObject', HOME))], { action: 's3:GetObject', resource: OBJ('alice') }, 'Allowed'],
  ["${aws:username} in Resource: another user's folder", VARIABLES, [identity(allow('s3:GetObject', HOME))], { action: 's3:GetObject', resource: OBJ('bob') }, 'ImplicitDeny'],
  ['${aws:username} is absent for a role session, so nothing matches', VARIABLES, [identity(allow('s3:GetObject', HOME))], { principalArn: SESSION, action: 's3:GetObject', resource: OBJ('app') }, 'ImplicitDeny'],
  ['a default value stands in for a missing key', VARIABLES, [identity(allow('s3:GetObject', "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:PrincipalTag/team, 'shared'}/*"))], { action: 's3:GetObject', resource: OBJ('shared') }, 'Allowed'],
  ['a present key wins over the default', VARIABLES, [identity(allow('s3:GetObject', "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:PrincipalTag/team, 'shared'}/*"))], { action: 's3:GetObject', resource: OBJ('shared'), context: { 'aws:PrincipalTag/team': 'ops' } }, 'ImplicitDeny'],
  ['${aws:PrincipalTag/…} in Resource', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:PrincipalTag/team}/*'))], { action: 's3:GetObject', resource: OBJ('ops'), principal: { tags: { team: 'ops' } } }, 'Allowed'],
  ['${*} is a literal star', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/${*}/k'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*/k' }, 'Allowed'],
  ['${*} does not act as a wildcard', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/${*}/k'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/x/k' }, 'ImplicitDeny'],
  ['${?} is a literal question mark', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/what${?}'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/what?' }, 'Allowed'],
  ['${?} does not act as a wildcard', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/what${?}'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/whatx' }, 'ImplicitDeny'],
  ['${$} is a literal dollar', VARIABLES, [identity(allow('s3:GetObject', 'arn:aws:s3:::amzn-s3-demo-bucket/${$}price'))], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/$price' }, 'Allowed'],
  ['2008-10-17 policies have no variables', VARIABLES, [{ policyName: 'old', policyType: 'identity', document: JSON.stringify({ Version: '2008-10-17', Statement: [allow('s3:GetObject', HOME)] }) }], { action: 's3:GetObject', resource: 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/x' }, 'Allowed'],
  ['a variable in a condition value', VARIABLES, [identity(allow('s3:ListBucket', '*', when({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } })))], { action: 's3:ListBucket', resource: 'arn:aws:s3:::amzn-s3-demo-bucket', context: { 's3:prefix': 'home/alice/a' } }, 'Allowed'],
  ['matching tags: request tag equals principal tag', VARIABLES, [identity(allow('ec2:RunInstances', '*', when({ StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } })))], { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestTag/team': 'ops' }, principal: { tags: { team: 'ops' } } }, 'Allowed'],
  ['matching tags: a different request tag', VARIABLES, [identity(allow('ec2:RunInstances', '*', when({ StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } })))], { action: 'ec2:RunInstances', resource: '*', context: { 'aws:RequestTag/team': 'web' }, principal: { tags: { team: 'ops' } } }, 'ImplicitDeny'],
  ['aws:username is derived for IAM users', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:username': 'alice' } })))], { action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalArn is the user ARN', GLOBAL_KEYS, [identity(allow('*', '*', when({ ArnEquals: { 'aws:PrincipalArn': ALICE } })))], { action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalArn is the role ARN for a session', GLOBAL_KEYS, [identity(allow('*', '*', when({ ArnEquals: { 'aws:PrincipalArn': ROLE } })))], { principalArn: SESSION, action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalAccount', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:PrincipalAccount': ACCOUNT } })))], { action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalType of a user', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:PrincipalType': 'User' } })))], { action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalType of a session', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:PrincipalType': 'AssumedRole' } })))], { principalArn: SESSION, action: 's3:GetObject', resource: '*' }, 'Allowed'],
  ['aws:PrincipalTag from the principal', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:PrincipalTag/Department': 'Finance' } })))], { action: 's3:GetObject', resource: '*', principal: { tags: { department: 'Finance' } } }, 'Allowed'],
  ['aws:CurrentTime from the request time', GLOBAL_KEYS, [identity(allow('*', '*', when({ DateLessThan: { 'aws:CurrentTime': '2026-02-01T00:00:00Z' } })))], { action: 's3:GetObject', resource: '*', time: Date.UTC(2026, 0, 15) }, 'Allowed'],
  ['aws:EpochTime from the request time', GLOBAL_KEYS, [identity(allow('*', '*', when({ NumericGreaterThan: { 'aws:EpochTime': '1767225600' } })))], { action: 's3:GetObject', resource: '*', time: Date.UTC(2026, 0, 15) }, 'Allowed'],
  ['aws:MultiFactorAuthAge from the session', GLOBAL_KEYS, [identity(allow('*', '*', when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } })))], { action: 's3:GetObject', resource: '*', time: Date.UTC(2026, 0, 1, 0, 30), principal: { multiFactorAuthPresent: true, multiFactorAuthTime: Date.UTC(2026, 0, 1) } }, 'Allowed'],
  ['a caller-supplied key wins over a derived one', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:username': 'carol' } })))], { action: 's3:GetObject', resource: '*', context: { 'aws:username': 'carol' } }, 'Allowed'],
  ['aws:ResourceAccount from the resource ARN', GLOBAL_KEYS, [identity(allow('*', '*', when({ StringEquals: { 'aws:ResourceAccount': ACCOUNT } })))], { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q` }, 'Allowed'],
];

/** Policy variables and the global context keys derived from the caller and the request. */
export const variableCases: GoldenCase[] = rows.map(([name, source, policies, request, decision]) => ({ name, source, policies, request, decision }));
