import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookEvent } from '../api/types.ts';
import { useResource } from '../use-resource.ts';
import { ErrorMessage } from './error-message.tsx';

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const resource = useResource(`deliveries-${endpoint.id}`, () => api.webhookDeliveries(endpoint.id));
  if (resource.state === 'loading') return <p role="status" class="muted">Loading…</p>;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the deliveries" />;
  if (resource.data.length === 0) return <p class="muted">Nothing was sent to this endpoint yet.</p>;
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Tries</th>
            <th scope="col">Last answer</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {resource.data.map((delivery) => {
            const last = delivery.attempts.at(-1);
            return (
              <tr key={delivery.id}>
                <td><code>{delivery.event}</code></td>
                <td>{delivery.status === 'pending' && delivery.nextTryAt ? `pending, next try ${new Date(delivery.nextTryAt).toLocaleString()}` : delivery.status}</td>
                <td>{delivery.tries}</td>
                <td>{last === undefined ? '—' : last.responseStatus === null ? last.error : `HTTP ${last.responseStatus}`}</td>
                <td>{new Date(delivery.createdAt).toLocaleString()}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Webhook endpoints: registered with their events, the secret shown once, each with its delivery log. */
export function WebhooksPanel() {
  const resource = useResource('webhooks', () => api.webhooks());
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      resource.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const register = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.registerWebhook({ url, events });
      setSecret(created.secret);
      setUrl('');
    });
  };
  const toggle = (name: WebhookEvent, on: boolean) => setEvents(on ? [...events, name] : events.filter((e) => e !== name));

  if (resource.state === 'loading') return <p role="status" class="muted">Loading…</p>;
  if (resource.state === 'error') return <ErrorMessage error={resource.error} title="Could not load the webhooks" />;
  return (
    <section class="stack" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      {secret === null ? null : (
        <div class="notice notice-warning" role="status">
          <p class="notice-title">The signing secret, shown this once</p>
          <p><code>{secret}</code></p>
          <p>Receivers check the <code>Skylab-Signature</code> header with it (see the API documentation).</p>
        </div>
      )}
      {resource.data.length === 0 ? <p class="muted">No endpoint is registered yet.</p> : null}
      {resource.data.map((endpoint) => (
        <article key={endpoint.id} class="stack-tight">
          <p>
            <code>{endpoint.url}</code> — {endpoint.events.join(', ')}{' '}
            <button type="button" class="link-button small" onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)} aria-expanded={open === endpoint.id}>
              Deliveries<span class="visually-hidden"> to {endpoint.url}</span>
            </button>{' '}
            <button type="button" class="link-button small" disabled={busy} onClick={() => void run(() => api.removeWebhook(endpoint.id))}>
              Remove<span class="visually-hidden"> {endpoint.url}</span>
            </button>
          </p>
          {open === endpoint.id ? <DeliveryLog endpoint={endpoint} /> : null}
        </article>
      ))}
      <form class="stack" onSubmit={register}>
        <h3>Register an endpoint</h3>
        <div class="field">
          <label for="webhook-url">URL</label>
          <input id="webhook-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </div>
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name}>
              <input type="checkbox" checked={events.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} /> <code>{name}</code>
            </label>
          ))}
        </fieldset>
        {error === null ? null : <ErrorMessage error={error} title="The webhook was not changed" />}
        <button type="submit" class="button" disabled={busy || events.length === 0}>Register</button>
      </form>
    </section>
  );
}
