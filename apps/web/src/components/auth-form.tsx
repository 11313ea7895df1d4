import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { isApiError } from '../api/client.ts';
import type { Finding, User } from '../api/types.ts';
import { navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ErrorMessage } from './error-message.tsx';
import { InlineMarkdown } from './markdown-view.tsx';

type Field = 'name' | 'email' | 'password';

/**
 * Field-level messages from `invalid_request` findings, whose path names the offending field. The
 * message's own "`field`: " prefix is dropped because it is shown right under that field.
 */
function fieldErrors(findings: Finding[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const finding of findings) {
    const field = finding.path[0];
    if ((field === 'name' || field === 'email' || field === 'password') && out[field] === undefined) out[field] = finding.message.replace(/^`[^`]*`:\s*/, '');
  }
  return out;
}

interface AuthFormProps {
  mode: 'sign-in' | 'sign-up';
  next: string;
  submit: (input: { name: string; email: string; password: string }) => Promise<User>;
}

export function AuthForm({ mode, next, submit }: AuthFormProps) {
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = isApiError(error) ? fieldErrors(error.findings) : {};

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await submit({ name: name.trim(), email: email.trim(), password });
      setUser(user);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const describedBy = (field: Field, hint?: string) => [errors[field] === undefined ? null : `${field}-error`, hint].filter(Boolean).join(' ') || undefined;

  return (
    <form class="auth-form stack" onSubmit={onSubmit}>
      {error === null ? null : <ErrorMessage error={error} title={mode === 'sign-in' ? 'Could not sign you in' : 'Could not create your account'} />}
      {mode === 'sign-up' ? (
        <div class="field">
          <label for="name">Name <span class="muted">(optional)</span></label>
          <input id="name" name="name" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={errors.name !== undefined} aria-describedby={describedBy('name')} />
          {errors.name === undefined ? null : <p id="name-error" class="field-error"><InlineMarkdown text={errors.name} /></p>}
        </div>
      ) : null}
      <div class="field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={errors.email !== undefined} aria-describedby={describedBy('email')} />
        {errors.email === undefined ? null : <p id="email-error" class="field-error"><InlineMarkdown text={errors.email} /></p>}
      </div>
      <div class="field">
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          required
          minLength={mode === 'sign-up' ? 10 : undefined}
          maxLength={256}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={errors.password !== undefined}
          aria-describedby={describedBy('password', mode === 'sign-up' ? 'password-hint' : undefined)}
        />
        {mode === 'sign-up' ? <p id="password-hint" class="field-hint">At least 10 characters.</p> : null}
        {errors.password === undefined ? null : <p id="password-error" class="field-error"><InlineMarkdown text={errors.password} /></p>}
      </div>
      <button type="submit" class="button" disabled={busy}>
        {mode === 'sign-in' ? (busy ? 'Signing in…' : 'Sign in') : busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
