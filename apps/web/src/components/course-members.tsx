import type { CourseRole, MemberView } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { ErrorMessage } from './error-message.tsx';

/** Who is in the course; instructors enrol by email and remove members. */
export function CourseMembers({ courseId, members, onChange }: { courseId: string; members: MemberView[]; onChange: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CourseRole>('learner');
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      onChange();
    } catch (caught) {
      setError(caught);
    }
  };
  const enrol = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      await api.enrol(courseId, { email, role });
      setEmail('');
    });
  };
  return (
    <section class="stack" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul aria-label="Members">
        {members.map((member) => (
          <li key={member.userId}>
            {member.name === '' ? member.email : `${member.name} <${member.email}>`} <span class="muted">({member.role})</span>{' '}
            <button type="button" class="link-button small" onClick={() => void act(() => api.unenrol(courseId, member.email))}>
              Remove<span class="visually-hidden"> {member.email}</span>
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={enrol} aria-label="Enrol">
        <div class="field">
          <label for="enrol-email">Email</label>
          <input id="enrol-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
        </div>
        <div class="field">
          <label for="enrol-role">Role</label>
          <select id="enrol-role" value={role} onChange={(e) => setRole(e.currentTarget.value as CourseRole)}>
            <option value="learner">learner</option>
            <option value="instructor">instructor</option>
          </select>
        </div>
        <button type="submit" class="button">Enrol</button>
      </form>
      {error === null ? null : <ErrorMessage error={error} title="Could not change the members" />}
    </section>
  );
}
