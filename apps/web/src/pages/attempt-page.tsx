import { useEffect, useRef, useState } from 'preact/hooks';
import { api, isApiError } from '../api/client.ts';
import type { Attempt, Finding, LabView, Submission, TaskView } from '../api/types.ts';
import { AccountDriftNotice } from '../components/account-drift-notice.tsx';
import { AwsAccessPanel } from '../components/aws-access-panel.tsx';
import { CompletedBadge, ScoreBadge } from '../components/badges.tsx';
import { CodeEditor } from '../components/code-editor/code-editor.tsx';
import type { RevealRequest } from '../components/code-editor/code-editor.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { FindingsList } from '../components/findings-list.tsx';
import { GradeReport } from '../components/grade-report.tsx';
import { HintsPanel } from '../components/hints-panel.tsx';
import { LiveAccountTask } from '../components/live-account-task.tsx';
import { LiveFindings } from '../components/live-findings.tsx';
import { MarkdownView } from '../components/markdown-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { QuizPicker } from '../components/quiz-picker.tsx';
import { AnswerViews } from '../components/rule-table/answer-views.tsx';
import { SubmissionHistory } from '../components/submission-history.tsx';
import { formatDateTime, formatPercent, splitFindingsByTask } from '../lib/format.ts';
import { liveLintKind } from '../lib/live-lint.ts';
import { paths } from '../lib/routes.ts';
import { browserStore, loadDraft, saveDraft } from '../lib/storage.ts';
import { Link } from '../router.tsx';
import { useLiveLint } from '../use-live-lint.ts';
import { NotFoundPage } from './not-found-page.tsx';

type Feedback =
  | { kind: 'findings'; findings: Finding[] }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

function initialDrafts(attempt: Attempt, lab: LabView): Record<string, string> {
  const store = browserStore();
  const last = attempt.submissions[attempt.submissions.length - 1];
  return Object.fromEntries(lab.tasks.map((task) => [task.id, loadDraft(store, attempt.id, task.id) ?? last?.answers[task.id] ?? task.starter]));
}

function submitNote(count: number, max: number | null): string {
  if (max !== null) return `${count} of ${max} ${max === 1 ? 'submission' : 'submissions'} used · your best score counts.`;
  if (count === 0) return 'Submit as often as you like; your best score counts.';
  return `${count} ${count === 1 ? 'submission' : 'submissions'} so far · your best score counts.`;
}

interface TaskPanelProps {
  task: TaskView;
  index: number;
  value: string;
  submitted: string | undefined;
  /** The shown submission's findings about this task, while the text is the one they describe. */
  findings: Finding[];
  reveal: RevealRequest | null;
  onChange: (value: string) => void;
  onReveal: (line: number) => void;
  onSubmitShortcut: () => void;
}

function TaskPanel({ task, index, value, submitted, findings, reveal, onChange, onReveal, onSubmitShortcut }: TaskPanelProps) {
  const editorId = `editor-${task.id}`;
  const statusId = `${editorId}-draft`;
  const liveKind = liveLintKind(task.kind);
  const liveFindings = useLiveLint(liveKind, value);
  if (task.liveAccount !== undefined) return <LiveAccountTask task={task} index={index} source={task.liveAccount} />;
  const resetToStarter = () => {
    if (value === task.starter || window.confirm('Replace your answer with the starter? Your previous submissions stay in the history.')) onChange(task.starter);
  };
  return (
    <section class="task stack" aria-labelledby={`task-${task.id}-title`} data-task-id={task.id}>
      <h2 id={`task-${task.id}-title`} class="task-title">
        <span class="task-number">Task {index + 1}</span> {task.title}
      </h2>
      <MarkdownView source={task.prompt} headingOffset={2} />
      {task.questions === undefined ? null : <QuizPicker task={task} value={value} onChange={onChange} />}
      <AnswerViews id={editorId} taskKind={task.kind} label={`Your answer (${task.language.toUpperCase()})`} value={value} onChange={onChange} findings={liveFindings ?? []}>
        <CodeEditor
          id={editorId}
          label={`Your answer (${task.language.toUpperCase()})`}
          value={value}
          onChange={onChange}
          language={task.language}
          findings={liveFindings === null ? findings : [...findings, ...liveFindings]}
          reveal={reveal}
          onSubmitShortcut={onSubmitShortcut}
          describedBy={statusId}
        />
      </AnswerViews>
      <div class="task-tools">
        <p id={statusId} class="muted small">
          {submitted === value ? 'Same as your last submission.' : submitted === undefined && value === task.starter ? 'Starter answer: edit it, then submit.' : 'Unsubmitted changes, saved in this browser.'}
        </p>
        <button type="button" class="link-button small" onClick={resetToStarter}>Reset to starter</button>
      </div>
      {liveKind === null ? null : <LiveFindings id={`${editorId}-live`} findings={liveFindings} onReveal={onReveal} />}
    </section>
  );
}

interface WorkspaceProps {
  attempt: Attempt;
  lab: LabView;
  onAttemptChange: (attempt: Attempt) => void;
}

