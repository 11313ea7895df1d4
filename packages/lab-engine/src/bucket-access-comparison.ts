import {
  bucketPolicyFor,
  compareAccess,
  principalPolicies,
  roleForArn,
  userForArn,
  witnessUniverse,
  type AccessDifference,
  type AccountState,
  type AuthorizationRequest,
  type PrincipalInfo,
  type SourcePolicy,
} from '@skylab/emulator';
import { parsedPolicy } from '@skylab/validation';

// Who can do what to a bucket, compared between the learner's account and the solution's: every S3 action
// of the catalogue (those neither side can allow are skipped as a whole) by every caller that could tell
// two bucket policies apart — the account's users and roles with their own identity policies and its
// root; another account nobody named, and each account and principal either policy names, each assumed
// to allow itself everything (only the bucket's side is graded); services; and anonymous callers — on the
// bucket, its objects and witness objects drawn from both policies, under every condition witness.

/** A 12-digit account that is neither the lab's nor, by convention, named by a lab policy. */
const STRANGER_ACCOUNT = '999988887777';
const ALLOW_ALL: SourcePolicy = { policyName: "the caller's own policies (assumed to allow everything)", policyType: 'identity', attachment: 'inline', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' };

interface Caller {
  principalArn: string;
  principal?: Omit<PrincipalInfo, 'arn'>;
}

function namedCallers(documents: readonly string[], accountId: string): Caller[] {
  const out: Caller[] = [];
  for (const text of documents) {
    for (const statement of parsedPolicy(text)?.Statement ?? []) {
      for (const element of [statement.Principal, statement.NotPrincipal]) {
        if (element === undefined || element === '*') continue;
        for (const value of element.AWS ?? []) {
          const account = /^\d{12}$/.test(value) ? value : /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
          if (value.startsWith('arn:') && !value.includes('*')) out.push({ principalArn: value });
          if (account && account !== accountId) out.push({ principalArn: `arn:aws:iam::${account}:root` }, { principalArn: `arn:aws:iam::${account}:role/skylab-any-role` });
        }
        for (const service of element.Service ?? []) out.push({ principalArn: service, principal: { type: 'Service' } });
      }
    }
  }
  return out;
}

/** Every caller of the comparison, once each. */
export function bucketCallers(state: AccountState, accountId: string, documents: readonly string[]): Caller[] {
  const own = [...Object.values(state.iam.users).map((u) => u.Arn), ...Object.values(state.iam.roles).map((r) => r.Arn), `arn:aws:iam::${accountId}:root`];
  const all: Caller[] = [
    ...own.map((principalArn) => ({ principalArn })),
    { principalArn: `arn:aws:iam::${STRANGER_ACCOUNT}:role/skylab-any-role` },
    { principalArn: '*', principal: { type: 'Anonymous' } },
    { principalArn: 'lambda.amazonaws.com', principal: { type: 'Service' } },
    ...namedCallers(documents, accountId),
  ];
  return [...new Map(all.map((c) => [c.principalArn, c])).values()];
}

/** The policies that decide a caller's requests on the bucket in one account. */
function policiesFor(state: AccountState, bucket: string, accountId: string, caller: Caller): { policies: SourcePolicy[]; principal?: Omit<PrincipalInfo, 'arn'> } {
  const request: AuthorizationRequest = { principalArn: caller.principalArn, action: '', resource: '', ...(caller.principal ? { principal: caller.principal } : {}) };
  const bucketPolicy = bucketPolicyFor(state, bucket, accountId, request).policy;
  const resource = bucketPolicy ? [bucketPolicy] : [];
  const own = userForArn(state, caller.principalArn) ?? roleForArn(state, caller.principalArn);
  const root = caller.principalArn === `arn:aws:iam::${accountId}:root`;
  if (own || root) {
    const mine = principalPolicies(state, caller.principalArn);
    // The root user holds every permission already; saying so lets the comparison ask every action, so
    // that a Deny of the bucket policy that takes one away from the root shows.
    return { policies: [...resource, ...mine.policies, ...(root ? [ALLOW_ALL] : [])], principal: { ...mine.principal, ...caller.principal } };
  }
  const outsider = caller.principal?.type === 'Anonymous' || caller.principal?.type === 'Service';
  return { policies: [...resource, ...(outsider ? [] : [ALLOW_ALL])], ...(caller.principal ? { principal: caller.principal } : {}) };
}

/** A request the two accounts decide differently, with the caller's policies on the learner's side for the explanation. */
export interface BucketAccessDifference extends AccessDifference {
  minePolicies: SourcePolicy[];
}

/** Compares every caller's access to the bucket in the learner's account (`a`) and the solution's (`b`). */
export function compareBucketAccess(mine: AccountState, theirs: AccountState, bucket: string, where: { accountId: string; region: string }): { evaluated: number; onlyA: BucketAccessDifference[]; onlyB: BucketAccessDifference[]; indeterminate: AuthorizationRequest[] } {
  const documents = [mine, theirs].flatMap((s) => s.s3.buckets[bucket]?.Policy ?? []);
  const objects = Object.keys(mine.s3.buckets[bucket]?.Objects ?? {}).map((key) => `arn:aws:s3:::${bucket}/${key}`);
  const out = { evaluated: 0, onlyA: [] as BucketAccessDifference[], onlyB: [] as BucketAccessDifference[], indeterminate: [] as AuthorizationRequest[] };
  for (const caller of bucketCallers(mine, where.accountId, documents)) {
    const a = policiesFor(mine, bucket, where.accountId, caller);
    const b = policiesFor(theirs, bucket, where.accountId, caller);
    const universe = witnessUniverse({ principalArn: caller.principalArn, ...(a.principal ? { principal: a.principal } : {}), documents, resources: [`arn:aws:s3:::${bucket}`, ...objects], services: ['s3'], ...where });
    const comparison = compareAccess(a.policies, b.policies, { ...universe, resourceAccount: where.accountId });
    out.evaluated += comparison.evaluated;
    out.onlyA.push(...comparison.onlyA.map((d) => ({ ...d, minePolicies: a.policies })));
    out.onlyB.push(...comparison.onlyB.map((d) => ({ ...d, minePolicies: a.policies })));
    out.indeterminate.push(...comparison.indeterminate);
  }
  return out;
}
