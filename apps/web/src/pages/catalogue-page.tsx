import { api, isApiError } from '../api/client.ts';
import type { LabProgress, LabSummary } from '../api/types.ts';
import { CompletedBadge, LabMeta, ScoreBadge } from '../components/badges.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';

function ProgressLine({ progress }: { progress: LabProgress | undefined }) {
  if (progress === undefined || progress.attempts === 0) return <p class="lab-progress muted">Not started</p>;
  return (
    <p class="lab-progress" data-testid="lab-progress">
      {progress.completed ? <CompletedBadge /> : null}
      <ScoreBadge score={progress.bestScore} />
      <span class="muted">
        {progress.attempts} {progress.attempts === 1 ? 'attempt' : 'attempts'}
      </span>
      {progress.latestAttemptId === undefined || progress.completed ? null : (
        <Link href={paths.attempt(progress.latestAttemptId)} class="continue-link">
          Continue<span class="visually-hidden"> {progress.title}</span>
        </Link>
      )}
    </p>
  );
}

function LabCard({ lab, progress, signedIn }: { lab: LabSummary; progress: LabProgress | undefined; signedIn: boolean }) {
  return (
    <li class="lab-card" data-lab-id={lab.id}>
      <h2 class="lab-card-title">
        <Link href={paths.lab(lab.id)}>{lab.title}</Link>
      </h2>
      <p>{lab.summary}</p>
      <LabMeta lab={lab} />
      {signedIn ? <ProgressLine progress={progress} /> : null}
    </li>
  );
}

export function CataloguePage() {
  const { user } = useSession();
  const resource = useResource(`catalogue:${user?.id ?? 'anonymous'}`, async () => {
    const [labs, progress] = await Promise.all([
      api.labs(),
      user ? api.progress().catch((error: unknown) => (isApiError(error, 'unauthenticated') ? [] : Promise.reject(error))) : Promise.resolve([]),
    ]);
    return { labs, progress: new Map(progress.map((p) => [p.labId, p])) };
  });

  return (
    <section class="stack">
      <PageTitle title="Labs" />
      <p class="lead">Hands-on AWS labs graded in seconds against an emulated account. Pick one and start an attempt.</p>
      {user === null ? (
        <p class="notice">
          <Link href={paths.signIn()}>Sign in</Link> or <Link href={paths.signUp()}>create an account</Link> to start labs and keep your progress.
        </p>
      ) : null}
      {resource.state === 'loading' ? <p role="status" class="muted">Loading labs…</p> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} title="Could not load the labs" /> : null}
      {resource.state === 'ready' ? (
        resource.data.labs.length === 0 ? (
          <p>No labs are published yet.</p>
        ) : (
          <ul class="lab-grid" aria-label="Labs">
            {resource.data.labs.map((lab) => (
              <LabCard key={lab.id} lab={lab} progress={resource.data.progress.get(lab.id)} signedIn={Boolean(user)} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