function AttemptWorkspace({ attempt, lab, onAttemptChange }: WorkspaceProps) {
  const tasks = lab.tasks;
  const taskIds = tasks.map((task) => task.id);
  const submissions = attempt.submissions;
  const last = submissions[submissions.length - 1];

  const [drafts, setDrafts] = useState(() => initialDrafts(attempt, lab));
  const [submitting, setSubmitting] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(last?.id ?? null);
  const [reveals, setReveals] = useState<Record<string, RevealRequest>>({});
  // Line marks belong to the text that was checked; once the learner edits a task they would point at the wrong lines.
  const [editedSinceCheck, setEditedSinceCheck] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const revealCounter = useRef(0);

  const selected = submissions.find((submission) => submission.id === selectedId) ?? last;
  const selectedNumber = selected === undefined ? 0 : submissions.indexOf(selected) + 1;
  const shownFindings = feedback?.kind === 'findings' ? feedback.findings : (selected?.findings ?? []);
  const findingsByTask = splitFindingsByTask(shownFindings, taskIds);

  const setDraft = (taskId: string, text: string) => {
    setDrafts((current) => ({ ...current, [taskId]: text }));
    saveDraft(browserStore(), attempt.id, taskId, text);
    setEditedSinceCheck((current) => (current.has(taskId) ? current : new Set([...current, taskId])));
  };

  const revealLine = (taskId: string, line: number) => {
    revealCounter.current += 1;
    setReveals((current) => ({ ...current, [taskId]: { line, request: revealCounter.current } }));
  };

  const showResults = (message: string) => {
    setAnnouncement(message);
    resultsRef.current?.focus({ preventScroll: true });
    resultsRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setFeedback(null);
    setAnnouncement('Grading your answer…');
    try {
      // Every change made with the CLI moves the attempt's version: a task read from the live account is
      // graded on the account as it is now, so the version is asked for afresh.
      const version = tasks.some((task) => task.liveAccount !== undefined) ? (await api.attempt(attempt.id)).version : attempt.version;
      const result = await api.submit(attempt.id, version, drafts);
      onAttemptChange(result.attempt);
      setSelectedId(result.submission.id);
      setEditedSinceCheck(new Set());
      showResults(`Graded: ${formatPercent(result.submission.grade.score)}`);
    } catch (error) {
      if (isApiError(error, 'invalid_submission')) {
        setFeedback({ kind: 'findings', findings: error.findings });
        setEditedSinceCheck(new Set());
        const count = error.findings.length;
        showResults(`Your answer could not be graded: ${count} ${count === 1 ? 'problem' : 'problems'} found`);
      } else if (isApiError(error, 'version_conflict')) {
        try {
          const fresh = await api.attempt(attempt.id);
          onAttemptChange(fresh);
          setSelectedId(fresh.submissions[fresh.submissions.length - 1]?.id ?? null);
          setFeedback({ kind: 'conflict' });
        } catch (reloadError) {
          setFeedback({ kind: 'error', error: reloadError });
        }
        showResults('This attempt changed elsewhere and was reloaded');
      } else {
        setFeedback({ kind: 'error', error });
        showResults('The submission failed');
      }
    } finally {
      setSubmitting(false);
    }
  };

  const restore = (submission: Submission) => {
    for (const task of tasks) {
      const answer = submission.answers[task.id];
      if (answer !== undefined) setDraft(task.id, answer);
    }
    setAnnouncement('Submission loaded into the editor');
  };

  return (
    <>
      <details class="brief" open={submissions.length === 0}>
        <summary>Lab brief</summary>
        <MarkdownView source={lab.description} />
      </details>

      <AwsAccessPanel attemptId={attempt.id} lab={lab} />

      {attempt.accountDrift === null ? null : <AccountDriftNotice attempt={attempt} drift={attempt.accountDrift} onAttemptChange={onAttemptChange} />}

      <HintsPanel attemptId={attempt.id} hints={lab.hints} onAttemptChange={onAttemptChange} />

      {tasks.map((task, index) => (
        <TaskPanel
          key={task.id}
          task={task}
          index={index}
          value={drafts[task.id] ?? ''}
          submitted={last?.answers[task.id]}
          findings={editedSinceCheck.has(task.id) ? [] : (findingsByTask.byTask.get(task.id) ?? [])}
          reveal={reveals[task.id] ?? null}
          onChange={(text) => setDraft(task.id, text)}
          onReveal={(line) => revealLine(task.id, line)}
          onSubmitShortcut={submit}
        />
      ))}

      <div class="submit-bar">
        <button type="button" class="button button-large" onClick={submit} disabled={submitting} aria-describedby="submit-note">
          {submitting ? 'Grading…' : 'Submit for grading'}
        </button>
        <p id="submit-note" class="muted small">
          {submitNote(submissions.length, attempt.maxSubmissions)}
        </p>
      </div>

      <p role="status" class="visually-hidden">{announcement}</p>

      <section class="results stack" aria-labelledby="results-heading">
        <h2 id="results-heading" ref={resultsRef} tabIndex={-1}>
          {feedback?.kind === 'findings' ? 'Your answer could not be graded' : selected === undefined ? 'Results' : `Results of submission #${selectedNumber}`}
        </h2>

        {feedback?.kind === 'conflict' ? (
          <div class="notice notice-warning" role="alert">
            <p class="notice-title">This attempt changed in another tab or window</p>
            <p>We reloaded it so you see the latest submissions. Your drafts are kept — review them and submit again.</p>
          </div>
        ) : null}
        {feedback?.kind === 'error' ? <ErrorMessage error={feedback.error} title="Your answer was not submitted" /> : null}

        {feedback?.kind === 'findings' ? (
          <div class="stack" data-testid="submission-findings">
            <p>Fix these problems and submit again. Select a location to jump to that line.</p>
            {tasks.map((task) => {
              const findings = findingsByTask.byTask.get(task.id) ?? [];
              return findings.length === 0 ? null : (
                <div key={task.id} class="stack-tight">
                  {tasks.length > 1 ? <h3>{task.title}</h3> : null}
                  <FindingsList findings={findings} onReveal={(line) => revealLine(task.id, line)} />
                </div>
              );
            })}
            {findingsByTask.general.length === 0 ? null : <FindingsList findings={findingsByTask.general} />}
          </div>
        ) : null}

        {feedback?.kind !== 'findings' && selected !== undefined ? (
          <>
            <p class="muted">Submitted {formatDateTime(selected.createdAt)}</p>
            <GradeReport grade={selected.grade} />
            {selected.findings.length === 0 ? null : (
              <div class="stack-tight">
                <h3>Notes on your answer</h3>
                {tasks.map((task) => {
                  const findings = findingsByTask.byTask.get(task.id) ?? [];
                  return findings.length === 0 ? null : <FindingsList key={task.id} findings={findings} onReveal={(line) => revealLine(task.id, line)} />;
                })}
                {findingsByTask.general.length === 0 ? null : <FindingsList findings={findingsByTask.general} />}
              </div>
            )}
          </>
        ) : null}

        {feedback === null && selected === undefined ? <p class="muted">Submit your answer to see how each check grades it.</p> : null}
      </section>

      {submissions.length === 0 ? null : (
        <section class="stack" aria-labelledby="history-heading">
          <h2 id="history-heading">Submission history</h2>
          <SubmissionHistory
            submissions={submissions}
            selectedId={selected?.id ?? null}
            onSelect={(id) => {
              setFeedback(null);
              setSelectedId(id);
            }}
            onRestore={restore}
          />
        </section>
      )}
    </>
  );
}

