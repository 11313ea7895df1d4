import { authorizeRepositoryAction, lifecycleRules, type AccountState, type Ctx, type EcrRepository, type LifecycleRule } from '@skylab/emulator';
import { expandActionPattern, resourceTypesFor } from '@skylab/validation';
import { lifecycleFates, lifecycleScenarios } from './lifecycle-universe.ts';

// What a repository does, as lines two accounts can be compared on: its settings, every ECR action on it by
// every caller through the IAM engine (identity policies and the repository policy; from another account both
// must allow), and the fate of the lifecycle universe's images
// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html).

/** Another account whose administrator allows itself everything: what it may do is the repository policy's say. */
export const OTHER_ACCOUNT = '999988887777';
const ADMIN_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** The ECR actions that act on a repository, from the IAM catalogue. */
export function repositoryActions(): string[] {
  return expandActionPattern('ecr:*').filter((action) => (resourceTypesFor(action) ?? []).length > 0);
}

function settingsLines(repository: EcrRepository): string[] {
  const { encryptionType, kmsKey } = repository.encryptionConfiguration;
  return [`imageTagMutability: ${repository.imageTagMutability}`, `scanOnPush: ${repository.imageScanningConfiguration.scanOnPush}`, `encryption: ${encryptionType}${kmsKey ? ` with \`${kmsKey}\`` : ''}`];
}

/** The callers asked about: the account's users, its roles as sessions (an instance's role), its root, another account, services and every principal either policy names. */
export function repositoryCallers(states: readonly AccountState[], repositoryName: string, extra: readonly string[], ctx: Ctx): string[] {
  const callers = new Set<string>([`arn:aws:iam::${ctx.accountId}:root`, `arn:aws:iam::${OTHER_ACCOUNT}:root`, `arn:aws:iam::${OTHER_ACCOUNT}:role/admin`, 'ec2.amazonaws.com', 'lambda.amazonaws.com', ...extra]);
  for (const state of states) {
    for (const user of Object.values(state.iam.users)) callers.add(user.Arn);
    for (const role of Object.values(state.iam.roles ?? {})) callers.add(`arn:aws:sts::${ctx.accountId}:assumed-role/${role.RoleName}/skylab`);
    const text = state.ecr.repositories[repositoryName]?.policyText ?? '';
    for (const match of text.matchAll(/arn:aws:iam::\d{12}:(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)/g)) callers.add(match[0].replace(/^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/, (all, account: string, name: string) => (account === ctx.accountId ? `arn:aws:sts::${account}:assumed-role/${name}/skylab` : all)));
    for (const match of text.matchAll(/"(\d{12})"/g)) callers.add(`arn:aws:iam::${match[1]}:root`);
    for (const match of text.matchAll(/"([a-z0-9.-]+\.amazonaws\.com)"/g)) callers.add(match[1] as string);
  }
  return [...callers].sort();
}

function accessLines(state: AccountState, repositoryName: string, callers: readonly string[], actions: readonly string[], ctx: Ctx): string[] {
  return callers.flatMap((caller) => {
    // A service has no identity policies; another account's caller brings its administrator's.
    const foreign = caller.startsWith('arn:') && !caller.includes(`::${ctx.accountId}:`);
    return actions.map((action) => {
      const result = authorizeRepositoryAction(state, { principalArn: caller, action, repositoryName, ...(foreign ? { callerPolicies: [ADMIN_POLICY] } : {}) }, ctx);
      return `\`${caller}\` ${result.decision === 'Allowed' ? 'may' : 'may not'} call \`${action}\``;
    });
  });
}

/** The repository's lifecycle rules, or undefined without a lifecycle policy. */
export function storedRules(repository: EcrRepository): LifecycleRule[] | undefined {
  return repository.lifecyclePolicyText === undefined ? undefined : lifecycleRules(repository.lifecyclePolicyText);
}

/** The behaviour lines of a repository over the universe, in both accounts. */
export function repositoryBehaviours(states: readonly [AccountState, AccountState], repositoryName: string, extraCallers: readonly string[], ctx: Ctx): [string[], string[]] | undefined {
  const repositories = states.map((s) => s.ecr.repositories[repositoryName]);
  const [mine, theirs] = repositories;
  if (!mine || !theirs) return undefined;
  const callers = repositoryCallers(states, repositoryName, extraCallers, ctx);
  const actions = repositoryActions();
  const rules = [storedRules(mine), storedRules(theirs)];
  const now = ctx.clock.now();
  const scenarios = lifecycleScenarios(rules.flatMap((r) => (r ? [r] : [])), now);
  const lines = (state: AccountState, repository: EcrRepository, r: LifecycleRule[] | undefined) => [...settingsLines(repository), ...accessLines(state, repositoryName, callers, actions, ctx), ...lifecycleFates(r, scenarios, now)];
  return [lines(states[0], mine, rules[0]), lines(states[1], theirs, rules[1])];
}
