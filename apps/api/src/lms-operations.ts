import {
  endpointBody,
  jwksResponse,
  ltiPlatformListResponse,
  ltiPlatformResponse,
  platformBody,
  rosterSyncResponse,
  webhookCreatedResponse,
  webhookDeliveriesResponse,
  webhookListResponse,
} from '@skylab/validation';
import type { Operation } from './operation.ts';
import { rosterSyncBody } from './routes/lti.ts';

/**
 * The LTI and webhook operations for the OpenAPI document, with the zod schemas their routes validate
 * with. The LTI endpoints the LMS and the browser call take forms, not JSON, and answer redirects or pages.
 */
export const LMS_OPERATIONS: Record<string, Operation> = {
  'GET /api/lti/platforms': { tag: 'lms', summary: 'registered LTI platforms and the URLs to give an LMS (admin)', access: 'session', response: ltiPlatformListResponse },
  'POST /api/lti/platforms': { tag: 'lms', summary: 'register an LTI 1.3 platform (admin)', access: 'session', body: platformBody, response: ltiPlatformResponse, status: 201 },
  'DELETE /api/lti/platforms/:id': { tag: 'lms', summary: 'remove an LTI platform (admin)', access: 'session', status: 204 },
  'GET /api/lti/login': { tag: 'lti', summary: 'OIDC third-party login initiation (the LMS calls it); answers a redirect', access: 'public', redirect: 302 },
  'POST /api/lti/login': { tag: 'lti', summary: 'OIDC third-party login initiation, form-posted; answers a redirect', access: 'public', redirect: 302 },
  'POST /api/lti/launch': { tag: 'lti', summary: 'the LMS’s id token (form post); answers a redirect to the attempt or the exam, or the deep linking picker', access: 'public', produces: 'text/html', redirect: 303 },
  'POST /api/lti/deep-linking': { tag: 'lti', summary: 'the picked labs and exams (form post); answers a page posting the signed response to the LMS', access: 'public', produces: 'text/html' },
  'POST /api/lti/roster-syncs': { tag: 'lms', summary: 'sync a course’s roster from its LMS (Names and Roles)', access: 'session', body: rosterSyncBody, response: rosterSyncResponse },
  'GET /api/lti/jwks': { tag: 'lti', summary: 'the tool’s public key set', access: 'public', response: jwksResponse },
  'GET /api/lti/auto-post.js': { tag: 'lti', summary: 'the script that submits the LTI pages’ forms', access: 'public', produces: 'text/javascript' },
  'GET /api/webhooks': { tag: 'lms', summary: 'webhook endpoints (admin)', access: 'session', response: webhookListResponse },
  'POST /api/webhooks': { tag: 'lms', summary: 'register a webhook endpoint; its secret is shown once (admin)', access: 'session', body: endpointBody, response: webhookCreatedResponse, status: 201 },
  'DELETE /api/webhooks/:id': { tag: 'lms', summary: 'remove a webhook endpoint (admin)', access: 'session', status: 204 },
  'GET /api/webhooks/:id/deliveries': { tag: 'lms', summary: 'an endpoint’s delivery log (admin)', access: 'session', response: webhookDeliveriesResponse },
};
