import type { CourseLabView } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import { ErrorMessage } from './error-message.tsx';

/**
 * Publishes the previewed text to a course the user teaches: the server checks and self-tests it again, then
 * the course's members see it and its assignments may name it.
 */
export function PublishLabForm({ text }: { text: string }) {
  const courses = useResource('courses', () => api.courses());
  const teaching = courses.state === 'ready' ? courses.data.filter((course) => course.role === 'instructor') : [];
  const [courseId, setCourseId] = useState('');
  const [published, setPublished] = useState<CourseLabView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const chosen = courseId === '' ? teaching[0]?.id : courseId;
  const publish = async (event: Event) => {
    event.preventDefault();
    if (chosen === undefined) return;
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      setPublished(await api.publishLab(chosen, { text }));
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  };
  if (courses.state === 'error') return <ErrorMessage error={courses.error} title="Could not load your courses" />;
  if (courses.state === 'ready' && teaching.length === 0) return <p class="muted">Create a course to publish this lab to it.</p>;
  return (
    <form class="stack" onSubmit={publish} aria-label="Publish to a course">
      <div class="field">
        <label for="publish-course">Course</label>
        <select id="publish-course" value={chosen ?? ''} onChange={(e) => setCourseId(e.currentTarget.value)}>
          {teaching.map((course) => (
            <option key={course.id} value={course.id}>{course.title}</option>
          ))}
        </select>
      </div>
      <button type="submit" class="button" disabled={busy || chosen === undefined}>{busy ? 'Publishing…' : 'Publish to course'}</button>
      {published === null ? null : (
        <p role="status">
          Published <code>{published.id}</code> to <Link href={paths.course(published.courseId)}>{teaching.find((course) => course.id === published.courseId)?.title ?? 'the course'}</Link>: its learners see it, and it can be assigned there.
        </p>
      )}
      {error === null ? null : <ErrorMessage error={error} title="The lab was not published" />}
    </form>
  );
}
