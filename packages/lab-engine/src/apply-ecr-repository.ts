import { AwsError, createRepository, putLifecyclePolicy, setRepositoryPolicy, type AccountState, type Ctx } from '@skylab/emulator';
import { ecrRepositoryAnswerSchema, issuesToFindings, locateNearest, parseText, type EcrRepositoryAnswer, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';

type EcrRepositoryTask = Extract<LabTask, { kind: 'ecr-repository' }>;

/** An `ecr-repository` answer read and checked against the schema, or the findings that stop it. */
export function readEcrRepository(text: string): { answer: EcrRepositoryAnswer; doc: SourceDocument } | { findings: Finding[] } {
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return { findings: doc.findings };
  const parsed = ecrRepositoryAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return { findings: issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'ecr-repository' }) };
  return { answer: parsed.data, doc };
}

/**
 * Applies an `ecr-repository` answer as the ECR API takes it: CreateRepository with the answer's settings and
 * the task's name, then SetRepositoryPolicy and PutLifecyclePolicy. A policy ECR refuses (a statement without
 * `Principal`, a `tagStatus: any` rule that is not last …) is a finding at its place in the answer.
 */
export function applyEcrRepository(task: EcrRepositoryTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const read = readEcrRepository(text);
  if ('findings' in read) return read.findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const { answer, doc } = read;
  const { policyText, lifecyclePolicyText, ...settings } = answer;
  const repositoryName = task.repositoryName;
  const steps: [PathSegment[], () => unknown][] = [[[], () => createRepository(state, { ...settings, repositoryName }, ctx)]];
  if (policyText !== undefined) steps.push([['policyText'], () => setRepositoryPolicy(state, { repositoryName, policyText }, ctx)]);
  if (lifecyclePolicyText !== undefined) steps.push([['lifecyclePolicyText'], () => putLifecyclePolicy(state, { repositoryName, lifecyclePolicyText }, ctx)]);
  for (const [path, run] of steps) {
    try {
      run();
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const range = locateNearest(doc, path);
      const lab = error.code === 'RepositoryAlreadyExistsException' ? ': this is a problem in the lab, not in your answer' : '';
      return [{ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id, ...path], ...(range ? { range } : {}), message: `${error.message}${lab}` }];
    }
  }
  return [];
}
