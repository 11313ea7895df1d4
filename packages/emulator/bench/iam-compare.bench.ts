// Side by side with @cloud-copilot/iam-simulate (issue 3): the same three requests through both engines in one
// run, their decisions checked equal first. iam-simulate is AGPL: a dev dependency called through its public
// API here only, never imported by anything under src/ (eslint.config.js).
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { evaluatePolicies, type AuthorizationRequest, type SourcePolicy } from '../src/index.ts';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const text = (...Statement: object[]) => JSON.stringify(doc(...Statement));
const USER = 'arn:aws:iam::111122223333:user/alice';

interface Case {
  label: string;
  ours: { policies: SourcePolicy[]; request: AuthorizationRequest };
  theirs: Simulation;
}

const simpleStatement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const twenty = Array.from({ length: 20 }, (_, i) => ({
  Effect: i % 5 === 0 ? 'Deny' : 'Allow',
  Action: ['s3:Get*', 's3:List*'],
  Resource: `arn:aws:s3:::bucket-${i}/*`,
  Condition: { StringEquals: { 'aws:PrincipalTag/team': ['data', 'ops'] }, Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
}));
const conditionsContext = { 'aws:PrincipalTag/team': 'ops', 'aws:SecureTransport': 'true', 'aws:SourceIp': '10.1.2.3' };
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const denyOrganizations = { Effect: 'Deny', Action: 'organizations:*', Resource: '*' };
const identity = { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' };
const boundary = { Effect: 'Allow', Action: ['sqs:*', 's3:*'], Resource: '*' };
const queuePolicy = { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Principal: { AWS: '111122223333' } };
const QUEUE = 'arn:aws:sqs:us-east-1:444455556666:orders';

const none = { serviceControlPolicies: [], resourceControlPolicies: [] };
const cases: Case[] = [
  {
    label: 'simple policy (1 statement)',
    ours: {
      policies: [{ policyName: 'p', policyType: 'identity', attachment: 'inline', document: text(simpleStatement) }],
      request: { principalArn: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/b.txt' },
    },
    theirs: {
      ...none,
      identityPolicies: [{ name: 'p', policy: doc(simpleStatement) }],
      request: { principal: USER, action: 's3:GetObject', resource: { resource: 'arn:aws:s3:::bucket/a/b.txt', accountId: '111122223333' }, contextVariables: {} },
    },
  },
  {
    label: '20 statements with conditions',
    ours: {
      policies: [{ policyName: 'p20', policyType: 'identity', attachment: 'inline', document: text(...twenty) }],
      request: { principalArn: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-19/a/b.txt', context: conditionsContext },
    },
    theirs: {
      ...none,
      identityPolicies: [{ name: 'p20', policy: doc(...twenty) }],
      request: { principal: USER, action: 's3:GetObject', resource: { resource: 'arn:aws:s3:::bucket-19/a/b.txt', accountId: '111122223333' }, contextVariables: conditionsContext },
    },
  },
  {
    label: 'cross-account with boundary and 2 SCP levels',
    ours: {
      policies: [
        { policyName: 'scp-root', policyType: 'scp', level: 0, document: text(allowAll) },
        { policyName: 'scp-ou', policyType: 'scp', level: 1, document: text(allowAll, denyOrganizations) },
        { policyName: 'id', policyType: 'identity', attachment: 'inline', document: text(identity) },
        { policyName: 'boundary', policyType: 'boundary', document: text(boundary) },
        { policyName: 'queue', policyType: 'resource', document: text(queuePolicy) },
      ],
      request: { principalArn: USER, action: 'sqs:SendMessage', resource: QUEUE },
    },
    theirs: {
      serviceControlPolicies: [
        { orgIdentifier: 'r-root', policies: [{ name: 'scp-root', policy: doc(allowAll) }] },
        { orgIdentifier: 'ou-1', policies: [{ name: 'scp-ou', policy: doc(allowAll, denyOrganizations) }] },
      ],
      resourceControlPolicies: [],
      identityPolicies: [{ name: 'id', policy: doc(identity) }],
      permissionBoundaryPolicies: [{ name: 'boundary', policy: doc(boundary) }],
      resourcePolicy: doc(queuePolicy),
      request: { principal: USER, action: 'sqs:SendMessage', resource: { resource: QUEUE, accountId: '444455556666' }, contextVariables: {} },
    },
  },
];

// Both engines name the same three outcomes, only spelled differently.
const THEIR_DECISION = { Allowed: 'Allowed', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' } as const;

async function perSecond(seconds: number, work: () => unknown | Promise<unknown>): Promise<number> {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) for (let i = 0; i < 100; i++) await work();
  let runs = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await work();
    runs += 100;
  }
  return runs / ((performance.now() - start) / 1000);
}

function syncPerSecond(seconds: number, work: () => unknown): number {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) for (let i = 0; i < 1000; i++) work();
  let runs = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) work();
    runs += 1000;
  }
  return runs / ((performance.now() - start) / 1000);
}

