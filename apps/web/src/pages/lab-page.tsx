import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client.ts';
import type { Attempt, LabView, User } from '../api/types.ts';
import { CompletedBadge, LabMeta, ScoreBadge } from '../components/badges.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { MarkdownView } from '../components/markdown-view.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { browserStore, forgetAttempt, knownAttempts, rememberAttempt } from '../lib/storage.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * The API lists no attempts per lab, only the latest one in the learner's progress; the others shown are
 * the ones this browser started (ids kept in localStorage). Each is fetched fresh, newest first, and ids
 * the server no longer knows are forgotten.
 */
async function loadAttempts(user: User, labId: string): Promise<Attempt[]> {
  const store = browserStore();
  const progress = await api.progress();
  const latest = progress.find((entry) => entry.labId === labId)?.latestAttemptId;
  const ids = [...new Set([...(latest === undefined ? [] : [latest]), ...knownAttempts(store, user.id, labId)])];
  const results = await Promise.all(
    ids.map((id) =>
      api.attempt(id).catch((error: unknown) => {
        if (isApiError(error, 'not_found')) {
          forgetAttempt(store, user.id, labId, id);
          return null;
        }
        throw error;
      }),
    ),
  );
  return results.filter((attempt): attempt is Attempt => attempt !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function AttemptList({ attempts }: { attempts: Attempt[] }) {
  return (
    <section class="stack" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">Your attempts</h2>
      <ul class="attempt-list">
        {attempts.map((attempt) => {
          const last = attempt.submissions[attempt.submissions.length - 1];
          return (
            <li key={attempt.id} class="attempt-row">
              <Link href={paths.attempt(attempt.id)}>Attempt started {formatDateTime(attempt.createdAt)}</Link>
              <span class="attempt-row-meta">
                {attempt.status === 'completed' ? <CompletedBadge /> : <span class="badge">In progress</span>}
                <ScoreBadge score={attempt.bestScore} label="Best" />
                <span class="muted">
                  {attempt.submissions.length} {attempt.submissions.length === 1 ? 'submission' : 'submissions'}
                  {last === undefined ? '' : `, last ${formatDateTime(last.createdAt)}`}
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
      rememberAttempt(browserStore(), user.id, lab.id, attempt.id);
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
    const [lab, attempts] = await Promise.all([api.lab(labId), user ? loadAttempts(user, labId) : Promise.resolve([])]);
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
