import { api, isApiError } from '../api/client.ts';
import type { ExamResultView, ExamSession } from '../api/exam-types.ts';
import { DomainBars } from '../components/domain-bars.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { ExamItemInput } from '../components/exam-item-input.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { NotFoundPage } from './not-found-page.tsx';

const STATUS: Record<string, string> = { correct: 'Correct', partial: 'Partly correct', incorrect: 'Incorrect', unanswered: 'Not answered', voided: 'Voided (not counted)', error: 'Could not be graded' };

async function load(sessionId: string): Promise<{ session: ExamSession; result: ExamResultView | null; notice: string | null }> {
  const session = await api.examSession(sessionId);
  try {
    return { session, result: await api.examResult(sessionId), notice: null };
  } catch (error) {
    if (isApiError(error, 'result_not_released')) return { session, result: null, notice: error.message };
    throw error;
  }
}

function Released({ session, result }: { session: ExamSession; result: ExamResultView }) {
  const { result: graded } = result;
  const items = session.paper.sections.flatMap((section) => section.items);
  const byId = new Map(graded.items.map((item) => [item.id, item]));
  return (
    <div class="stack">
      <p class="exam-score" data-testid="exam-score">
        <strong>{graded.passed ? 'Passed' : 'Not passed'}</strong> · {Math.floor(graded.percent)}% ({graded.points} of {graded.maxPoints} points; {graded.passPercent}% needed)
      </p>
      <h2>By domain</h2>
      <DomainBars domains={graded.domains} />
      {result.regrades.length === 0 ? null : (
        <>
          <h2>Changes after grading</h2>
          <ul>
            {result.regrades.map((regrade) => (
              <li key={regrade.createdAt}>
                {formatDateTime(regrade.createdAt)}: {regrade.kind === 'void' ? 'an item was voided' : 'regraded'} ({regrade.reason}); {regrade.changes.before.points} → {regrade.changes.after.points} points
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Items</h2>
      <ol class="stack exam-review">
        {items.map((item) => {
          const graded = byId.get(item.id);
          return (
            <li key={item.id} class="exam-review-item stack">
              <p class="small">
                <strong>{STATUS[graded?.status ?? 'unanswered']}</strong> · {graded?.points ?? 0} / {graded?.maxPoints ?? item.points} points
                {graded?.message === undefined ? null : <span class="muted"> · {graded.message}</span>}
              </p>
              <ExamItemInput item={item} answer={session.answers[item.id]?.value} onAnswer={() => undefined} disabled />
              {graded?.checks === undefined ? null : (
                <ul class="small" aria-label="Checks">
                  {graded.checks.map((check) => (
                    <li key={check.id}>
                      <strong>{check.status === 'pass' ? 'Pass' : check.status === 'fail' ? 'Fail' : 'Error'}</strong> {check.title}: {check.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** An exam session's result: score, pass, per-domain bands and each item with its rationale, once released. */
export function ExamResultPage({ sessionId }: { sessionId: string }) {
  const resource = useResource(`exam-result:${sessionId}`, () => load(sessionId));
  if (resource.state === 'loading') return <PageTitle title="Exam result" pending />;
  if (resource.state === 'error') {
    return isApiError(resource.error, 'not_found') ? <NotFoundPage /> : <ErrorMessage error={resource.error} title="Could not load the result" />;
  }
  const { session, result, notice } = resource.data;
  return (
    <section class="stack">
      <PageTitle title={`Result: ${session.paper.title}`} />
      {session.status === 'active' ? (
        <p class="notice">
          This exam is still in progress. <Link href={paths.examSession(session.id)}>Go back to it</Link>
        </p>
      ) : (
        <p class="muted">{session.status === 'timed-out' ? 'Time ran out; the answers saved by the deadline were graded.' : `Submitted ${formatDateTime(session.submittedAt ?? session.deadline)}.`}</p>
      )}
      {result === null ? notice === null ? null : <p class="notice" role="status">{notice}</p> : <Released session={session} result={result} />}
      <p>
        <Link href={paths.exams()}>All exams</Link>
      </p>
    </section>
  );
}
