import { api } from '../api/client.ts';
import { AuthForm } from '../components/auth-form.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { paths } from '../lib/routes.ts';
import { Link } from '../router.tsx';

export function SignUpPage({ next }: { next: string }) {
  return (
    <section class="narrow stack">
      <PageTitle title="Create your account" />
      <p class="lead">Practise AWS in an emulated account: no cloud bill, instant grading, and an explanation for every decision.</p>
      <AuthForm
        mode="sign-up"
        next={next}
        submit={({ name, email, password }) => api.signUp(name === '' ? { email, password } : { email, password, name })}
      />
      <p>
        Already have an account? <Link href={paths.signIn(next)}>Sign in</Link>
      </p>
    </section>
  );
}
