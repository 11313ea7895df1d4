import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client.ts';
import type { AttemptSummary, LabView, User } from '../api/types.ts';
import { CompletedBadge, LabMeta, ScoreBadge } from '../components/badges.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { MarkdownView } from '../components/markdown-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';
import { NotFoundPage } from './not-found-page.tsx';

function AttemptList({ attempts }: { attempts: AttemptSummary[] }) {
  return (
    <section class="stack" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">Your attempts</h2>
      <ul class="attempt-list">
        {attempts.map((attempt) => {
          const count = attempt.submissionCount;
          return (
            <li key={attempt.id} class="attempt-row">
              <Link href={paths.attempt(attempt.id)}>Attempt started {formatDateTime(attempt.createdAt)}</Link>
              <span class="attempt-row-meta">
                {attempt.status === 'completed' ? <CompletedBadge /> : <span class="badge">In progress</span>}
                <ScoreBadge score={attempt.bestScore} label="Best" />
                <span class="muted">
                  {count} {count === 1 ? 'submission' : 'submissions'}
                  {count === 0 ? '' : `, last ${formatDateTime(attempt.updatedAt)}`}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function StartAttempt({ lab, user, hasAttempts }: { lab: LabView; user: User | null; hasAttempts: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (user === null) {
    return (
      <p>
        <Link href={paths.signIn(paths.lab(lab.id))}>Sign in</Link> or <Link href={paths.signUp(paths.lab(lab.id))}>create an account</Link> to start this lab.
      </p>
    );
  }

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const attempt = await api.startAttempt(lab.id);
      navigate(paths.attempt(attempt.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div class="stack">
      {error === null ? null : <ErrorMessage error={error} title="Could not start an attempt" />}
      <p>
        <button type="button" class="button" onClick={start} disabled={busy}>
          {busy ? 'Starting…' : hasAttempts ? 'Start a new attempt' : 'Start attempt'}
        </button>
      </p>
      <p class="muted small">Each attempt gets its own variant of the lab and a fresh emulated account.</p>
    </div>
  );
}

export function LabPage({ labId }: { labId: string }) {
  const { user } = useSession();
  const resource = useResource(`lab:${labId}:${user?.id ?? 'anonymous'}`, async () => {
    const [lab, attempts] = await Promise.all([api.lab(labId), user ? api.labAttempts(labId) : Promise.resolve([])]);
    return { lab, attempts };
  });

  if (resource.state === 'error' && isApiError(resource.error, 'not_found')) return <NotFoundPage />;
  if (resource.state !== 'ready') {
    return (
      <section class="stack">
        <PageTitle title="Lab" pending={resource.state === 'loading'} />
        {resource.state === 'loading' ? <p role="status" class="muted">Loading the lab…</p> : <ErrorMessage error={resource.error} title="Could not load the lab" />}
      </section>
    );
  }

  const { lab, attempts } = resource.data;
  return (
    <article class="stack lab-page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <Link href={paths.catalogue()}>Labs</Link>
      </nav>
      <PageTitle title={lab.title} />
      <p class="lead">{lab.summary}</p>
      <LabMeta lab={lab} />
      <div class="lab-layout">
        <div class="stack">
          <MarkdownView source={lab.description} />
          <section class="stack" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{lab.tasks.length === 1 ? 'Your task' : 'Your tasks'}</h2>
            <ol class="task-outline">
              {lab.tasks.map((task) => (
                <li key={task.id}>{task.title}</li>
              ))}
            </ol>
          </section>
        </div>
        <aside class="stack lab-aside" aria-label="Attempts">
          <StartAttempt lab={lab} user={user ?? null} hasAttempts={attempts.length > 0} />
          {attempts.length > 0 ? <AttemptList attempts={attempts} /> : null}
        </aside>
      </div>
    </article>
  );
}
