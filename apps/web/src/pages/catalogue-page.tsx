import { api, isApiError } from '../api/client.ts';
import type { LabProgress, LabSummary, Track, TrackProgress } from '../api/types.ts';
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
      <h3 class="lab-card-title">
        <Link href={paths.lab(lab.id)}>{lab.title}</Link>
      </h3>
      <p>{lab.summary}</p>
      <LabMeta lab={lab} />
      {signedIn ? <ProgressLine progress={progress} /> : null}
    </li>
  );
}

/** A track's progress as text and as a labelled `<progress>`, so it reads the same to everyone. */
function TrackProgressLine({ track, progress }: { track: Track; progress: TrackProgress | undefined }) {
  const completed = progress?.completed ?? 0;
  const id = `track-progress-${track.id}`;
  return (
    <p class="track-progress" data-testid="track-progress">
      <label for={id}>
        {completed} of {track.labs} {track.labs === 1 ? 'lab' : 'labs'} completed<span class="visually-hidden"> in {track.title}</span>
      </label>
      <progress id={id} max={track.labs} value={completed} />
    </p>
  );
}

interface CatalogueData {
  labs: LabSummary[];
  tracks: Track[];
  progress: Map<string, LabProgress>;
  trackProgress: Map<string, TrackProgress>;
}

function TrackSection({ track, data, signedIn }: { track: Track; data: CatalogueData; signedIn: boolean }) {
  const labs = data.labs.filter((lab) => lab.track === track.id);
  const headingId = `track-${track.id}`;
  return (
    <section class="track stack" aria-labelledby={headingId} data-track-id={track.id}>
      <h2 id={headingId}>{track.title}</h2>
      {signedIn ? <TrackProgressLine track={track} progress={data.trackProgress.get(track.id)} /> : null}
      <ul class="lab-grid" aria-label={`${track.title} labs`}>
        {labs.map((lab) => (
          <LabCard key={lab.id} lab={lab} progress={data.progress.get(lab.id)} signedIn={signedIn} />
        ))}
      </ul>
    </section>
  );
}

const NO_PROGRESS = { progress: [] as LabProgress[], tracks: [] as TrackProgress[] };

export function CataloguePage() {
  const { user } = useSession();
  const resource = useResource(`catalogue:${user?.id ?? 'anonymous'}`, async (): Promise<CatalogueData> => {
    const [catalogue, progress] = await Promise.all([
      api.catalogue(),
      user ? api.progress().catch((error: unknown) => (isApiError(error, 'unauthenticated') ? NO_PROGRESS : Promise.reject(error))) : Promise.resolve(NO_PROGRESS),
    ]);
    return {
      labs: catalogue.labs,
      // A track without published labs is left out rather than shown empty.
      tracks: catalogue.tracks.filter((track) => track.labs > 0),
      progress: new Map(progress.progress.map((p) => [p.labId, p])),
      trackProgress: new Map(progress.tracks.map((t) => [t.id, t])),
    };
  });

  return (
    <section class="stack">
      <PageTitle title="Labs" />
      <p class="lead">Hands-on AWS labs graded in seconds against an emulated account, grouped into tracks. Pick one and start an attempt.</p>
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
          resource.data.tracks.map((track) => <TrackSection key={track.id} track={track} data={resource.data} signedIn={Boolean(user)} />)
        )
      ) : null}
    </section>
  );
}
