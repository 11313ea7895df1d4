import { api } from '../api/client.ts';
import { AuthForm } from '../components/auth-form.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';

export function SignInPage({ next }: { next: string }) {
  return (
    <section class="narrow stack">
      <PageTitle title="Sign in" />
      <AuthForm mode="sign-in" next={next} submit={({ email, password }) => api.signIn({ email, password })} />
      <p>
        New to Skylab? <Link href={paths.signUp(next)}>Create an account</Link>
      </p>
    </section>
  );
}
