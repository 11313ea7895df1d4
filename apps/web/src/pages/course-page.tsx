import { api } from '../api/client.ts';
import { CourseAssignments } from '../components/course-assignments.tsx';
import { CourseMembers } from '../components/course-members.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { GradebookTable } from '../components/gradebook-table.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useResource } from '../use-resource.ts';

async function loadCourse(courseId: string) {
  const { course, assignments } = await api.course(courseId);
  if (course.role !== 'instructor') return { course, assignments, teaching: null };
  const [members, gradebook, repositoryLabs, courseLabs] = await Promise.all([api.members(courseId), api.gradebook(courseId), api.labs(), api.courseLabs(courseId)]);
  // the labs published to this course first: they are what its instructors just made for it
  const labs = [...courseLabs.map((lab) => ({ id: lab.id, title: `${lab.title} (this course)` })), ...repositoryLabs];
  return { course, assignments, teaching: { members, gradebook, labs } };
}

/** A course: its learners see the assignments; its instructors manage members and assignments and read the gradebook. */
export function CoursePage({ courseId }: { courseId: string }) {
  const resource = useResource(`course:${courseId}`, () => loadCourse(courseId));
  if (resource.state === 'loading') return <PageTitle title="Course" pending />;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the course" />;
  const { course, assignments, teaching } = resource.data;
  return (
    <section class="stack">
      <PageTitle title={course.title} />
      {course.description === '' ? null : <p class="lead">{course.description}</p>}
      {teaching === null ? (
        <ul aria-label="Assignments">
          {assignments.map((a) => (
            <li key={a.id}>
              {a.title} <span class="muted">· {a.dueAt === null ? 'no due date' : `due ${formatDateTime(a.dueAt)}`}</span>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <CourseAssignments courseId={course.id} assignments={assignments} labs={teaching.labs} onChange={resource.reload} />
          <CourseMembers courseId={course.id} members={teaching.members} onChange={resource.reload} />
          <GradebookTable courseId={course.id} gradebook={teaching.gradebook} />
        </>
      )}
    </section>
  );
}
