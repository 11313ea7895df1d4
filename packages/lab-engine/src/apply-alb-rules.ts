import { AwsError, createRule, deleteRule, ec2Network, modifyListener, type AccountState, type Ctx, type NetworkCtx } from '@skylab/emulator';
import { issuesToFindings, listenerRulesSchema, locateNearest, parseText, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';
import { isDefaultRule, listenerOf, resolveActions, ruleConditions } from './alb-names.ts';

type AlbRulesTask = Extract<LabTask, { kind: 'alb-listener-rules' }>;

function finding(doc: SourceDocument, taskId: string, path: PathSegment[], ruleId: string, message: string): Finding {
  const range = locateNearest(doc, path);
  return { ruleId, severity: 'error', path: [taskId, ...path], ...(range ? { range } : {}), message };
}

/**
 * Applies a listener rules answer (`Rules: [...]` as DescribeRules returns them): the listener's rules are
 * deleted (DeleteRule), the default rule's actions set (ModifyListener `DefaultActions`) and every other rule
 * created (CreateRule), so AWS's own checks apply — unique priorities from 1 to 50000, at most five condition
 * values per rule, one terminal action last (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html).
 * The answer must give the default rule exactly once: a listener always has one, and a default left out
 * would silently keep the setup's. Problems come back as findings placed in the answer.
 */
export function applyAlbRules(task: AlbRulesTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return doc.findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const parsed = listenerRulesSchema.safeParse(doc.value);
  if (!parsed.success) return issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'alb-rules' }).map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const listener = listenerOf(state, task.listener.LoadBalancerName, task.listener.Port);
  if ('problem' in listener) return [{ ruleId: 'lab/unknown-resource', severity: 'error', path: [task.id], message: `${listener.problem}: this is a problem in the lab, not in your answer` }];
  const rules = parsed.data.Rules;
  const defaults = rules.flatMap((r, i) => (isDefaultRule(r) ? [i] : []));
  if (defaults.length !== 1) {
    const path: PathSegment[] = defaults.length === 0 ? ['Rules'] : ['Rules', defaults[1] as number];
    return [finding(doc, task.id, path, 'lab/default-rule', defaults.length === 0 ? 'give the default rule (`Priority: default`) with the action taken when no other rule matches' : 'a listener has exactly one default rule')];
  }
  const c: NetworkCtx = { ...ctx, network: ec2Network(state.ec2) };
  for (const rule of listener.rules) if (!rule.IsDefault) deleteRule(state, { RuleArn: rule.RuleArn }, c);
  const findings: Finding[] = [];
  rules.forEach((rule, i) => {
    const at: PathSegment[] = ['Rules', i];
    const { actions, problems } = resolveActions(state, rule.Actions, [...at, 'Actions']);
    if (problems.length > 0) {
      findings.push(...problems.map((p) => finding(doc, task.id, p.path, 'aws/TargetGroupNotFound', p.message)));
      return;
    }
    if (isDefaultRule(rule) && rule.Conditions.length > 0) {
      findings.push(finding(doc, task.id, [...at, 'Conditions'], 'aws/ValidationError', 'the default rule has no conditions: it applies when no other rule matches'));
      return;
    }
    try {
      if (isDefaultRule(rule)) {
        modifyListener(state, { ListenerArn: listener.listenerArn, DefaultActions: actions }, c);
      } else {
        createRule(state, { ListenerArn: listener.listenerArn, Priority: Number(rule.Priority), Conditions: ruleConditions(rule), Actions: actions }, c);
      }
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      findings.push(finding(doc, task.id, error.code === 'PriorityInUse' ? [...at, 'Priority'] : at, `aws/${error.code}`, error.message));
    }
  });
  return findings;
}
