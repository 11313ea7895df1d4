import type { ExamItem, ExamItemAnswer } from '../api/exam-types.ts';
import { currentOrder, moveStep, togglePick } from '../lib/exam-answer.ts';
import { liveLintKind } from '../lib/live-lint.ts';
import { useLiveLint } from '../use-live-lint.ts';
import { CodeEditor } from './code-editor/code-editor.tsx';
import { LiveFindings } from './live-findings.tsx';
import { MarkdownView } from './markdown-view.tsx';
import { QuizPicker } from './quiz-picker.tsx';

interface InputProps<K extends ExamItem['kind']> {
  item: Extract<ExamItem, { kind: K }>;
  answer: ExamItemAnswer | undefined;
  onAnswer: (answer: ExamItemAnswer) => void;
  /** Once released the inputs only show what was answered. */
  disabled: boolean;
}

const picksOf = (answer: ExamItemAnswer | undefined) => (answer !== undefined && 'picks' in answer ? answer.picks : []);

function ChoiceInput({ item, answer, onAnswer, disabled }: InputProps<'single-choice' | 'multiple-choice' | 'which-wins'>) {
  const multiple = item.kind === 'multiple-choice';
  const picks = picksOf(answer);
  return (
    <fieldset class="exam-options" disabled={disabled}>
      <legend class="muted small">{multiple ? 'Pick every right option' : 'Pick one'}</legend>
      {item.options.map((option) => (
        <label key={option.id} class="exam-option">
          <input type={multiple ? 'checkbox' : 'radio'} name={`item-${item.id}`} value={option.id} checked={picks.includes(option.id)} onChange={() => onAnswer({ picks: togglePick(picks, option.id, multiple) })} />
          <span>
            <MarkdownView source={option.text} class="inline-markdown" />
            {item.rationale?.[option.id] === undefined ? null : (
              <span class="exam-rationale small">
                {item.key?.includes(option.id) ? 'Correct: ' : 'Not correct: '}
                {item.rationale[option.id]}
              </span>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function OrderingInput({ item, answer, onAnswer, disabled }: InputProps<'ordering'>) {
  const order = currentOrder(item, answer);
  const text = new Map(item.steps.map((step) => [step.id, step.text]));
  return (
    <ol class="exam-steps" aria-label="Steps, first to last">
      {order.map((stepId, index) => (
        <li key={stepId} class="exam-step">
          <span>{text.get(stepId)}</span>
          <span class="exam-step-tools">
            <button type="button" class="button button-small button-outline" disabled={disabled || index === 0} onClick={() => onAnswer({ order: moveStep(order, index, -1) })} aria-label={`Move "${text.get(stepId)}" up`}>
              ↑
            </button>
            <button type="button" class="button button-small button-outline" disabled={disabled || index === order.length - 1} onClick={() => onAnswer({ order: moveStep(order, index, 1) })} aria-label={`Move "${text.get(stepId)}" down`}>
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}

function MatchingInput({ item, answer, onAnswer, disabled }: InputProps<'matching'>) {
  const pairs = answer !== undefined && 'pairs' in answer ? answer.pairs : {};
  return (
    <div class="exam-matching stack">
      {item.prompts.map((prompt) => {
        const id = `match-${item.id}-${prompt.id}`;
        return (
          <div key={prompt.id} class="exam-match">
            <label for={id}>{prompt.text}</label>
            <select id={id} disabled={disabled} value={pairs[prompt.id] ?? ''} onChange={(event) => onAnswer({ pairs: { ...pairs, [prompt.id]: event.currentTarget.value } })}>
              <option value="" disabled>
                Choose…
              </option>
              {item.targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.text}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}

/** A hands-on answer in review: the text as submitted, read-only. */
function HandsOnReview({ item, answer }: InputProps<'hands-on'>) {
  const text = answer !== undefined && 'text' in answer ? answer.text : '';
  return (
    <div class="stack">
      <MarkdownView source={item.task.prompt} headingOffset={3} />
      <figure class="exam-exhibit">
        <figcaption class="small">Your answer</figcaption>
        <pre tabIndex={0}>{text === '' ? '(no answer)' : text}</pre>
      </figure>
    </div>
  );
}

/** A lab task inside the exam: the lab's own editor (with live lint) and quiz picker, answered as text. */
function HandsOnInput({ item, answer, onAnswer }: InputProps<'hands-on'>) {
  const { task } = item;
  const value = answer !== undefined && 'text' in answer ? answer.text : task.starter;
  const liveKind = liveLintKind(task.kind);
  const liveFindings = useLiveLint(liveKind, value);
  const editorId = `exam-editor-${item.id}`;
  return (
    <div class="stack">
      <MarkdownView source={item.lab.description} headingOffset={3} />
      <MarkdownView source={task.prompt} headingOffset={3} />
      {task.questions === undefined ? null : <QuizPicker task={task} value={value} onChange={(text) => onAnswer({ text })} />}
      <CodeEditor id={editorId} label={`Your answer (${task.language.toUpperCase()})`} value={value} onChange={(text) => onAnswer({ text })} language={task.language} findings={liveFindings ?? []} />
      {liveKind === null ? null : <LiveFindings id={`${editorId}-live`} findings={liveFindings} onReveal={() => undefined} />}
    </div>
  );
}

/** The stem, exhibits and the input for one item, by its kind. */
export function ExamItemInput({ item, answer, onAnswer, disabled }: InputProps<ExamItem['kind']>) {
  return (
    <div class="stack">
      {item.kind === 'hands-on' ? <h3>{item.task.title}</h3> : <MarkdownView source={item.stem} headingOffset={3} />}
      {item.kind === 'hands-on'
        ? null
        : item.exhibits.map((exhibit) => (
            <figure key={exhibit.title} class="exam-exhibit">
              <figcaption class="small">{exhibit.title}</figcaption>
              <pre tabIndex={0}>{exhibit.text}</pre>
            </figure>
          ))}
      {item.kind === 'ordering' ? <OrderingInput item={item} answer={answer} onAnswer={onAnswer} disabled={disabled} /> : null}
      {item.kind === 'matching' ? <MatchingInput item={item} answer={answer} onAnswer={onAnswer} disabled={disabled} /> : null}
      {item.kind === 'hands-on' ? disabled ? <HandsOnReview item={item} answer={answer} onAnswer={onAnswer} disabled /> : <HandsOnInput item={item} answer={answer} onAnswer={onAnswer} disabled={false} /> : null}
      {item.kind === 'single-choice' || item.kind === 'multiple-choice' || item.kind === 'which-wins' ? <ChoiceInput item={item} answer={answer} onAnswer={onAnswer} disabled={disabled} /> : null}
      {item.kind !== 'hands-on' && item.learnMore !== undefined ? (
        <p class="small">
          Learn more: <a href={item.learnMore}>{item.learnMore}</a>
        </p>
      ) : null}
    </div>
  );
}
