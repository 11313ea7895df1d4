import { z } from 'zod';
import { isoTime } from './common.ts';

// LTI platforms and webhooks (docs/api.md, LMS integration): request schemas and answers.

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

export const platformBody = z.object({
  issuer: httpUrl,
  clientId: z.string().trim().min(1).max(255),
  authLoginUrl: httpUrl,
  accessTokenUrl: httpUrl,
  jwksUrl: httpUrl,
  deploymentIds: z.array(z.string().trim().min(1).max(255)).min(1).max(50),
});
export type PlatformBody = z.input<typeof platformBody>;

/** The events a webhook endpoint may subscribe to; the database's `WEBHOOK_EVENTS` must name the same (the routes check it at compile time). */
export const WEBHOOK_EVENTS = ['attempt.completed', 'grade.changed', 'exam.submitted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const endpointBody = z.object({ url: httpUrl, events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length) });
export type EndpointBody = z.input<typeof endpointBody>;

/** An LMS registered for LTI 1.3 launches. */
export const ltiPlatformView = z.strictObject({
  id: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  authLoginUrl: z.string(),
  accessTokenUrl: z.string(),
  jwksUrl: z.string(),
  deploymentIds: z.array(z.string()),
  createdAt: isoTime,
});

/** What an LMS admin enters to register Skylab as a tool. */
export const ltiToolUrls = z.strictObject({ loginUrl: z.string(), launchUrl: z.string(), redirectUris: z.array(z.string()), jwksUrl: z.string(), deepLinkingUrl: z.string() });

/** A public key of the tool's key set (RFC 7517). */
const jwk = z.looseObject({ kty: z.string(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional() });

/** Never the secret: it is shown once, in the answer to the registration. */
export const webhookEndpointView = z.strictObject({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), createdAt: isoTime });

/** One delivery of an event: `body` is the JSON payload as sent, `attempts` its tries oldest first. */
export const webhookDeliveryView = z.strictObject({
  id: z.string(),
  event: z.enum(WEBHOOK_EVENTS),
  status: z.enum(['pending', 'delivered', 'failed']),
  tries: z.number().int(),
  createdAt: isoTime,
  deliveredAt: isoTime.nullable(),
  nextTryAt: isoTime.nullable(),
  body: z.string(),
  attempts: z.array(z.strictObject({ at: isoTime, responseStatus: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number() })),
});

/** `GET /api/lti/platforms`. */
export const ltiPlatformListResponse = z.strictObject({ platforms: z.array(ltiPlatformView), tool: ltiToolUrls });
/** `POST /api/lti/platforms`. */
export const ltiPlatformResponse = z.strictObject({ platform: ltiPlatformView });
/** `POST /api/lti/roster-syncs`: members enrolled, removed, and skipped as unreadable. */
export const rosterSyncResponse = z.strictObject({ sync: z.strictObject({ enrolled: z.number().int(), removed: z.number().int(), skipped: z.number().int() }) });
/** `GET /api/lti/jwks`. */
export const jwksResponse = z.strictObject({ keys: z.array(jwk) });
/** `GET /api/webhooks`. */
export const webhookListResponse = z.strictObject({ endpoints: z.array(webhookEndpointView) });
/** `POST /api/webhooks`: the signing secret, shown this once. */
export const webhookCreatedResponse = z.strictObject({ endpoint: webhookEndpointView, secret: z.string() });
/** `GET /api/webhooks/:id/deliveries`. */
export const webhookDeliveriesResponse = z.strictObject({ deliveries: z.array(webhookDeliveryView) });

export type LtiPlatformView = z.infer<typeof ltiPlatformView>;
export type LtiToolUrls = z.infer<typeof ltiToolUrls>;
export type LtiPlatformListResponse = z.infer<typeof ltiPlatformListResponse>;
export type WebhookEndpointView = z.infer<typeof webhookEndpointView>;
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryView>;
export type WebhookCreatedResponse = z.infer<typeof webhookCreatedResponse>;
export type LtiPlatformResponse = z.infer<typeof ltiPlatformResponse>;
export type RosterSyncResponse = z.infer<typeof rosterSyncResponse>;
export type JwksResponse = z.infer<typeof jwksResponse>;
export type WebhookListResponse = z.infer<typeof webhookListResponse>;
export type WebhookDeliveriesResponse = z.infer<typeof webhookDeliveriesResponse>;
