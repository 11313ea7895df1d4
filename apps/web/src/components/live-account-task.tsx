import type { TaskView } from '../api/types.ts';
import { MarkdownView } from './markdown-view.tsx';

/**
 * A task done with the AWS CLI: no editor, since at submit its answer is read from the attempt's account.
 * The learner is told exactly what is read, and that nothing else in the account counts.
 */
export function LiveAccountTask({ task, index, source }: { task: TaskView; index: number; source: NonNullable<TaskView['liveAccount']> }) {
  const what = source.what.split('`');
  return (
    <section class="task stack" aria-labelledby={`task-${task.id}-title`} data-task-id={task.id}>
      <h2 id={`task-${task.id}-title`} class="task-title">
        <span class="task-number">Task {index + 1}</span> {task.title}
      </h2>
      <MarkdownView source={task.prompt} headingOffset={2} />
      <p class="notice" data-testid="live-account-source">
        Done with the AWS CLI: when you submit, Skylab reads{' '}
        {what.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))} from this attempt’s account and grades it. Nothing else in the
        account counts.
      </p>
      <pre class="code-block" tabIndex={0} role="group" aria-label="The AWS CLI command">
        <code>{source.command}</code>
      </pre>
    </section>
  );
}
