import { formatIpv4, parseCidr, type AccountState, type Ctx } from '@skylab/emulator';
import type { Lab, LabCheck } from '@skylab/validation';
import { grade } from './grade.ts';
import { albRulesMutants } from './mutants/alb-rules-mutants.ts';
import { autoScalingGroupMutants } from './mutants/asg-mutants.ts';
import { cloudwatchAlarmMutants } from './mutants/cloudwatch-alarm-mutants.ts';
import { launchTemplateMutants } from './mutants/launch-template-mutants.ts';
import { ebsSettingsMutants } from './mutants/ebs-settings-mutants.ts';
import { ecrRepositoryMutants } from './mutants/ecr-repository-mutants.ts';
import { identityPolicyMutants, trustPolicyMutants } from './mutants/iam-policy-mutants.ts';
import type { Mutant, MutationContext } from './mutants/mutant.ts';
import { naclMutants, securityGroupMutants } from './mutants/network-mutants.ts';
import { quizMutants } from './mutants/quiz-mutants.ts';
import { s3BucketMutants } from './mutants/s3-bucket-mutants.ts';
import { routeTableMutants } from './mutants/route-table-mutants.ts';
import { targetGroupMutants } from './mutants/target-group-mutants.ts';
import { nameTag } from './resource-names.ts';
import { attemptCtx } from './provision.ts';
import { renderDeep } from './template.ts';
import type { MutantRun, Provisioned } from './types.ts';

// A lab proves its checks by failing the mutants of its own solution (DESIGN §3): every change that
// alters behaviour must fail at least one check, or a learner could make that change and keep 100%.
// Whether a mutant alters behaviour is decided by an exhaustive comparison with the solution (the
// "oracle", the same comparison an `equivalent-access` or `equivalent-reachability` check makes), so a
// mutant that happens to behave exactly like the solution is not held against the lab.

const ORACLE_PREFIX = 'skylab-oracle-';

/** The smallest CIDR block that contains every given block. */
export function coveringCidr(cidrs: readonly string[]): string | undefined {
  const ranges = cidrs.flatMap((cidr) => {
    const range = parseCidr(cidr);
    return range?.family === 4 ? [range] : [];
  });
  if (ranges.length === 0) return undefined;
  const low = Math.min(...ranges.map((r) => r.first));
  const high = Math.max(...ranges.map((r) => r.last));
  for (let bits = 32; bits >= 0; bits--) {
    const size = 2 ** (32 - bits);
    const first = low - (low % size);
    if (first + size - 1 >= high) return `${formatIpv4(first)}/${bits}`;
  }
  return '0.0.0.0/0';
}

function groupCidrs(state: AccountState): MutationContext['groupCidrs'] {
  const ec2 = state.ec2;
  const out: MutationContext['groupCidrs'] = new Map();
  for (const group of Object.values(ec2.securityGroups)) {
    const subnets = Object.values(ec2.networkInterfaces)
      .filter((eni) => eni.Groups.some((g) => g.GroupId === group.GroupId))
      .flatMap((eni) => ec2.subnets[eni.SubnetId]?.CidrBlock ?? []);
    const covering = coveringCidr(subnets);
    const vpc = ec2.vpcs[group.VpcId]?.CidrBlock;
    out.set(group.GroupName, { ...(covering ? { covering } : {}), ...(vpc ? { vpc } : {}) });
  }
  return out;
}

/** The security groups with an inbound rule from anywhere (`0.0.0.0/0`). */
function worldOpenGroups(state: AccountState): string[] {
  return Object.values(state.ec2.securityGroups)
    .filter((g) => g.IpPermissions.some((p) => p.IpRanges.some((r) => r.CidrIp === '0.0.0.0/0')))
    .map((g) => g.GroupName)
    .sort();
}

/** The names of the internet and NAT gateways, sorted. */
function gatewayNames(state: AccountState): NonNullable<MutationContext['gateways']> {
  const named = (tags: { Key: string; Value: string }[][]) => tags.flatMap((t) => nameTag(t) ?? []).sort();
  return { internet: named(Object.values(state.ec2.internetGateways).map((g) => g.Tags)), nat: named(Object.values(state.ec2.natGateways).map((g) => g.Tags)) };
}

function mutantsOf(lab: Lab, provisioned: Provisioned, context: MutationContext): Mutant[] {
  return lab.tasks.flatMap((task) => {
    const reference = lab.solution.answers[task.id];
    if (reference === undefined) return [];
    const text = renderDeep(reference, provisioned.params);
    if (task.kind === 'iam-policy') return identityPolicyMutants(task.id, text);
    if (task.kind === 'iam-trust-policy') return trustPolicyMutants(task.id, text, context);
    if (task.kind === 'security-groups') return securityGroupMutants(task.id, text, context);
    if (task.kind === 'alb-listener-rules') return albRulesMutants(task.id, text, context);
    if (task.kind === 'auto-scaling-group') return autoScalingGroupMutants(task.id, text);
    if (task.kind === 'quiz') return quizMutants(renderDeep(task, provisioned.params), text);
    if (task.kind === 'launch-template') return launchTemplateMutants(task.id, text, context);
    if (task.kind === 'ebs-settings') return ebsSettingsMutants(task.id, text, context);
    if (task.kind === 'ecr-repository') return ecrRepositoryMutants(task.id, text, context);
    if (task.kind === 's3-bucket') return s3BucketMutants(task.id, text);
    if (task.kind === 'route-table') return routeTableMutants(task.id, text, context);
    if (task.kind === 'target-group') return targetGroupMutants(task.id, text);
    if (task.kind === 'cloudwatch-alarm') return cloudwatchAlarmMutants(task.id, text);
    return naclMutants(task.id, text);
  });
}

