/** The learner UI's pages, addressed by real paths (the server answers index.html for every non-API path). */
export type Route =
  | { name: 'catalogue' }
  | { name: 'sign-in'; next: string }
  | { name: 'sign-up'; next: string }
  | { name: 'lab'; labId: string }
  | { name: 'attempt'; attemptId: string }
  | { name: 'attempt-account'; attemptId: string }
  | { name: 'exams' }
  | { name: 'exam'; examId: string }
  | { name: 'exam-session'; sessionId: string }
  | { name: 'exam-result'; sessionId: string }
  | { name: 'courses' }
  | { name: 'course'; courseId: string }
  | { name: 'learner-history'; courseId: string; userId: string }
  | { name: 'lab-analytics'; courseId: string; labId: string }
  | { name: 'lab-preview' }
  | { name: 'lms-settings' }
  | { name: 'not-found' };

/**
 * Where to go after signing in. Only a path on this site is accepted, so a crafted link cannot bounce a
 * fresh session to another origin (`//evil.example`, `https://…`, `/\evil.example`).
 */
export function safeNext(raw: string | null): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  return [...raw].some((char) => char.charCodeAt(0) < 0x20) ? '/' : raw;
}

function segment(value: string): string | null {
  try {
    const decoded = decodeURIComponent(value);
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
}

export function matchRoute(pathname: string, search = ''): Route {
  const next = safeNext(new URLSearchParams(search).get('next'));
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/labs') return { name: 'catalogue' };
  if (path === '/sign-in') return { name: 'sign-in', next };
  if (path === '/sign-up') return { name: 'sign-up', next };
  if (path === '/settings/lms') return { name: 'lms-settings' };
  const lab = /^\/labs\/([^/]+)$/.exec(path);
  const labId = lab === null ? null : segment(lab[1]!);
  if (labId !== null) return { name: 'lab', labId };
  const attempt = /^\/attempts\/([^/]+)$/.exec(path);
  const attemptId = attempt === null ? null : segment(attempt[1]!);
  if (attemptId !== null) return { name: 'attempt', attemptId };
  const account = /^\/attempts\/([^/]+)\/account$/.exec(path);
  const accountOf = account === null ? null : segment(account[1]!);
  if (accountOf !== null) return { name: 'attempt-account', attemptId: accountOf };
  if (path === '/exams') return { name: 'exams' };
  const examPage = /^\/exams\/([^/]+)$/.exec(path);
  const examId = examPage === null ? null : segment(examPage[1]!);
  if (examId !== null) return { name: 'exam', examId };
  const exam = /^\/exam-sessions\/([^/]+)(\/result)?$/.exec(path);
  const sessionId = exam === null ? null : segment(exam[1]!);
  if (sessionId !== null) return { name: exam?.[2] === undefined ? 'exam-session' : 'exam-result', sessionId };
  return matchCourseRoute(path) ?? { name: 'not-found' };
}

/** The instructor and course pages: `/courses`, `/courses/:id`, its learners' histories and lab analytics, `/lab-preview`. */
function matchCourseRoute(path: string): Route | null {
  if (path === '/courses') return { name: 'courses' };
  if (path === '/lab-preview') return { name: 'lab-preview' };
  const [courseId, kind, id, ...rest] = (/^\/courses\/(.+)$/.exec(path)?.[1] ?? '').split('/').map(segment);
  if (!courseId || rest.length > 0) return null;
  if (kind === undefined) return { name: 'course', courseId };
  if (!id) return null;
  if (kind === 'learners') return { name: 'learner-history', courseId, userId: id };
  if (kind === 'analytics') return { name: 'lab-analytics', courseId, labId: id };
  return null;
}

export const paths = {
  catalogue: () => '/',
  lmsSettings: () => '/settings/lms',
  lab: (labId: string) => `/labs/${encodeURIComponent(labId)}`,
  attempt: (attemptId: string) => `/attempts/${encodeURIComponent(attemptId)}`,
  attemptAccount: (attemptId: string) => `/attempts/${encodeURIComponent(attemptId)}/account`,
  exams: () => '/exams',
  exam: (examId: string) => `/exams/${encodeURIComponent(examId)}`,
  examSession: (sessionId: string) => `/exam-sessions/${encodeURIComponent(sessionId)}`,
  examResult: (sessionId: string) => `/exam-sessions/${encodeURIComponent(sessionId)}/result`,
  signIn: (next?: string) => (next === undefined || next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`),
  courses: () => '/courses',
  course: (courseId: string) => `/courses/${encodeURIComponent(courseId)}`,
  learnerHistory: (courseId: string, userId: string) => `/courses/${encodeURIComponent(courseId)}/learners/${encodeURIComponent(userId)}`,
  labAnalytics: (courseId: string, labId: string) => `/courses/${encodeURIComponent(courseId)}/analytics/${encodeURIComponent(labId)}`,
  labPreview: () => '/lab-preview',
  signUp: (next?: string) => (next === undefined || next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`),
};
