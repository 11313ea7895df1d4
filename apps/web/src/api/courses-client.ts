import type {
  AssignmentBody,
  AssignmentResponse,
  AttemptResponse,
  CourseBody,
  CourseDetailResponse,
  CourseLabBody,
  CourseLabListResponse,
  CourseLabResponse,
  CourseListResponse,
  CourseResponse,
  GradebookView,
  LabAnalyticsResponse,
  LabPreviewBody,
  LabPreviewResponse,
  LearnerAssignmentsResponse,
  LearnerHistoryResponse,
  MemberBody,
  MemberListResponse,
  MemberResponse,
  TokenBody,
  TokenCreatedResponse,
  TokenListResponse,
} from '@skylab/validation';

// The course, token and lab preview calls. Their request and answer types come from `@skylab/validation`, the
// very schemas the API validates with and builds its answers through.

export type Call = <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown) => Promise<T>;

const course = (id: string, rest = '') => `/api/courses/${encodeURIComponent(id)}${rest}`;

export function courseCalls(call: Call) {
  return {
    myAssignments: () => call<LearnerAssignmentsResponse>('GET', '/api/me/assignments').then((r) => r.assignments),
    courses: () => call<CourseListResponse>('GET', '/api/courses').then((r) => r.courses),
    createCourse: (body: CourseBody) => call<CourseResponse>('POST', '/api/courses', body).then((r) => r.course),
    course: (id: string) => call<CourseDetailResponse>('GET', course(id)),
    deleteCourse: (id: string) => call<void>('DELETE', course(id)),
    members: (id: string) => call<MemberListResponse>('GET', course(id, '/members')).then((r) => r.members),
    enrol: (id: string, body: MemberBody) => call<MemberResponse>('POST', course(id, '/members'), body).then((r) => r.member),
    unenrol: (id: string, email: string) => call<void>('DELETE', course(id, `/members/${encodeURIComponent(email)}`)),
    createAssignment: (id: string, body: AssignmentBody) => call<AssignmentResponse>('POST', course(id, '/assignments'), body).then((r) => r.assignment),
    deleteAssignment: (id: string, assignmentId: string) => call<void>('DELETE', course(id, `/assignments/${encodeURIComponent(assignmentId)}`)),
    gradebook: (id: string) => call<GradebookView>('GET', course(id, '/gradebook')),
    gradebookCsvUrl: (id: string) => course(id, '/gradebook.csv'),
    learnerHistory: (id: string, userId: string) => call<LearnerHistoryResponse>('GET', course(id, `/learners/${encodeURIComponent(userId)}/attempts`)),
    labAnalytics: (id: string, labId: string) => call<LabAnalyticsResponse>('GET', course(id, `/analytics/${encodeURIComponent(labId)}`)),
    startAssignment: (labId: string, assignmentId: string) =>
      call<AttemptResponse>('POST', `/api/labs/${encodeURIComponent(labId)}/attempts`, { assignmentId }).then((r) => r.attempt),
    tokens: () => call<TokenListResponse>('GET', '/api/tokens').then((r) => r.tokens),
    createToken: (body: TokenBody) => call<TokenCreatedResponse>('POST', '/api/tokens', body),
    revokeToken: (tokenId: string) => call<void>('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`),
    courseLabs: (id: string) => call<CourseLabListResponse>('GET', course(id, '/labs')).then((r) => r.labs),
    publishLab: (id: string, body: CourseLabBody) => call<CourseLabResponse>('POST', course(id, '/labs'), body).then((r) => r.lab),
    previewLab: (body: LabPreviewBody) => call<LabPreviewResponse>('POST', '/api/lab-preview', body).then((r) => r.preview),
  };
}
