import { useEffect, useState } from 'preact/hooks';
import { api, isApiError } from './api/client.ts';
import type { User } from './api/types.ts';
import { ErrorMessage } from './components/error-message.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { matchRoute, paths } from './lib/routes.ts';
import type { Route } from './lib/routes.ts';
import { AccountPage } from './pages/account-page.tsx';
import { AttemptPage } from './pages/attempt-page.tsx';
import { CataloguePage } from './pages/catalogue-page.tsx';
import { ExamPage } from './pages/exam-page.tsx';
import { ExamResultPage } from './pages/exam-result-page.tsx';
import { ExamsPage } from './pages/exams-page.tsx';
import { CoursePage } from './pages/course-page.tsx';
import { CoursesPage } from './pages/courses-page.tsx';
import { LabAnalyticsPage } from './pages/lab-analytics-page.tsx';
import { LabPage } from './pages/lab-page.tsx';
import { LabPreviewPage } from './pages/lab-preview-page.tsx';
import { LearnerHistoryPage } from './pages/learner-history-page.tsx';
import { LmsSettingsPage } from './pages/lms-settings-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { SignUpPage } from './pages/sign-up-page.tsx';
import { navigate, useLocation } from './router.tsx';
import { SessionContext } from './session.tsx';

function Page({ route, user }: { route: Route; user: User | null }) {
  switch (route.name) {
    case 'catalogue':
      return <CataloguePage />;
    case 'sign-in':
      return <SignInPage next={route.next} />;
    case 'sign-up':
      return <SignUpPage next={route.next} />;
    case 'lab':
      return <LabPage key={route.labId} labId={route.labId} />;
    case 'attempt':
      // Attempts are private: without a session the only useful thing is the way to sign in.
      return user === null ? null : <AttemptPage key={route.attemptId} attemptId={route.attemptId} />;
    case 'attempt-account':
      return user === null ? null : <AccountPage key={route.attemptId} attemptId={route.attemptId} />;
    case 'exams':
      return user === null ? null : <ExamsPage />;
    case 'exam':
      // where an LMS launch of an exam lands: that exam alone, to start or resume
      return user === null ? null : <ExamsPage key={route.examId} examId={route.examId} />;
    case 'exam-session':
      return user === null ? null : <ExamPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'exam-result':
      return user === null ? null : <ExamResultPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'lms-settings':
      return user === null ? null : <LmsSettingsPage />;
    case 'not-found':
      return <NotFoundPage />;
    default:
      return user === null ? null : <CoursePages route={route} />;
  }
}

/** The course and instructor pages, all behind a session. */
function CoursePages({ route }: { route: Route }) {
  switch (route.name) {
    case 'courses':
      return <CoursesPage />;
    case 'course':
      return <CoursePage key={route.courseId} courseId={route.courseId} />;
    case 'learner-history':
      return <LearnerHistoryPage key={route.userId} courseId={route.courseId} userId={route.userId} />;
    case 'lab-analytics':
      return <LabAnalyticsPage key={route.labId} courseId={route.courseId} labId={route.labId} />;
    case 'lab-preview':
      return <LabPreviewPage />;
    default:
      return null;
  }
}

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname, location.search);
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [sessionError, setSessionError] = useState<unknown>(null);

  useEffect(() => {
    api.me().then(setUser, (error: unknown) => {
      if (!isApiError(error, 'unauthenticated')) setSessionError(error);
      setUser(null);
    });
  }, []);

  const needsSession = !['catalogue', 'sign-in', 'sign-up', 'lab', 'not-found'].includes(route.name);
  const isAuthPage = route.name === 'sign-in' || route.name === 'sign-up';
  const afterAuth = isAuthPage ? route.next : '/';
  useEffect(() => {
    if (user === null && needsSession) navigate(paths.signIn(location.pathname), { replace: true });
    // A signed-in learner who lands on a sign-in link (a bookmark, the back button) goes where it pointed.
    if (user && isAuthPage) navigate(afterAuth, { replace: true });
  }, [user, needsSession, isAuthPage, afterAuth, location.pathname]);

  return (
    <SessionContext.Provider value={{ user, setUser }}>
      <a class="skip-link" href="#main">Skip to content</a>
      <SiteHeader />
      <main id="main" class="page" tabIndex={-1}>
        {sessionError === null ? null : <ErrorMessage error={sessionError} title="Could not check your session" />}
        {user === undefined ? <p role="status" class="muted">Loading…</p> : <Page route={route} user={user} />}
      </main>
      <footer class="site-footer">
        <p>Skylab — AWS labs graded against an emulated account. Nothing here touches a real AWS account.</p>
      </footer>
    </SessionContext.Provider>
  );
}
