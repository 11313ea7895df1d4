import type { TaskView } from '../api/types.ts';
import { formatQuizAnswer, readQuizPicks, togglePick } from '../lib/quiz-answer-text.ts';
import { MarkdownView } from './markdown-view.tsx';

interface QuizPickerProps {
  task: TaskView;
  value: string;
  onChange: (value: string) => void;
}

/**
 * A quiz task's questions as radio buttons (single choice) and checkboxes (multiple choice). Each click
 * rewrites the answer text below, which stays what is submitted; a hand-edited text the lists cannot
 * read shows them empty, and the next click replaces it.
 */
export function QuizPicker({ task, value, onChange }: QuizPickerProps) {
  const questions = task.questions ?? [];
  const picks = readQuizPicks(value) ?? {};
  const ids = questions.map((q) => q.id);
  return (
    <div class="quiz stack">
      {questions.map((question) => (
        <fieldset key={question.id} class="quiz-question">
          <legend>
            <MarkdownView source={question.text} />
            <span class="muted small">{question.multiple ? 'Pick every right option' : 'Pick one'} · <code>{question.id}</code></span>
          </legend>
          {question.options.map((option) => (
            <label key={option.id} class="quiz-option">
              <input
                type={question.multiple ? 'checkbox' : 'radio'}
                name={`${task.id}-${question.id}`}
                value={option.id}
                checked={(picks[question.id] ?? []).includes(option.id)}
                onChange={() => onChange(formatQuizAnswer(ids, togglePick(picks, question.id, option.id, question.multiple)))}
              />{' '}
              {option.text} <code class="muted small">{option.id}</code>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