/** For each task, a check that compares its answer with the solution's over every request or path. */
function oracleChecks(lab: Lab, provisioned: Provisioned): LabCheck[] {
  const base = { points: 1, feedback: { pass: 'equivalent', fail: 'different' }, visibility: 'immediately' as const, misconceptions: [] };
  return lab.tasks.map((task): LabCheck => {
    const id = `${ORACLE_PREFIX}${task.id}`;
    const title = `behaves as the solution for \`${task.id}\``;
    if (task.kind === 'security-groups' || task.kind === 'nacl-entries' || task.kind === 'route-table') return { ...base, id, title, 'equivalent-reachability': { task: task.id, examples: 1 } };
    if (task.kind === 'iam-trust-policy') return { ...base, id, title, 'equivalent-access': { task: task.id, examples: 1 } };
    if (task.kind === 'alb-listener-rules') return { ...base, id, title, 'equivalent-routing': { task: task.id, examples: 1 } };
    // Every question, all or nothing: passing means the same options per question as the solution (which scores 100%).
    if (task.kind === 'quiz') return { ...base, id, title, quiz: { task: task.id } };
    if (task.kind === 'launch-template') return { ...base, id, title, 'equivalent-launch-template': { task: task.id, examples: 1 } };
    if (task.kind === 'ebs-settings') return { ...base, id, title, 'equivalent-ebs-settings': { task: task.id, examples: 1 } };
    if (task.kind === 'ecr-repository') return { ...base, id, title, 'equivalent-repository': { task: task.id, examples: 1 } };
    if (task.kind === 's3-bucket') return { ...base, id, title, 'equivalent-bucket': { task: task.id, examples: 1 } };
    if (task.kind === 'target-group') {
      // The lab states how close two timelines must be; the oracle takes the same tolerance.
      const own = lab.checks.find((c) => c['equivalent-target-health']?.task === task.id)?.['equivalent-target-health'];
      return { ...base, id, title, 'equivalent-target-health': { task: task.id, toleranceSeconds: own?.toleranceSeconds ?? 0, examples: 1 } };
    }
    if (task.kind === 'cloudwatch-alarm') return { ...base, id, title, 'equivalent-alarms': { task: task.id, examples: 1 } };
    if (task.kind === 'auto-scaling-group') {
      // The universe is the lab's own (its load levels and business hours); a lab without one fails validation.
      const own = lab.checks.find((c) => c['equivalent-scaling']?.task === task.id)?.['equivalent-scaling'];
      return { ...base, id, title, ...(own ? { 'equivalent-scaling': { ...own, examples: 1 } } : {}) };
    }
    const userName = renderDeep(task.apply.UserName, provisioned.params);
    const principal = provisioned.state.iam.users[userName]?.Arn ?? userName;
    // The lab's own comparison knows which request contexts matter (`aws:SecureTransport` …): start from them.
    const contexts = lab.checks.find((c) => c['equivalent-access']?.task === task.id)?.['equivalent-access']?.contexts;
    return { ...base, id, title, 'equivalent-access': { task: task.id, principal, ...(contexts ? { contexts } : {}), examples: 1 } };
  });
}

/**
 * Mutation-tests a lab on one provisioned variant: derives mutants from the solution's answers and grades
 * each. A mutant is `killed` when a check of the lab worth points fails, `equivalent` when it behaves
 * exactly as the solution, `refused` when grading refuses it (it cannot score), and otherwise `survived`:
 * the lab's checks miss a change of behaviour, or catch it only with checks worth no points.
 */
export function mutationTest(lab: Lab, provisioned: Provisioned, ctx: Ctx): MutantRun[] {
  const context: MutationContext = { accountId: attemptCtx(lab, provisioned.params, ctx).accountId, groupCidrs: groupCidrs(provisioned.state), targetGroups: Object.values(provisioned.state.elbv2.targetGroups).map((g) => g.TargetGroupName).sort(), worldOpenGroups: worldOpenGroups(provisioned.state), kmsAliases: Object.keys(provisioned.state.kms.aliases).filter((a) => !a.startsWith('alias/aws/')).sort(), gateways: gatewayNames(provisioned.state) };
  const withOracles: Lab = { ...lab, checks: [...lab.checks, ...oracleChecks(lab, provisioned)] };
  const solution = renderDeep(lab.solution.answers, provisioned.params);
  return mutantsOf(lab, provisioned, context).map((mutant): MutantRun => {
    const outcome = grade(withOracles, provisioned, { ...solution, [mutant.task]: mutant.answer }, ctx);
    const run = { task: mutant.task, description: mutant.description, killedBy: [] as string[] };
    if (!outcome.ok) return { ...run, status: 'refused' };
    const failed = outcome.grade.checks.filter((c) => !c.id.startsWith(ORACLE_PREFIX) && c.status !== 'pass');
    const killedBy = failed.map((c) => c.id);
    // Failing a check worth nothing still scores 100%: the grade, not the check list, is the promise.
    if (failed.some((c) => c.maxPoints > 0)) return { ...run, status: 'killed', killedBy };
    if (failed.length > 0) return { ...run, status: 'survived', killedBy, difference: `it fails only ${killedBy.map((id) => `\`${id}\``).join(', ')}, worth no points, so it still scores 100%` };
    const oracle = outcome.grade.checks.find((c) => c.id === `${ORACLE_PREFIX}${mutant.task}`);
    return { ...run, status: oracle?.status === 'pass' ? 'equivalent' : 'survived', ...(oracle && oracle.status !== 'pass' ? { difference: oracle.explanation.split('\n').slice(0, 3).join('\n') } : {}) };
  });
}
