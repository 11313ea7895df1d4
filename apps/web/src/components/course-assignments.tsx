import type { AssignmentView, LatePolicyBody } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { LabSummary } from '../api/types.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { ErrorMessage } from './error-message.tsx';

/** A lab an assignment may name: the repository's, and those published to the course. */
type AssignableLab = Pick<LabSummary, 'id' | 'title'>;

function policyText(policy: LatePolicyBody): string {
  if (policy === 'accept') return 'late work accepted';
  if (policy === 'refuse') return 'no late work';
  return `−${policy.penaltyPercentPerDay}% per day late`;
}

/** A `datetime-local` value (the browser's local time) as an ISO instant, or null when empty. */
function isoOrNull(local: string): string | null {
  return local === '' ? null : new Date(local).toISOString();
}

function NewAssignmentForm({ courseId, labs, onCreated }: { courseId: string; labs: AssignableLab[]; onCreated: () => void }) {
  const [labId, setLabId] = useState(labs[0]?.id ?? '');
  const [dueAt, setDueAt] = useState('');
  const [policy, setPolicy] = useState<'accept' | 'refuse' | 'penalty'>('accept');
  const [percent, setPercent] = useState('10');
  const [error, setError] = useState<unknown>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const latePolicy = policy === 'penalty' ? { penaltyPercentPerDay: Number(percent) } : policy;
      await api.createAssignment(courseId, { kind: 'lab', refId: labId, dueAt: isoOrNull(dueAt), latePolicy });
      onCreated();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form class="inline-form" onSubmit={create} aria-label="Assign a lab">
      <div class="field">
        <label for="assign-lab">Lab</label>
        <select id="assign-lab" value={labId} onChange={(e) => setLabId(e.currentTarget.value)}>
          {labs.map((lab) => (
            <option key={lab.id} value={lab.id}>{lab.title}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="assign-due">Due</label>
        <input id="assign-due" type="datetime-local" value={dueAt} onInput={(e) => setDueAt(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="assign-policy">Late work</label>
        <select id="assign-policy" value={policy} onChange={(e) => setPolicy(e.currentTarget.value as typeof policy)}>
          <option value="accept">accept</option>
          <option value="penalty">penalty per day</option>
          <option value="refuse">refuse</option>
        </select>
      </div>
      {policy === 'penalty' ? (
        <div class="field">
          <label for="assign-percent">Percent per day</label>
          <input id="assign-percent" type="number" min="1" max="100" value={percent} onInput={(e) => setPercent(e.currentTarget.value)} />
        </div>
      ) : null}
      <button type="submit" class="button">Assign</button>
      {error === null ? null : <ErrorMessage error={error} title="Could not assign the lab" />}
    </form>
  );
}

/** The course's assignments; instructors add and remove them and open each lab's analytics. */
export function CourseAssignments({ courseId, assignments, labs, onChange }: { courseId: string; assignments: AssignmentView[]; labs: AssignableLab[]; onChange: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const remove = async (id: string) => {
    try {
      await api.deleteAssignment(courseId, id);
      onChange();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="stack" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Assignments</h2>
      <ul aria-label="Assignments">
        {assignments.map((a) => (
          <li key={a.id}>
            <strong>{a.title}</strong> <span class="muted">· {a.dueAt === null ? 'no due date' : `due ${formatDateTime(a.dueAt)}`} · {policyText(a.latePolicy)}</span>{' '}
            {a.kind === 'lab' ? <Link href={paths.labAnalytics(courseId, a.refId)}>Analytics<span class="visually-hidden"> of {a.title}</span></Link> : null}{' '}
            <button type="button" class="link-button small" onClick={() => void remove(a.id)}>
              Delete<span class="visually-hidden"> {a.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <NewAssignmentForm courseId={courseId} labs={labs} onCreated={onChange} />
      {error === null ? null : <ErrorMessage error={error} title="Could not delete the assignment" />}
    </section>
  );
}
