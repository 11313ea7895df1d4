import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client.ts';
import type { ExamItem, ExamSession } from '../api/exam-types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { ExamItemInput } from '../components/exam-item-input.tsx';
import { ExamNavigator } from '../components/exam-navigator.tsx';
import { ExamTimer } from '../components/exam-timer.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { SaveStatus } from '../components/save-status.tsx';
import { isAnswered } from '../lib/exam-answer.ts';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { useExamAutosave } from '../use-exam-autosave.ts';
import { useResource } from '../use-resource.ts';
import { NotFoundPage } from './not-found-page.tsx';

function paperItems(session: ExamSession): { item: ExamItem; section: string }[] {
  return session.paper.sections.flatMap((section) => section.items.map((item) => ({ item, section: section.title })));
}

function ExamWorkspace({ session, onEnded }: { session: ExamSession; onEnded: () => void }) {
  const items = paperItems(session);
  const [currentId, setCurrentId] = useState(items[0]?.item.id ?? '');
  const [flags, setFlags] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { answers, saves, setAnswer, retry, flushAll } = useExamAutosave(session, onEnded);

  const index = Math.max(0, items.findIndex((entry) => entry.item.id === currentId));
  const current = items[index];
  const unanswered = items.filter((entry) => !isAnswered(answers[entry.item.id])).length;
  const go = (to: number) => setCurrentId(items[to]?.item.id ?? currentId);
  const toggleFlag = () => setFlags((now) => (now.has(currentId) ? new Set([...now].filter((id) => id !== currentId)) : new Set([...now, currentId])));

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      await flushAll();
      await api.submitExam(session.id);
      navigate(paths.examResult(session.id));
    } catch (failure) {
      if (isApiError(failure, 'exam_submitted')) navigate(paths.examResult(session.id));
      else setError(failure);
      setSubmitting(false);
    }
  };

  if (current === undefined) return <p>This paper has no items.</p>;
  const itemNumber = index + 1;
  return (
    <div class="exam-layout">
      <aside class="exam-side stack">
        <ExamTimer deadline={session.deadline} serverNow={session.serverNow} onExpired={onEnded} />
        <ExamNavigator
          entries={items.map((entry, i) => ({ id: entry.item.id, number: i + 1, answered: isAnswered(answers[entry.item.id]), flagged: flags.has(entry.item.id), save: saves[entry.item.id] }))}
          current={currentId}
          onSelect={setCurrentId}
        />
      </aside>
      <section class="exam-item stack" aria-labelledby="exam-item-title" data-item-id={current.item.id}>
        <h2 id="exam-item-title" class="exam-item-title">
          Item {itemNumber} of {items.length} <span class="muted small">· {current.section} · {current.item.points} {current.item.points === 1 ? 'point' : 'points'}</span>
        </h2>
        <ExamItemInput key={current.item.id} item={current.item} answer={answers[current.item.id]} onAnswer={(value) => setAnswer(current.item.id, value)} disabled={false} />
        <SaveStatus save={saves[current.item.id]} answered={isAnswered(answers[current.item.id])} onRetry={() => retry(current.item.id)} />
        <div class="exam-item-tools">
          <button type="button" class="button button-outline" aria-pressed={flags.has(currentId)} onClick={toggleFlag}>
            {flags.has(currentId) ? 'Unflag' : 'Flag for review'}
          </button>
          <button type="button" class="button button-outline" disabled={index === 0} onClick={() => go(index - 1)}>
            Previous
          </button>
          <button type="button" class="button" disabled={index === items.length - 1} onClick={() => go(index + 1)}>
            Next
          </button>
        </div>
        <div class="exam-submit stack">
          {confirming ? (
            <div role="alertdialog" aria-labelledby="exam-confirm" class="notice stack">
              <p id="exam-confirm">
                {unanswered === 0 ? 'Every item is answered.' : `${unanswered} ${unanswered === 1 ? 'item is' : 'items are'} not answered.`} Submit the exam now? You cannot change your answers afterwards.
              </p>
              <div class="exam-item-tools">
                <button type="button" class="button" onClick={() => void submit()} disabled={submitting}>
                  {submitting ? 'Submitting…' : 'Submit exam'}
                </button>
                <button type="button" class="button button-outline" onClick={() => setConfirming(false)} disabled={submitting}>
                  Keep working
                </button>
              </div>
            </div>
          ) : (
            <button type="button" class="button" onClick={() => setConfirming(true)}>
              Finish and submit…
            </button>
          )}
          {error === null ? null : <ErrorMessage error={error} title="The exam was not submitted" />}
        </div>
      </section>
    </div>
  );
}

/** Taking an exam: one item at a time, every answer autosaved, the deadline the server's. */
export function ExamPage({ sessionId }: { sessionId: string }) {
  const resource = useResource(`exam-session:${sessionId}`, () => api.examSession(sessionId));
  if (resource.state === 'loading') return <PageTitle title="Exam" pending />;
  if (resource.state === 'error') {
    return isApiError(resource.error, 'not_found') ? <NotFoundPage /> : <ErrorMessage error={resource.error} title="Could not load the exam" />;
  }
  const session = resource.data;
  return (
    <section class="stack">
      <PageTitle title={session.paper.title} />
      {session.status === 'active' ? (
        <ExamWorkspace session={session} onEnded={resource.reload} />
      ) : (
        <p class="notice" role="status">
          {session.status === 'timed-out' ? 'The time is over: the answers saved by the deadline were submitted.' : 'This exam was submitted.'}{' '}
          <Link href={paths.examResult(session.id)}>See the result</Link>
        </p>
      )}
    </section>
  );
}
