import {
  listAssignmentAttempts,
  listAssignmentSubmissionScores,
  listCourseAssignments,
  listCourseLabSubmissions,
  listMembers,
  listSubmissions,
  type AssignmentRow,
  type CourseRow,
} from '@skylab/db';
import type { GradebookView, LabAnalyticsResponse, LearnerHistoryResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { labAnalytics } from '../course-analytics.ts';
import { courseAccess } from '../course-access.ts';
import { labTitle } from '../course-labs.ts';
import { assignmentView, memberView } from '../course-views.ts';
import { toCsv } from '../csv.ts';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { gradebookCells } from '../gradebook.ts';
import { attemptSummaryView, PAST_DUE_RELEASE, submissionView } from '../views.ts';

type GradebookRow = GradebookView['rows'][number];

const percent = (score: number | null) => (score === null ? null : Math.round(score * 1000) / 10);

/** The course's instructors read how its learners did: gradebook (JSON and CSV), a learner's history, lab analytics. */
export function courseReportRoutes(deps: AppDeps) {
  async function gradebook(course: CourseRow): Promise<{ assignments: AssignmentRow[]; rows: GradebookRow[] }> {
    const [assignments, members, attempts, scores] = await Promise.all([
      listCourseAssignments(deps.db, course.id),
      listMembers(deps.db, course.id),
      listAssignmentAttempts(deps.db, { courseId: course.id }),
      listAssignmentSubmissionScores(deps.db, { courseId: course.id }),
    ]);
    const rows = members
      .filter((member) => member.role === 'learner')
      .map((member) => ({
        learner: { userId: member.userId, email: member.email, name: member.name },
        cells: gradebookCells(
          assignments,
          attempts.filter((a) => a.userId === member.userId),
          scores,
        ),
      }));
    return { assignments, rows };
  }

  return new Hono<AppEnv>()
    .get('/:courseId/gradebook', async (c) => {
      const { course } = await courseAccess(c, deps, 'grades:read', 'instructor');
      const { assignments, rows } = await gradebook(course);
      return c.json({ assignments: assignments.map(assignmentView), rows } satisfies GradebookView);
    })
    .get('/:courseId/gradebook.csv', async (c) => {
      const { course } = await courseAccess(c, deps, 'grades:read', 'instructor');
      const { assignments, rows } = await gradebook(course);
      const header = ['email', 'name', ...assignments.flatMap((a) => [`${a.title} score %`, `${a.title} completed`, `${a.title} late`, `${a.title} minutes`])];
      const body = rows.map((row) => [
        row.learner.email,
        row.learner.name,
        ...row.cells.flatMap((cell) => [percent(cell.bestScore), cell.completed, cell.late, Math.round(cell.timeSpentMs / 60_000)]),
      ]);
      c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
      c.header('Content-Disposition', `attachment; filename="gradebook-${course.id}.csv"`);
      return c.body(toCsv([header, ...body]));
    })
    .get('/:courseId/learners/:userId/attempts', async (c) => {
      const { course } = await courseAccess(c, deps, 'grades:read', 'instructor');
      const userId = c.req.param('userId');
      const learner = (await listMembers(deps.db, course.id)).find((m) => m.userId === userId && m.role === 'learner');
      if (!learner) throw notFound(`there is no learner \`${userId}\` in this course`);
      const attempts = await listAssignmentAttempts(deps.db, { courseId: course.id, userId });
      // Instructors see every grade in full, whatever the checks' visibility: they are not the ones being tested.
      const history = await Promise.all(
        attempts.map(async (attempt) => ({
          ...attemptSummaryView(attempt),
          labTitle: await labTitle(deps, attempt.labId),
          submissions: (await listSubmissions(deps.db, attempt.id)).map((s) => submissionView(s, PAST_DUE_RELEASE)),
        })),
      );
      return c.json({ learner: memberView(learner), attempts: history } satisfies LearnerHistoryResponse);
    })
    .get('/:courseId/analytics/:labId', async (c) => {
      const { course } = await courseAccess(c, deps, 'grades:read', 'instructor');
      const labId = c.req.param('labId');
      const rows = await listCourseLabSubmissions(deps.db, course.id, labId);
      return c.json({ labId, title: await labTitle(deps, labId), ...labAnalytics(rows) } satisfies LabAnalyticsResponse);
    });
}
