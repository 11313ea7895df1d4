import { explainResult, simulateCustomPolicy, type SimulateCustomPolicyRequest } from '@skylab/emulator';
import type { Exam, ExamItem, ExamSimulate, Exhibit, PathSegment } from '@skylab/validation';

type WhichWins = Extract<ExamItem, { kind: 'which-wins' }>;
type Add = (path: PathSegment[], ruleId: string, message: string) => void;

function texts(exhibits: readonly Exhibit[], type: NonNullable<Exhibit['policyType']>): string[] {
  return exhibits.filter((e) => e.policyType === type).map((e) => e.text);
}

/** SimulateCustomPolicy's request from the exhibits, each by its `policyType`, and the item's question. */
function request(exhibits: readonly Exhibit[], simulate: ExamSimulate, resourcePolicy: string | undefined): SimulateCustomPolicyRequest {
  const scps = texts(exhibits, 'service-control');
  return {
    PolicyInputList: texts(exhibits, 'identity'),
    PermissionsBoundaryPolicyInputList: texts(exhibits, 'permissions-boundary'),
    SessionPolicyInputList: texts(exhibits, 'session'),
    ...(scps.length > 0 ? { ServiceControlPolicyLevels: [scps] } : {}),
    ...(resourcePolicy !== undefined ? { ResourcePolicy: resourcePolicy } : {}),
    ...(simulate.ResourceOwner !== undefined ? { ResourceOwner: simulate.ResourceOwner } : {}),
    ...(simulate.CallerArn !== undefined ? { CallerArn: simulate.CallerArn } : {}),
    ActionNames: [simulate.ActionName],
    ResourceArns: [simulate.ResourceArn],
    ContextEntries: simulate.ContextEntries,
  };
}

function itemFindings(item: WhichWins, simulate: ExamSimulate, path: PathSegment[], add: Add): void {
  const resources = texts(item.exhibits, 'resource');
  if (resources.length > 1) add([...path, 'exhibits'], 'exam/simulation-error', 'a request has one resource-based policy: mark at most one exhibit `policyType: resource`');
  if (!item.exhibits.some((e) => e.policyType !== undefined)) add([...path, 'exhibits'], 'exam/simulation-error', '`simulate` evaluates the exhibits marked with a `policyType`, and none is');
  if (resources.length > 1 || !item.exhibits.some((e) => e.policyType !== undefined)) return;
  const response = simulateCustomPolicy(request(item.exhibits, simulate, resources[0]));
  if ('Error' in response) {
    add([...path, 'simulate'], 'exam/simulation-error', `IAM's evaluation refuses the exhibits: ${response.Error.Message}`);
    return;
  }
  const [result] = response.EvaluationResults;
  if (result !== undefined && result.EvalDecision !== simulate.EvalDecision) {
    add([...path, 'simulate', 'EvalDecision'], 'exam/engine-disagrees', `IAM's evaluation decides \`${result.EvalDecision}\`, not \`${simulate.EvalDecision}\`: ${explainResult(result)}`);
  }
}

/**
 * Which-wins items with `simulate` are checked by IAM's own evaluation (the emulator's SimulateCustomPolicy over
 * the exhibits by `policyType`): a key whose decision the engine does not reach is a finding, so an author's
 * wrong fact about IAM never becomes an exam key.
 */
export function simulateFindings(exam: Exam, add: Add): void {
  exam.sections.forEach((section, s) =>
    section.pools.forEach((pool, p) =>
      pool.items.forEach((item, i) => {
        if (item.kind === 'which-wins' && item.simulate !== undefined) itemFindings(item, item.simulate, ['sections', s, 'pools', p, 'items', i], add);
      }),
    ),
  );
}
