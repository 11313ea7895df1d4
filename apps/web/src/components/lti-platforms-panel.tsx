import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { LtiPlatform, LtiToolUrls, NewLtiPlatform } from '../api/types.ts';
import { useResource } from '../use-resource.ts';
import { CopyButton } from './copy-button.tsx';
import { ErrorMessage } from './error-message.tsx';

const FIELDS: { key: Exclude<keyof NewLtiPlatform, 'deploymentIds'>; label: string; placeholder: string }[] = [
  { key: 'issuer', label: 'Issuer', placeholder: 'https://canvas.instructure.com' },
  { key: 'clientId', label: 'Client id', placeholder: '10000000000001' },
  { key: 'authLoginUrl', label: 'Authentication request URL', placeholder: 'https://sso.canvaslms.com/api/lti/authorize_redirect' },
  { key: 'accessTokenUrl', label: 'Access token URL', placeholder: 'https://sso.canvaslms.com/login/oauth2/token' },
  { key: 'jwksUrl', label: 'Public keyset URL', placeholder: 'https://sso.canvaslms.com/api/lti/security/jwks' },
];

const EMPTY = { issuer: '', clientId: '', authLoginUrl: '', accessTokenUrl: '', jwksUrl: '', deploymentIds: '' };

function ToolUrlList({ tool }: { tool: LtiToolUrls }) {
  const [status, setStatus] = useState('');
  const rows: [string, string][] = [
    ['OIDC login URL', tool.loginUrl],
    ['Target link / redirect URI', tool.launchUrl],
    ['Deep linking URL', tool.deepLinkingUrl],
    ['Public JWK set URL', tool.jwksUrl],
  ];
  return (
    <>
    <dl class="stack-tight">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <code>{value}</code> <CopyButton text={value} what={`the ${label}`} onResult={setStatus} />
          </dd>
        </div>
      ))}
    </dl>
    <p role="status" class="visually-hidden">{status}</p>
    </>
  );
}

/** The LMSs Skylab accepts LTI launches from, the URLs to give them, and a form to register another. */
export function LtiPlatformsPanel() {
  const resource = useResource('lti-platforms', () => api.ltiPlatforms());
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      resource.reload();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const register = async (event: Event) => {
    event.preventDefault();
    const deploymentIds = form.deploymentIds.split(/[\s,]+/).filter((id) => id !== '');
    if (await run(() => api.registerLtiPlatform({ ...form, deploymentIds }))) setForm(EMPTY);
  };
  const remove = (platform: LtiPlatform) => {
    if (window.confirm(`Remove ${platform.issuer}? Its launches stop working.`)) void run(() => api.removeLtiPlatform(platform.id));
  };

  if (resource.state === 'loading') return <p role="status" class="muted">Loading…</p>;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the LMS platforms" />;
  const { platforms, tool } = resource.data;
  return (
    <section class="stack" aria-labelledby="lti-heading">
      <h2 id="lti-heading">LTI 1.3 platforms</h2>
      <p>Register Skylab in the LMS as an LTI 1.3 tool with these URLs, then enter what the LMS gives back below.</p>
      <ToolUrlList tool={tool} />
      {platforms.length === 0 ? (
        <p class="muted">No platform is registered yet.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Issuer</th>
                <th scope="col">Client id</th>
                <th scope="col">Deployments</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {platforms.map((platform) => (
                <tr key={platform.id}>
                  <td><code>{platform.issuer}</code></td>
                  <td><code>{platform.clientId}</code></td>
                  <td>{platform.deploymentIds.join(', ')}</td>
                  <td>
                    <button type="button" class="link-button small" disabled={busy} onClick={() => remove(platform)}>
                      Remove<span class="visually-hidden"> {platform.issuer}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="stack" onSubmit={register}>
        <h3>Register a platform</h3>
        {FIELDS.map((field) => (
          <div class="field" key={field.key}>
            <label for={`lti-${field.key}`}>{field.label}</label>
            <input id={`lti-${field.key}`} type={field.key === 'clientId' ? 'text' : 'url'} required placeholder={field.placeholder} value={form[field.key]} onInput={(e) => setForm({ ...form, [field.key]: e.currentTarget.value })} />
          </div>
        ))}
        <div class="field">
          <label for="lti-deployments">Deployment ids</label>
          <input id="lti-deployments" required aria-describedby="lti-deployments-hint" value={form.deploymentIds} onInput={(e) => setForm({ ...form, deploymentIds: e.currentTarget.value })} />
          <p id="lti-deployments-hint" class="field-hint">Separated by commas or spaces.</p>
        </div>
        {error === null ? null : <ErrorMessage error={error} title="The platform was not saved" />}
        <button type="submit" class="button" disabled={busy}>Register</button>
      </form>
    </section>
  );
}
