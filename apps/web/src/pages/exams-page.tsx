import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { ExamSummary } from '../api/exam-types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { MarkdownView } from '../components/markdown-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime, formatMinutes } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { useResource } from '../use-resource.ts';

const RELEASE: Record<ExamSummary['settings']['feedbackRelease'], string> = {
  never: 'results are not shown',
  'after-submit': 'results right after you submit',
  'after-close': 'results once the exam closes',
};

function ExamCard({ exam }: { exam: ExamSummary }) {
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const active = exam.sessions.find((session) => session.status === 'active');
  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      navigate(paths.examSession((await api.startExam(exam.id)).id));
    } catch (failure) {
      setError(failure);
      setStarting(false);
    }
  };
  return (
    <li class="lab-card stack" data-exam-id={exam.id}>
      <h2 class="lab-card-title">{exam.title}</h2>
      <MarkdownView source={exam.description} headingOffset={2} />
      <p class="muted small">
        {exam.itemCount} items · {formatMinutes(exam.settings.timeLimitMinutes)} · {exam.attemptsLeft} of {exam.settings.attemptsAllowed} attempts left · {RELEASE[exam.settings.feedbackRelease]}
        {exam.settings.availability.closes === undefined ? '' : ` · closes ${formatDateTime(exam.settings.availability.closes)}`}
      </p>
      {active ? (
        <Link href={paths.examSession(active.id)} class="button">
          Resume<span class="visually-hidden"> {exam.title}</span>
        </Link>
      ) : exam.availability !== 'open' ? (
        <p class="notice">{exam.availability === 'upcoming' ? `Opens ${formatDateTime(exam.settings.availability.opens ?? '')}` : 'This exam is closed.'}</p>
      ) : exam.attemptsLeft > 0 ? (
        <button type="button" class="button" onClick={() => void start()} disabled={starting}>
          {starting ? 'Starting…' : 'Start the exam'}
          <span class="visually-hidden"> {exam.title}</span>
        </button>
      ) : null}
      {error === null ? null : <ErrorMessage error={error} title="The exam did not start" />}
      {exam.sessions.filter((session) => session.status !== 'active').length === 0 ? null : (
        <ul class="small">
          {exam.sessions
            .filter((session) => session.status !== 'active')
            .map((session) => (
              <li key={session.id}>
                <Link href={paths.examResult(session.id)}>Result of {formatDateTime(session.startedAt)}</Link>
              </li>
            ))}
        </ul>
      )}
    </li>
  );
}

/** The exams a learner may take, with their rules and the learner's own sessions; one exam alone at `/exams/:id`. */
export function ExamsPage({ examId }: { examId?: string }) {
  const resource = useResource('exams', () => api.exams());
  const shown = resource.state === 'ready' ? resource.data.filter((exam) => examId === undefined || exam.id === examId) : [];
  return (
    <section class="stack">
      <PageTitle title="Exams" />
      <p class="lead">Timed exams mixing scenario questions with hands-on lab tasks. The clock is the server's; every answer is saved as you go.</p>
      {resource.state === 'loading' ? <p role="status" class="muted">Loading exams…</p> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} title="Could not load the exams" /> : null}
      {resource.state === 'ready' ? (
        shown.length === 0 ? (
          <p>{examId === undefined ? 'No exams are published yet.' : `There is no exam \`${examId}\`.`}</p>
        ) : (
          <ul class="lab-grid" aria-label="Exams">
            {shown.map((exam) => (
              <ExamCard key={exam.id} exam={exam} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
