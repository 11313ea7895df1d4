// IAM evaluator throughput: simple, 20-statement-with-conditions, and cross-account with boundary and SCPs;
// plus the wildcard matcher on the inputs that make backtracking matchers explode.
import { accessUniverse, attachUserPolicy, authorize, compareAccess, createUser, emptyAccountState, evaluatePolicies, explainAuthorization, globMatch, principalPolicies, putUserPolicy, type AuthorizationRequest, type SourcePolicy } from '../src/index.ts';
import { testCtx } from '../src/test-ctx.ts';

function rate(label: string, seconds: number, work: () => void, warmup = 10_000): void {
  for (let i = 0; i < warmup; i++) work();
  let runs = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) work();
    runs += 1000;
  }
  const perSecond = runs / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} evaluations/s`);
}

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const USER = 'arn:aws:iam::111122223333:user/alice';

const simple: SourcePolicy[] = [{ policyName: 'p', policyType: 'identity', attachment: 'inline', document: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }) }];
const simpleRequest: AuthorizationRequest = { principalArn: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/b.txt' };

const twenty = Array.from({ length: 20 }, (_, i) => ({
  Effect: i % 5 === 0 ? 'Deny' : 'Allow',
  Action: ['s3:Get*', 's3:List*'],
  Resource: `arn:aws:s3:::bucket-${i}/*`,
  Condition: { StringEquals: { 'aws:PrincipalTag/team': ['data', 'ops'] }, Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
}));
const conditions: SourcePolicy[] = [{ policyName: 'p20', policyType: 'identity', attachment: 'inline', document: doc(...twenty) }];
const conditionsRequest: AuthorizationRequest = {
  principalArn: USER,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket-19/a/b.txt',
  context: { 'aws:PrincipalTag/team': 'ops', 'aws:SecureTransport': 'true', 'aws:SourceIp': '10.1.2.3' },
};

const cross: SourcePolicy[] = [
  { policyName: 'scp-root', policyType: 'scp', level: 0, document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
  { policyName: 'scp-ou', policyType: 'scp', level: 1, document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'organizations:*', Resource: '*' }) },
  { policyName: 'id', policyType: 'identity', attachment: 'inline', document: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) },
  { policyName: 'boundary', policyType: 'boundary', document: doc({ Effect: 'Allow', Action: ['sqs:*', 's3:*'], Resource: '*' }) },
  { policyName: 'queue', policyType: 'resource', document: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Principal: { AWS: '111122223333' } }) },
];
const crossRequest: AuthorizationRequest = { principalArn: USER, action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:444455556666:orders' };

for (const [label, policies, request] of [
  ['simple policy (1 statement)', simple, simpleRequest],
  ['20 statements with conditions', conditions, conditionsRequest],
  ['cross-account with boundary and 2 SCP levels', cross, crossRequest],
] as const) {
  const result = evaluatePolicies(policies, request);
  if (result.decision !== 'Allowed') throw new Error(`${label}: expected Allowed, got ${result.decision}`);
  rate(`${label}, warm`, 2, () => evaluatePolicies(policies, request));
  // Cold: a fresh policy text (a new `Id`) and a fresh caller every request, so no compiled policy or
  // described principal is reused: what a never-seen submission costs.
  let serial = 0;
  rate(`${label}, cold`, 1, () => {
    const id = `cold${++serial}`;
    evaluatePolicies(
      policies.map((p) => ({ ...p, document: p.document.replace(/^\{/, `{"Id":"${id}",`) })),
      { ...request, principalArn: `${request.principalArn}-${id}` },
    );
  }, 200);
}

// authorize() on an account: the caller's policies and principal come from account state. Before the
// per-caller cache every request rebuilt them, as `principalPolicies` + `evaluatePolicies` still do here.
const ctx = testCtx();
const account = emptyAccountState();
createUser(account, { UserName: 'alice' }, ctx);
putUserPolicy(account, { UserName: 'alice', PolicyName: 'p', PolicyDocument: simple[0]?.document ?? '' }, ctx);
attachUserPolicy(account, { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, ctx);
const accountRequest: AuthorizationRequest = { principalArn: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/b.txt' };
if (authorize(account, accountRequest).decision !== 'Allowed') throw new Error('authorize on an account: expected Allowed');
rate('authorize() on an account, rebuilt (before)', 2, () => {
  const { policies, principal } = principalPolicies(account, accountRequest.principalArn);
  evaluatePolicies(policies, { ...accountRequest, principal: { ...principal } });
});
rate('authorize() on an account, cached per caller', 2, () => authorize(account, accountRequest));

rate('simple policy, explained in words', 2, () => explainAuthorization(evaluatePolicies(simple, simpleRequest)));
rate('20 statements, explained with wildcards expanded', 1, () => explainAuthorization(evaluatePolicies(conditions, conditionsRequest), { expandWildcards: true }));

const universe = accessUniverse({ principalArn: USER, services: ['s3'], resources: ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/a/b.txt'] });
const broad: SourcePolicy[] = [{ policyName: 'broad', policyType: 'identity', attachment: 'inline', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }];
rate(`compareAccess on ${universe.length} s3 requests (comparisons)`, 1, () => compareAccess(broad, simple, universe));

function time(label: string, runs: number, work: () => void): void {
  work();
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  console.log(`${label.padEnd(52)} ${((performance.now() - start) / runs).toFixed(4).padStart(12)} ms/op`);
}

const arn = `arn:aws:s3:::${'a'.repeat(4096)}`;
time('globMatch 100 `*a` + `b` against a 4 KB ARN', 200, () => globMatch(`${'*a'.repeat(100)}b`, arn));
time('globMatch a*a*…b (2000 stars) on 4000 a', 20, () => globMatch(`${'a*'.repeat(2000)}b`, 'a'.repeat(4000)));
time('globMatch *x*y*z on 100 KB', 20, () => globMatch('*x*y*z', 'xy'.repeat(50_000)));