// runUnsafeSimulation skips the validation that also prepares a resource policy, and throws on one: n/a there.
function unsafeOrError(simulation: Simulation): string | undefined {
  try {
    return THEIR_DECISION[runUnsafeSimulation(simulation, {})];
  } catch {
    return undefined;
  }
}

// Cold: a fresh policy text (a new `Id`) and a fresh caller on every request, so nothing either engine
// caches by text, object or caller can answer it; warm: the same inputs again and again.
let serial = 0;
const withId = (document: string, id: string) => document.replace(/^\{/, `{"Id":"${id}",`);
function coldOurs(c: Case): { policies: SourcePolicy[]; request: AuthorizationRequest } {
  const id = `cold${++serial}`;
  return { policies: c.ours.policies.map((p) => ({ ...p, document: withId(p.document, id) })), request: { ...c.ours.request, principalArn: `${USER}-${id}` } };
}
function coldTheirs(c: Case): Simulation {
  const id = `cold${++serial}`;
  const fresh = <T extends { policy: object }>(p: T): T => ({ ...p, policy: { Id: id, ...p.policy } });
  const t = c.theirs;
  return {
    ...t,
    serviceControlPolicies: t.serviceControlPolicies.map((level) => ({ ...level, policies: level.policies.map(fresh) })),
    identityPolicies: t.identityPolicies.map(fresh),
    ...(t.permissionBoundaryPolicies ? { permissionBoundaryPolicies: t.permissionBoundaryPolicies.map(fresh) } : {}),
    ...(t.resourcePolicy ? { resourcePolicy: { Id: id, ...t.resourcePolicy } } : {}),
    request: { ...t.request, principal: `${USER}-${id}` },
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(11);
let mismatches = 0;
console.log(`${'request'.padEnd(46)} ${'skylab/s'.padStart(11)} ${'simulate/s'.padStart(11)} ${'ratio'.padStart(7)} ${'unsafe/s'.padStart(11)} ${'ratio'.padStart(7)}`);
const cold: string[] = [];
for (const c of cases) {
  const { label, ours, theirs } = c;
  const ourDecision = evaluatePolicies(ours.policies, ours.request).decision;
  const checked = await runSimulation(theirs, {});
  const theirDecision = checked.resultType === 'error' ? `error: ${checked.errors.message}` : THEIR_DECISION[checked.overallResult];
  const unsafeDecision = unsafeOrError(theirs);
  if (ourDecision !== theirDecision || (unsafeDecision !== undefined && ourDecision !== unsafeDecision)) {
    mismatches++;
    console.error(`!!! DECISION MISMATCH on "${label}": skylab ${ourDecision}, iam-simulate ${theirDecision} (unsafe: ${unsafeDecision}) !!!`);
  }
  const skylab = syncPerSecond(2, () => evaluatePolicies(ours.policies, ours.request));
  const simulate = await perSecond(2, () => runSimulation(theirs, {}));
  const unsafe = unsafeDecision === undefined ? undefined : syncPerSecond(2, () => runUnsafeSimulation(theirs, {}));
  const unsafeColumns = unsafe === undefined ? `${'n/a'.padStart(11)} ${''.padStart(7)}` : `${fmt(unsafe)} ${`${(skylab / unsafe).toFixed(1)}×`.padStart(7)}`;
  console.log(`${label.padEnd(46)} ${fmt(skylab)} ${fmt(simulate)} ${`${(skylab / simulate).toFixed(1)}×`.padStart(7)} ${unsafeColumns}  (${ourDecision})`);
  const coldCheck = coldOurs(c);
  if (evaluatePolicies(coldCheck.policies, coldCheck.request).decision !== ourDecision) {
    mismatches++;
    console.error(`!!! the cold inputs of "${label}" change skylab's decision !!!`);
  }
  const skylabCold = syncPerSecond(1, () => {
    const fresh = coldOurs(c);
    return evaluatePolicies(fresh.policies, fresh.request);
  });
  const simulateCold = await perSecond(1, () => runSimulation(coldTheirs(c), {}));
  cold.push(`${label.padEnd(46)} ${fmt(skylabCold)} ${fmt(simulateCold)} ${`${(skylabCold / simulateCold).toFixed(1)}×`.padStart(7)}`);
}
console.log(`\ncold: a fresh policy text and caller on every request, nothing cached`);
console.log(`${'request'.padEnd(46)} ${'skylab/s'.padStart(11)} ${'simulate/s'.padStart(11)} ${'ratio'.padStart(7)}`);
for (const line of cold) console.log(line);
console.log('warm = the same inputs every request; simulate = runSimulation (validates inputs, as its README shows); unsafe = runUnsafeSimulation (no validation; n/a where it throws)');
if (mismatches > 0) {
  console.error(`${mismatches} decision mismatch(es) between skylab and iam-simulate`);
  process.exitCode = 1;
}
