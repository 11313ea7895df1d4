import { evaluatePolicies, explainAuthorization, witnessUniverse, type AccessComparison, type AuthorizationRequest, type AuthorizationResult, type SourcePolicy } from '@skylab/emulator';
import { expandActionPattern, parsedPolicy, type Lab } from '@skylab/validation';
import { comparisonResult } from './access-comparison-result.ts';
import { errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { contextOf } from './context-of.ts';

// A trust policy is graded by whom it lets assume the role, for every STS action: the services, the
// account's own root, users and roles, other accounts and federated identities — the ones either policy
// names, plus ones nobody named — under every condition witness. A trust policy grants when one of its
// Allow statements names the caller and none of its Deny statements applies; what the caller's own
// policies add is the caller's business, not the trust policy's (id_roles_terms-and-concepts.html).

type Spec = NonNullable<Lab['checks'][number]['equivalent-access']>;
type Caller = { principalArn: string; principal?: AuthorizationRequest['principal'] };

/** A 12-digit account that is neither the lab's nor named by either policy. */
const STRANGER_ACCOUNT = '999988887777';
const STRANGER_SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com', 'glue.amazonaws.com'];
const STRANGER_FEDERATED = ['cognito-identity.amazonaws.com', 'accounts.google.com'];

function accountCallers(account: string): string[] {
  return [`arn:aws:iam::${account}:root`, `arn:aws:iam::${account}:user/skylab-any-user`, `arn:aws:iam::${account}:role/skylab-any-role`];
}

function named(documents: string[]): { aws: string[]; services: string[]; federated: string[] } {
  const out = { aws: [] as string[], services: [] as string[], federated: [] as string[] };
  for (const text of documents) {
    for (const statement of parsedPolicy(text)?.Statement ?? []) {
      for (const element of [statement.Principal, statement.NotPrincipal]) {
        if (element === undefined || element === '*') continue;
        for (const value of element.AWS ?? []) {
          const account = /^\d{12}$/.test(value) ? value : /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
          if (value.startsWith('arn:')) out.aws.push(value.replace(/\*/g, 'skylab-any'));
          if (account) out.aws.push(...accountCallers(account));
        }
        out.services.push(...(element.Service ?? []));
        out.federated.push(...(element.Federated ?? []));
      }
    }
  }
  return out;
}

function callers(input: CheckInput, documents: string[]): Caller[] {
  const state = input.state;
  const own = [...Object.values(state.iam.users).map((u) => u.Arn), ...Object.values(state.iam.roles).map((r) => r.Arn)];
  const fromPolicies = named(documents);
  const aws = [...own, ...accountCallers(input.accountId ?? '111122223333'), ...accountCallers(STRANGER_ACCOUNT), ...fromPolicies.aws];
  const services = [...STRANGER_SERVICES, ...fromPolicies.services];
  const federated = [...STRANGER_FEDERATED, ...fromPolicies.federated];
  return [
    ...[...new Set(aws)].map((principalArn) => ({ principalArn })),
    ...[...new Set(services)].map((principalArn) => ({ principalArn, principal: { type: 'Service' as const } })),
    ...[...new Set(federated)].map((principalArn) => ({ principalArn, principal: { type: 'FederatedUser' as const } })),
  ];
}

/** Whether the trust policy itself lets the caller in: an Allow of the policy names them and no Deny applies. */
function grants(result: AuthorizationResult): boolean {
  return result.decision !== 'ExplicitDeny' && result.matchedStatements.some((s) => s.effect === 'Allow' && s.policyType === 'resource');
}

/** Compares two trust policies of one role over every caller, STS action and condition witness. */
export function compareTrust(input: CheckInput, roleName: string, answer: string, solution: string, spec: Spec): CheckRun {
  const role = input.state.iam.roles[roleName];
  if (!role) return errored(input, LAB_PROBLEM, `the role \`${roleName}\` is not in the lab's account`);
  const trust = (policyName: string, document: string): SourcePolicy[] => [{ policyName, policyType: 'resource', document }];
  const learner = trust('your trust policy', answer);
  const reference = trust('the reference trust policy', solution);
  const { contexts = [{}] } = witnessUniverse({
    principalArn: role.Arn,
    documents: [answer, solution],
    services: [],
    ...(spec.contexts ? { contexts: spec.contexts.map((c) => contextOf(c)) } : {}),
    accountId: input.accountId ?? '',
    region: input.region ?? 'us-east-1',
  });
  const out: AccessComparison = { onlyA: [], onlyB: [], bothAllow: 0, neitherAllows: 0, evaluated: 0, deniedActions: 0, indeterminate: [] };
  for (const caller of callers(input, [answer, solution])) {
    for (const action of expandActionPattern('sts:*')) {
      for (const context of contexts) {
        const request: AuthorizationRequest = { ...caller, action, resource: role.Arn, context };
        const [mine, theirs] = [evaluatePolicies(learner, request), evaluatePolicies(reference, request)];
        out.evaluated++;
        if (!mine.determinate || !theirs.determinate) out.indeterminate.push(request);
        const [a, b] = [grants(mine), grants(theirs)];
        if (a && b) out.bothAllow++;
        else if (!a && !b) out.neitherAllows++;
        else (a ? out.onlyA : out.onlyB).push({ request, a: mine.decision, b: theirs.decision });
      }
    }
  }
  const explain = (request: AuthorizationRequest) => explainAuthorization(evaluatePolicies(learner, request), { expandWildcards: true });
  return comparisonResult(input, out, explain, spec.examples, (r) => [...evaluatePolicies(learner, r).unsupported, ...evaluatePolicies(reference, r).unsupported]);
}
