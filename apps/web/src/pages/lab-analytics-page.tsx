import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';

/** Which checks and misconceptions fail most in a lab within a course, and its most common wrong answers. */
export function LabAnalyticsPage({ courseId, labId }: { courseId: string; labId: string }) {
  const resource = useResource(`analytics:${courseId}:${labId}`, () => api.labAnalytics(courseId, labId));
  if (resource.state === 'loading') return <PageTitle title="Analytics" pending />;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the analytics" />;
  const report = resource.data;
  return (
    <section class="stack">
      <p class="breadcrumb"><Link href={paths.course(courseId)}>Back to the course</Link></p>
      <PageTitle title={`${report.title}: analytics`} />
      <p>{report.submissions} submissions.</p>
      <h2>Checks that fail most</h2>
      <ol aria-label="Failing checks">
        {report.checks.map((check) => (
          <li key={check.id}>{check.title}: failed {check.failed} of {check.submissions}</li>
        ))}
      </ol>
      <h2>Misconceptions</h2>
      <ol aria-label="Misconceptions">
        {report.misconceptions.map((m) => (
          <li key={m.tag}><code>{m.tag}</code>: {m.count}</li>
        ))}
      </ol>
      <h2>Most common wrong answers</h2>
      {report.wrongAnswers.map((cluster) => (
        <details key={cluster.failingChecks.join()}>
          <summary>
            fails {cluster.failingChecks.join(', ')} · {cluster.submissions} submissions in {cluster.attempts} attempts
          </summary>
          {Object.entries(cluster.example.answers).map(([task, answer]) => (
            <pre key={task} class="code-block" aria-label={`example answer to ${task}`}>{answer}</pre>
          ))}
        </details>
      ))}
    </section>
  );
}
