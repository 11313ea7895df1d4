import type { LabPreview } from '@skylab/lab-engine';
import type {
  ApiTokenView,
  AssignmentBody,
  AssignmentView,
  CourseBody,
  CourseView,
  GradebookView,
  LabAnalytics,
  LabPreviewBody,
  LearnerAssignmentView,
  MemberBody,
  MemberView,
  TokenBody,
} from '@skylab/validation';
import type { Attempt, AttemptSummary, Submission } from './types.ts';

// The course, token and lab preview calls. Their request and answer types come from `@skylab/validation`
// (and `@skylab/lab-engine` for the preview), the very modules the API validates and answers with.

export type Call = <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown) => Promise<T>;

export interface LearnerHistory {
  learner: MemberView;
  attempts: (AttemptSummary & { labTitle: string; submissions: Submission[] })[];
}

const course = (id: string, rest = '') => `/api/courses/${encodeURIComponent(id)}${rest}`;

export function courseCalls(call: Call) {
  return {
    myAssignments: () => call<{ assignments: LearnerAssignmentView[] }>('GET', '/api/me/assignments').then((r) => r.assignments),
    courses: () => call<{ courses: CourseView[] }>('GET', '/api/courses').then((r) => r.courses),
    createCourse: (body: CourseBody) => call<{ course: CourseView }>('POST', '/api/courses', body).then((r) => r.course),
    course: (id: string) => call<{ course: CourseView; assignments: AssignmentView[] }>('GET', course(id)),
    deleteCourse: (id: string) => call<void>('DELETE', course(id)),
    members: (id: string) => call<{ members: MemberView[] }>('GET', course(id, '/members')).then((r) => r.members),
    enrol: (id: string, body: MemberBody) => call<{ member: MemberView }>('POST', course(id, '/members'), body).then((r) => r.member),
    unenrol: (id: string, email: string) => call<void>('DELETE', course(id, `/members/${encodeURIComponent(email)}`)),
    createAssignment: (id: string, body: AssignmentBody) => call<{ assignment: AssignmentView }>('POST', course(id, '/assignments'), body).then((r) => r.assignment),
    deleteAssignment: (id: string, assignmentId: string) => call<void>('DELETE', course(id, `/assignments/${encodeURIComponent(assignmentId)}`)),
    gradebook: (id: string) => call<GradebookView>('GET', course(id, '/gradebook')),
    gradebookCsvUrl: (id: string) => course(id, '/gradebook.csv'),
    learnerHistory: (id: string, userId: string) => call<LearnerHistory>('GET', course(id, `/learners/${encodeURIComponent(userId)}/attempts`)),
    labAnalytics: (id: string, labId: string) => call<LabAnalytics & { labId: string; title: string }>('GET', course(id, `/analytics/${encodeURIComponent(labId)}`)),
    startAssignment: (labId: string, assignmentId: string) =>
      call<{ attempt: Attempt }>('POST', `/api/labs/${encodeURIComponent(labId)}/attempts`, { assignmentId }).then((r) => r.attempt),
    tokens: () => call<{ tokens: ApiTokenView[] }>('GET', '/api/tokens').then((r) => r.tokens),
    createToken: (body: TokenBody) => call<{ token: ApiTokenView; plaintext: string }>('POST', '/api/tokens', body),
    revokeToken: (tokenId: string) => call<void>('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`),
    previewLab: (body: LabPreviewBody) => call<{ preview: LabPreview }>('POST', '/api/lab-preview', body).then((r) => r.preview),
  };
}
