import { examSchema, issuesToFindings, loadYaml, locateNearest, type Exam, type Finding, type PathSegment, type SourceDocument } from '@skylab/validation';
import { isLiveAccountTask } from '../live-answers.ts';
import { simulateFindings } from './simulate-findings.ts';
import type { ExamLoad, LabLookup } from './types.ts';

const KNOWN_KEYS = [
  'apiVersion', 'id', 'title', 'description', 'settings', 'timeLimitMinutes', 'availability', 'opens', 'closes', 'attemptsAllowed',
  'feedbackRelease', 'awsEndpoint', 'shuffle', 'items', 'options', 'passPercent', 'domainMeetsPercent', 'domains', 'sections', 'pools',
  'draw', 'kind', 'domain', 'points', 'stem', 'exhibits', 'language', 'text', 'learnMore', 'correct', 'rationale', 'partialCredit',
  'steps', 'prompts', 'targets', 'match', 'lab', 'task', 'policyType', 'simulate', 'ActionName', 'ResourceArn', 'CallerArn', 'ResourceOwner',
  'ContextEntries', 'ContextKeyName', 'ContextKeyValues', 'ContextKeyType', 'EvalDecision',
];

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

/** Every item with its path in the file. */
function itemsOf(exam: Exam) {
  return exam.sections.flatMap((section, s) => section.pools.flatMap((pool, p) => pool.items.map((item, i) => ({ item, path: ['sections', s, 'pools', p, 'items', i] as PathSegment[] }))));
}

function uniqueIds(entries: { id: string; path: PathSegment[] }[], what: string, add: Add): void {
  const seen = new Set<string>();
  for (const { id, path } of entries) {
    if (seen.has(id)) add([...path, 'id'], 'exam/duplicate-id', `duplicate ${what} id \`${id}\``);
    seen.add(id);
  }
}

/** Cross-references the schema cannot see: unique ids, known domains, and hands-on items naming a lab task that exists. */
function referenceFindings(exam: Exam, labs: LabLookup, add: Add): void {
  const items = itemsOf(exam);
  uniqueIds(exam.domains.map((d, i) => ({ id: d.id, path: ['domains', i] })), 'domain', add);
  uniqueIds(exam.sections.map((s, i) => ({ id: s.id, path: ['sections', i] })), 'section', add);
  uniqueIds(exam.sections.flatMap((s, i) => s.pools.map((p, j) => ({ id: p.id, path: ['sections', i, 'pools', j] }))), 'pool', add);
  uniqueIds(items.map(({ item, path }) => ({ id: item.id, path })), 'item', add);
  const domains = new Set(exam.domains.map((d) => d.id));
  const used = new Set(items.map(({ item }) => item.domain));
  for (const { item, path } of items) {
    if (!domains.has(item.domain)) add([...path, 'domain'], 'exam/unknown-domain', `there is no domain \`${item.domain}\`: the domains are ${[...domains].map((d) => `\`${d}\``).join(', ')}`);
    if (item.kind !== 'hands-on') continue;
    const lab = labs(item.lab);
    if (lab === undefined) add([...path, 'lab'], 'exam/unknown-lab', `there is no lab \`${item.lab}\``);
    else if (!lab.tasks.some((t) => t.id === item.task)) add([...path, 'task'], 'exam/unknown-task', `lab \`${item.lab}\` has no task \`${item.task}\`: its tasks are ${lab.tasks.map((t) => `\`${t.id}\``).join(', ')}`);
    // An exam item's answer is typed on the paper: there is no live account to read a CLI task's answer from.
    else if (lab.tasks.some((t) => t.id === item.task && isLiveAccountTask(t))) add([...path, 'task'], 'exam/live-account-task', `task \`${item.task}\` of lab \`${item.lab}\` is done with the AWS CLI in an attempt's account, which an exam item does not have`);
  }
  exam.domains.forEach((domain, i) => {
    if (!used.has(domain.id)) add(['domains', i, 'id'], 'exam/unused-domain', `no item belongs to domain \`${domain.id}\``);
  });
}

/** The folder of `…/<folder>/exam.yaml`, which must equal the exam's id. */
function folderFindings(exam: Exam, file: string | undefined, add: Add): void {
  const folder = file === undefined ? undefined : /(?:^|[/\\])([^/\\]+)[/\\]exam\.ya?ml$/.exec(file)?.[1];
  if (folder !== undefined && folder !== exam.id) add(['id'], 'exam/id-matches-folder', `the exam id \`${exam.id}\` differs from its folder \`${folder}\``);
}

function adder(doc: SourceDocument, findings: Finding[]): Add {
  return (path, ruleId, message) => {
    const range = locateNearest(doc, path);
    findings.push({ ruleId, severity: 'error', path, ...(range ? { range } : {}), message });
  };
}

/**
 * Loads an exam from YAML text: parse with positions, validate against the exam format (each item's key
 * consistent, each pool able to draw its count), then check ids, domains, that every hands-on item names a
 * task of a lab `labs` knows, and that IAM's evaluation reaches each which-wins item's `simulate` decision. Every problem is a finding with line and column (and `file` when given); `exam`
 * is set only when there are no errors.
 */
export function loadExam(text: string, opts: { file?: string; labs: LabLookup }): ExamLoad {
  const { file } = opts;
  const withFile = (findings: Finding[]) => (file === undefined ? findings : findings.map((f) => ({ ...f, file })));
  const doc = loadYaml(text);
  if (doc.value === undefined) return { findings: withFile(doc.findings) };
  const findings = [...doc.findings];
  const parsed = examSchema.safeParse(doc.value);
  if (!parsed.success) return { findings: withFile([...findings, ...issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'exam', knownKeys: KNOWN_KEYS })]) };
  const add = adder(doc, findings);
  referenceFindings(parsed.data, opts.labs, add);
  simulateFindings(parsed.data, add);
  folderFindings(parsed.data, file, add);
  if (findings.some((f) => f.severity === 'error')) return { findings: withFile(findings) };
  return { exam: parsed.data, findings: withFile(findings) };
}
