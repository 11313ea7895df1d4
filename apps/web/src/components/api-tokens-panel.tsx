import type { ApiTokenScope } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { formatDateTime } from '../lib/format.ts';
import { useResource } from '../use-resource.ts';
import { ErrorMessage } from './error-message.tsx';

// What each scope allows. A record over the shared type, so a scope added to the API is a type error here
// until it is described; the values stay out of the initial bundle (importing `@skylab/validation` at run
// time would build every schema there, before the page turns zod's eval probe off).
const SCOPES: Record<ApiTokenScope, string> = {
  'courses:read': 'read courses and assignments',
  'courses:write': 'create and change courses and assignments',
  'grades:read': 'read gradebooks, histories and analytics',
  'enrollments:write': 'enrol and unenrol members',
};
const SCOPE_NAMES = Object.keys(SCOPES) as ApiTokenScope[];

/** An instructor's API tokens for LMSs and scripts: made with scopes and an expiry, shown once, revocable. */
export function ApiTokensPanel() {
  const tokens = useResource('tokens', () => api.tokens());
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['grades:read']);
  const [days, setDays] = useState('90');
  const [plaintext, setPlaintext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const toggle = (scope: ApiTokenScope) => setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));
  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      tokens.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  const create = (event: Event) => {
    event.preventDefault();
    void act(async () => setPlaintext((await api.createToken({ name, scopes, expiresInDays: Number(days) })).plaintext));
  };
  return (
    <section class="stack" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      {tokens.state === 'ready' ? (
        <ul aria-label="API tokens">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <span class="muted">· {token.scopes.join(', ')} · {token.revokedAt === null ? `expires ${formatDateTime(token.expiresAt)}` : 'revoked'}</span>{' '}
              {token.revokedAt === null ? (
                <button type="button" class="link-button small" onClick={() => void act(() => api.revokeToken(token.id))}>
                  Revoke<span class="visually-hidden"> {token.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form class="inline-form" onSubmit={create} aria-label="New API token">
        <div class="field">
          <label for="token-name">Token name</label>
          <input id="token-name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={100} />
        </div>
        <fieldset class="field">
          <legend>Scopes</legend>
          {SCOPE_NAMES.map((scope) => (
            <label key={scope} title={SCOPES[scope]}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="token-days">Days valid</label>
          <input id="token-days" type="number" min="1" max="365" value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">Create token</button>
      </form>
      {plaintext === null ? null : (
        <p class="notice" role="status">
          Copy the token now, it is not shown again: <code data-testid="token-plaintext">{plaintext}</code>
        </p>
      )}
      {error === null ? null : <ErrorMessage error={error} title="Could not change the tokens" />}
    </section>
  );
}
