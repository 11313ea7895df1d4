import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { deleteWebhookEndpoint, findWebhookEndpoint, insertWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, type DeliveryLogEntry, type WebhookEndpointRow } from '@skylab/db';
import {
  endpointBody,
  type WebhookCreatedResponse,
  type WebhookDeliveriesResponse,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookListResponse,
} from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireAdmin } from '../middleware/require-admin.ts';
import { checkOutboundUrls } from '../outbound/check-urls.ts';
import { iso } from '../views.ts';

const LOG_LIMIT = 100;
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** Never the secret: it is shown once, in the answer to the registration. */
function endpointView(row: WebhookEndpointRow): WebhookEndpointView {
  return { id: row.id, url: row.url, events: row.events, createdAt: iso(row.createdAt) };
}

function deliveryView(entry: DeliveryLogEntry): WebhookDeliveryView {
  return {
    id: entry.id,
    event: entry.event,
    status: entry.status,
    tries: entry.tries,
    createdAt: iso(entry.createdAt),
    deliveredAt: isoOrNull(entry.deliveredAt),
    nextTryAt: entry.status === 'pending' ? isoOrNull(entry.nextTryAt) : null,
    body: entry.body,
    attempts: entry.attempts.map((attempt) => ({ at: iso(attempt.at), responseStatus: attempt.responseStatus, error: attempt.error, durationMs: attempt.durationMs })),
  };
}

/** Admin-registered webhook endpoints and their delivery log. */
export function webhookRoutes(deps: AppDeps) {
  async function endpoint(id: string): Promise<WebhookEndpointRow> {
    const row = await findWebhookEndpoint(deps.db, id);
    if (!row) throw notFound(`there is no webhook endpoint \`${id}\``);
    return row;
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireAdmin(c);
      return c.json({ endpoints: (await listWebhookEndpoints(deps.db)).map(endpointView) } satisfies WebhookListResponse);
    })
    .post('/', async (c) => {
      requireAdmin(c);
      const body = await readJson(c, endpointBody);
      checkOutboundUrls(body, ['url'], deps.config.allowInternalUrls);
      // 256 bits from the CSPRNG, prefixed so a leaked one is recognisable in logs and secret scanners
      const secret = `whsec_${encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)))}`;
      const row: WebhookEndpointRow = { id: deps.ids.next(), url: body.url, secret, events: [...new Set(body.events)], createdAt: deps.clock.now() };
      await insertWebhookEndpoint(deps.db, row);
      return c.json({ endpoint: endpointView(row), secret } satisfies WebhookCreatedResponse, 201);
    })
    .delete('/:id', async (c) => {
      requireAdmin(c);
      const id = c.req.param('id');
      if (!(await deleteWebhookEndpoint(deps.db, id))) throw notFound(`there is no webhook endpoint \`${id}\``);
      return c.body(null, 204);
    })
    .get('/:id/deliveries', async (c) => {
      requireAdmin(c);
      const row = await endpoint(c.req.param('id'));
      return c.json({ deliveries: (await listWebhookDeliveries(deps.db, row.id, LOG_LIMIT)).map(deliveryView) } satisfies WebhookDeliveriesResponse);
    });
}
