import type { Lab } from '@skylab/validation';
import { awsEndpointServices } from './lab-services.ts';
import { isLiveAccountTask, liveAccountSource } from './live-answers.ts';
import { placeholderParams } from './params.ts';
import { quizQuestionsView, quizStarter } from './quiz-answer.ts';
import { renderString } from './template.ts';
import type { LabSummary, LabView } from './types.ts';

/** What the catalogue shows about a lab. */
export function summarize(lab: Lab): LabSummary {
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    difficulty: lab.difficulty,
    estimatedMinutes: lab.estimatedMinutes,
    tags: [...lab.tags],
    track: lab.track,
  };
}

/**
 * The lab as a learner sees it, with the attempt's params filled in. Without params (before an
 * attempt) placeholders read `<name>`. Hints that cost points are listed without their text unless
 * their index is in `revealedHints`.
 */
export function renderLab(lab: Lab, params?: Record<string, string>, revealedHints: readonly number[] = []): LabView {
  const values = params ?? placeholderParams(lab);
  const render = (text: string) => renderString(text, values);
  const revealed = new Set(revealedHints);
  return {
    ...summarize(lab),
    title: render(lab.title),
    summary: render(lab.summary),
    description: render(lab.description),
    tasks: lab.tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      title: render(task.title),
      prompt: render(task.prompt),
      starter: task.kind === 'quiz' && task.starter === '' ? quizStarter(task) : render(task.starter),
      language: task.kind === 'iam-policy' || task.kind === 'iam-trust-policy' ? 'json' : task.language,
      ...(task.kind === 'quiz' ? { questions: quizQuestionsView(task, values, params !== undefined) } : {}),
      ...(isLiveAccountTask(task) ? { liveAccount: liveAccountSource(task, values) } : {}),
    })),
    hints: lab.hints.map((hint, index) => {
      const shown = hint.cost === 0 || revealed.has(index);
      return { index, cost: hint.cost, ...(shown ? { text: render(hint.text) } : {}), revealed: shown };
    }),
    awsEndpointServices: awsEndpointServices(lab),
  };
}
