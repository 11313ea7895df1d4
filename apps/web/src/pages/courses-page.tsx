import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { ApiTokensPanel } from '../components/api-tokens-panel.tsx';
import { DueAssignments } from '../components/due-assignments.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';

function NewCourseForm() {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    try {
      const course = await api.createCourse({ title });
      navigate(paths.course(course.id));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form class="stack" onSubmit={create} aria-label="New course">
      <div class="field">
        <label for="course-title">Course title</label>
        <input id="course-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required maxLength={200} />
      </div>
      <button type="submit" class="button">Create course</button>
      {error === null ? null : <ErrorMessage error={error} title="Could not create the course" />}
    </form>
  );
}

/** The signed-in user's courses and what is due; instructors create courses here. */
export function CoursesPage() {
  const { user } = useSession();
  const resource = useResource(`courses:${user?.id ?? ''}`, async () => {
    const [courses, assignments] = await Promise.all([api.courses(), api.myAssignments()]);
    return { courses, assignments };
  });
  const teaches = user?.role === 'instructor' || user?.role === 'admin';
  return (
    <section class="stack">
      <PageTitle title="Courses" />
      {resource.state === 'loading' ? <p role="status" class="muted">Loading courses…</p> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} title="Could not load your courses" /> : null}
      {resource.state === 'ready' ? (
        <>
          <h2>Due</h2>
          <DueAssignments assignments={resource.data.assignments} />
          <h2>Your courses</h2>
          {resource.data.courses.length === 0 ? (
            <p class="muted">You are in no course yet.</p>
          ) : (
            <ul aria-label="Your courses">
              {resource.data.courses.map((course) => (
                <li key={course.id}>
                  <Link href={paths.course(course.id)}>{course.title}</Link> <span class="muted">({course.role})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {teaches ? (
        <>
          <h2>New course</h2>
          <NewCourseForm />
          <p>
            <Link href={paths.labPreview()}>Preview a lab</Link> before you assign it.
          </p>
          <ApiTokensPanel />
        </>
      ) : null}
    </section>
  );
}
