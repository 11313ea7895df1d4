import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function SiteHeader() {
  const { user, setUser } = useSession();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // The server may already have dropped the session; either way this browser is signed out now.
    }
    setSigningOut(false);
    setUser(null);
    navigate(paths.signIn());
  };

  return (
    <header class="site-header">
      <div class="site-header-inner">
        <Link href={paths.catalogue()} class="brand" aria-label="Skylab, all labs">
          <span class="brand-mark" aria-hidden="true" />
          Skylab
        </Link>
        <nav aria-label="Main" class="site-nav">
          <Link href={paths.catalogue()}>Labs</Link>
          {user ? <Link href={paths.exams()}>Exams</Link> : null}
          {user ? <Link href={paths.courses()}>Courses</Link> : null}
          {user?.role === 'admin' ? <Link href={paths.lmsSettings()}>LMS</Link> : null}
        </nav>
        <div class="account">
          {user === undefined ? null : user === null ? (
            <>
              <Link href={paths.signIn()} class="account-link">Sign in</Link>
              <Link href={paths.signUp()} class="button button-small">Sign up</Link>
            </>
          ) : (
            <>
              <span class="account-name" data-testid="current-user" title={user.email}>
                <span class="visually-hidden">Signed in as </span>
                {user.name === '' ? user.email : user.name}
              </span>
              <button type="button" class="button button-small button-quiet" onClick={signOut} disabled={signingOut}>
                Sign out
              </button>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
