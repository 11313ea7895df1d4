// The IAM golden cases through `@cloud-copilot/iam-simulate` as well: every case where the two engines decide
// differently must be listed in differential-allowlist.json with the reason Skylab is right (from the AWS page
// in the case's `source`). A new disagreement fails, and so does an entry that no longer disagrees.
// iam-simulate is AGPL and a dev dependency: this file is the one test eslint.config.js lets import it; it is
// never imported by anything that ships, and no code or case is copied from it.
import { readFileSync } from 'node:fs';
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseGolden } from '../../../../test/golden-schema.ts';
import { evaluatePolicies } from '../evaluate.ts';
import { ALICE, type GoldenCase } from './harness.ts';
import { GOLDEN_TOPICS } from './topics.ts';

const THEIRS = { Allowed: 'Allowed', ExplicitlyDenied: 'ExplicitDeny', ImplicitlyDenied: 'ImplicitDeny' } as const;
const allowlistSchema = z.array(z.strictObject({ case: z.string(), skylab: z.string(), iamSimulate: z.string(), reason: z.string().min(20) }));
const allowlist = parseGolden(allowlistSchema, JSON.parse(readFileSync(new URL('./differential-allowlist.json', import.meta.url), 'utf8')), 'differential-allowlist.json');

const doc = (text: string): unknown => JSON.parse(text);
const accountOf = (arn: string) => /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];

/**
 * The global keys AWS derives from the caller and resource (reference_policies_condition-keys.html), which
 * Skylab derives itself and iam-simulate takes as input: given to it, so the comparison is about semantics.
 */
function derivedKeys(principal: string, resource: string, resourceAccount: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const account = accountOf(principal);
  const user = /^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(principal)?.[1];
  const role = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
  if (account) out['aws:PrincipalAccount'] = account;
  if (user) Object.assign(out, { 'aws:username': user, 'aws:PrincipalArn': principal, 'aws:PrincipalType': 'User' });
  else if (role) Object.assign(out, { 'aws:PrincipalArn': `arn:aws:iam::${role[1]}:role/${role[2]}`, 'aws:PrincipalType': 'AssumedRole' });
  else if (/:root$/.test(principal)) Object.assign(out, { 'aws:PrincipalArn': principal, 'aws:PrincipalType': 'Account' });
  const owner = resourceAccount ?? accountOf(resource);
  if (owner) out['aws:ResourceAccount'] = owner;
  return out;
}

/** The case as iam-simulate's input, or why it cannot say it (caller details, several resource policies). */
function simulation(golden: GoldenCase): Simulation | string {
  const { request, policies } = golden;
  if (request.principal !== undefined || request.time !== undefined) return 'the caller details or time are not inputs of iam-simulate';
  const of = (type: string) => policies.filter((p) => p.policyType === type);
  if (of('resource').length > 1 || of('session').length > 1) return 'more than one resource or session policy';
  const levels = (type: 'scp' | 'rcp') => {
    const out: { orgIdentifier: string; policies: { name: string; policy: unknown }[] }[] = [];
    for (const p of of(type)) (out[p.level ?? 0] ??= { orgIdentifier: `${type}-${p.level ?? 0}`, policies: [] }).policies.push({ name: p.policyName, policy: doc(p.document) });
    return Array.from(out, (l, i) => l ?? { orgIdentifier: `${type}-${i}`, policies: [] });
  };
  const principal = request.principalArn ?? ALICE;
  const [resourcePolicy] = of('resource');
  const [sessionPolicy] = of('session');
  return {
    identityPolicies: of('identity').map((p) => ({ name: p.policyName, policy: doc(p.document) })),
    serviceControlPolicies: levels('scp'),
    resourceControlPolicies: levels('rcp'),
    ...(of('boundary').length > 0 ? { permissionBoundaryPolicies: of('boundary').map((p) => ({ name: p.policyName, policy: doc(p.document) })) } : {}),
    ...(resourcePolicy ? { resourcePolicy: doc(resourcePolicy.document) } : {}),
    ...(sessionPolicy ? { sessionPolicy: doc(sessionPolicy.document) } : {}),
    request: {
      principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount ?? accountOf(request.resource) ?? accountOf(principal) ?? '111122223333' },
      contextVariables: { ...derivedKeys(principal, request.resource, request.resourceAccount), ...request.context },
    },
  } as Simulation;
}

async function theirDecision(sim: Simulation): Promise<string> {
  try {
    const result = await runSimulation(sim, {});
    return result.resultType === 'error' ? 'error' : THEIRS[result.overallResult];
  } catch {
    return 'error';
  }
}

describe('the IAM golden cases through iam-simulate', () => {
  it('disagree only where the allowlist says why Skylab is right', async () => {
    const disagreements: { case: string; skylab: string; iamSimulate: string }[] = [];
    let compared = 0;
    for (const [file, cases] of Object.entries(GOLDEN_TOPICS)) {
      for (const golden of cases) {
        const sim = simulation(golden);
        if (typeof sim === 'string') continue;
        compared++;
        const ours = evaluatePolicies(golden.policies, { principalArn: ALICE, ...golden.request }).decision;
        const theirs = await theirDecision(sim);
        if (ours !== theirs) disagreements.push({ case: `${file} › ${golden.name}`, skylab: ours, iamSimulate: theirs });
      }
    }
    expect(compared).toBeGreaterThan(150);
    const listed = new Map(allowlist.map((a) => [a.case, a]));
    const unexplained = disagreements.filter((d) => {
      const entry = listed.get(d.case);
      return !entry || entry.skylab !== d.skylab || entry.iamSimulate !== d.iamSimulate;
    });
    const stale = allowlist.filter((a) => !disagreements.some((d) => d.case === a.case));
    expect(unexplained, 'new disagreements: add each to differential-allowlist.json with the reason Skylab is right, or fix Skylab').toEqual([]);
    expect(stale.map((a) => a.case), 'allowlist entries that no longer disagree: remove them').toEqual([]);
  }, 60_000);
});
