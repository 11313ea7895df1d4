import { issuesToFindings, locateNearest, parseText, quizAnswerSchema, type Finding, type LabTask, type PathSegment } from '@skylab/validation';
import { seededRandom } from './prng.ts';
import { renderDeep } from './template.ts';
import type { QuizQuestionView } from './types.ts';

// A `quiz` answer is `{ answers: { <question id>: [<option id>, …] } }` (YAML or JSON). It changes nothing in
// the account: applying it only checks that it names the task's questions and options, so a typo is a finding
// in the answer rather than a silently wrong question.

/** A `quiz` task. */
export type QuizTask = Extract<LabTask, { kind: 'quiz' }>;

/** The picked option ids per question id, or the findings that keep the answer from being graded. */
export function readQuizAnswer(task: QuizTask, text: string): { picked: Map<string, Set<string>>; findings: Finding[] } {
  const within = (f: Finding): Finding => ({ ...f, path: [task.id, ...f.path] });
  const picked = new Map<string, Set<string>>();
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return { picked, findings: doc.findings.map(within) };
  const parsed = quizAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return { picked, findings: issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'quiz' }).map(within) };
  const findings: Finding[] = [];
  const add = (path: PathSegment[], ruleId: string, message: string) => {
    const range = locateNearest(doc, path);
    findings.push({ ruleId, severity: 'error', path: [task.id, ...path], ...(range ? { range } : {}), message });
  };
  for (const [questionId, optionIds] of Object.entries(parsed.data.answers)) {
    const question = task.questions.find((q) => q.id === questionId);
    if (question === undefined) {
      add(['answers', questionId], 'quiz/unknown-question', `there is no question \`${questionId}\`: the questions are ${task.questions.map((q) => `\`${q.id}\``).join(', ')}`);
      continue;
    }
    optionIds.forEach((optionId, i) => {
      if (!question.options.some((o) => o.id === optionId)) add(['answers', questionId, i], 'quiz/unknown-option', `question \`${questionId}\` has no option \`${optionId}\`: its options are ${question.options.map((o) => `\`${o.id}\``).join(', ')}`);
    });
    const unique = new Set(optionIds);
    if (!question.multiple && unique.size > 1) add(['answers', questionId], 'quiz/one-choice', `question \`${questionId}\` takes one option, not ${unique.size}`);
    picked.set(questionId, unique);
  }
  return { picked, findings };
}

/** The answer text the learner starts from: every question with nothing picked yet. */
export function quizStarter(task: QuizTask): string {
  return `answers:\n${task.questions.map((q) => `  ${q.id}: []`).join('\n')}\n`;
}

/** The list in an order drawn from `seed`: the same seed, the same order (Fisher-Yates). */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  const next = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The questions as the learner sees them, without which options are correct nor their feedback. With
 * `shuffle` and an attempt's params, each question's options come in an order drawn from those params.
 */
export function quizQuestionsView(raw: QuizTask, params: Record<string, string>, attempt: boolean): QuizQuestionView[] {
  const task = renderDeep(raw, params);
  const seed = JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)));
  return task.questions.map((q) => {
    const options = q.options.map((o) => ({ id: o.id, text: o.text }));
    return { id: q.id, text: q.text, multiple: q.multiple, options: task.shuffle && attempt ? shuffled(options, `${seed}\u0000${task.id}\u0000${q.id}`) : options };
  });
}
