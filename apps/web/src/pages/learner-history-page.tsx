import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { GradeReport } from '../components/grade-report.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime, formatPercent } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

/** One learner's attempts in the course with every submission, its answers and its full grade (for instructors). */
export function LearnerHistoryPage({ courseId, userId }: { courseId: string; userId: string }) {
  const resource = useResource(`history:${courseId}:${userId}`, () => api.learnerHistory(courseId, userId));
  if (resource.state === 'loading') return <PageTitle title="Learner" pending />;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the learner's attempts" />;
  const { learner, attempts } = resource.data;
  return (
    <section class="stack">
      <p class="breadcrumb"><Link href={paths.course(courseId)}>Back to the course</Link></p>
      <PageTitle title={learner.name === '' ? learner.email : learner.name} />
      {attempts.length === 0 ? <p class="muted">No attempts yet.</p> : null}
      {attempts.map((attempt) => (
        <article key={attempt.id} class="stack">
          <h2>{attempt.labTitle} <span class="muted">· started {formatDateTime(attempt.createdAt)}</span></h2>
          {attempt.submissions.map((submission, index) => (
            <details key={submission.id}>
              <summary>
                #{index + 1} · {formatPercent(submission.grade.score)} · {formatDateTime(submission.createdAt)}
              </summary>
              {Object.entries(submission.answers).map(([task, answer]) => (
                <pre key={task} class="code-block" aria-label={`answer to ${task}`}>{answer}</pre>
              ))}
              <GradeReport grade={submission.grade} />
            </details>
          ))}
        </article>
      ))}
    </section>
  );
}