/** The lab left the server: nothing can be submitted any more, but the learner's record stays readable. */
function WithdrawnLab({ attempt }: { attempt: Attempt }) {
  const last = attempt.submissions[attempt.submissions.length - 1];
  return (
    <>
      <div class="notice notice-warning">
        <p class="notice-title">This lab is no longer offered</p>
        <p>
          The lab <code>{attempt.labId}</code> was withdrawn, so this attempt cannot take new submissions. Your results are kept.
        </p>
      </div>
      {last === undefined ? null : (
        <section class="stack" aria-labelledby="results-heading">
          <h2 id="results-heading">Your last submission</h2>
          <GradeReport grade={last.grade} />
        </section>
      )}
    </>
  );
}

export function AttemptPage({ attemptId }: { attemptId: string }) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setAttempt(null);
    setError(null);
    api.attempt(attemptId).then(
      (loaded) => current && setAttempt(loaded),
      (failed: unknown) => current && setError(failed),
    );
    return () => {
      current = false;
    };
  }, [attemptId]);

  if (isApiError(error, 'not_found')) return <NotFoundPage />;
  if (attempt === null) {
    return (
      <section class="stack">
        <PageTitle title="Attempt" pending={error === null} />
        {error === null ? <p role="status" class="muted">Loading your attempt…</p> : <ErrorMessage error={error} title="Could not load the attempt" />}
      </section>
    );
  }

  const title = attempt.lab?.title ?? 'Withdrawn lab';
  return (
    <article class="stack attempt-page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <Link href={paths.catalogue()}>Labs</Link>
        {attempt.lab === null ? null : (
          <>
            <span aria-hidden="true"> / </span>
            <Link href={paths.lab(attempt.labId)}>{attempt.lab.title}</Link>
          </>
        )}
      </nav>
      <PageTitle title={title} />
      <p class="attempt-status">
        {attempt.status === 'completed' ? <CompletedBadge /> : <span class="badge">In progress</span>}
        <ScoreBadge score={attempt.bestScore} />
        <span class="muted">Started {formatDateTime(attempt.createdAt)}</span>
        <Link href={paths.attemptAccount(attempt.id)}>AWS account console</Link>
      </p>
      {attempt.lab === null ? (
        <WithdrawnLab attempt={attempt} />
      ) : (
        <AttemptWorkspace key={attempt.id} attempt={attempt} lab={attempt.lab} onAttemptChange={setAttempt} />
      )}
    </article>
  );
}
