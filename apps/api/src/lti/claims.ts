import type { Role } from '@skylab/db';
import { z } from 'zod';

// Claim names from LTI 1.3 Core (https://www.imsglobal.org/spec/lti/v1p3/), Deep Linking 2.0, AGS 2.0 and NRPS 2.0.
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

export const SCOPE = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;

const url = z.url().max(2048);
const id = z.string().min(1).max(255);

/** The claims Skylab reads from a verified id token; the signature, `iss`, `aud`, `exp` and `nonce` are checked before. */
export const launchClaims = z.object({
  sub: id,
  name: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
  [CLAIM.messageType]: z.string().max(64),
  [CLAIM.version]: z.literal('1.3.0'),
  [CLAIM.deploymentId]: id,
  [CLAIM.targetLinkUri]: url.optional(),
  [CLAIM.roles]: z.array(z.string().max(255)).max(100),
  [CLAIM.resourceLink]: z.object({ id }).optional(),
  [CLAIM.context]: z.object({ id, title: z.string().max(255).optional(), label: z.string().max(255).optional() }).optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIM.deepLinkingSettings]: z
    .object({ deep_link_return_url: url, accept_types: z.array(z.string().max(64)).max(20), data: z.string().max(4096).optional(), accept_multiple: z.boolean().optional() })
    .optional(),
  [CLAIM.agsEndpoint]: z.object({ scope: z.array(z.string().max(255)).max(20), lineitems: url.optional(), lineitem: url.optional() }).optional(),
  [CLAIM.nrps]: z.object({ context_memberships_url: url }).optional(),
});

export type LaunchClaims = z.output<typeof launchClaims>;

// Role URIs from the LIS vocabulary (LTI 1.3 Core, appendix A.2); a short name is how the claim often arrives too.
const INSTRUCTOR_ROLES = ['Instructor', 'ContentDeveloper', 'Administrator'];

/**
 * Learner → learner; Instructor, ContentDeveloper or Administrator (of the context, the institution or the
 * system) → instructor. A platform never makes anyone a Skylab admin.
 */
export function mapRoles(roles: readonly string[]): Exclude<Role, 'admin'> {
  const names = roles.map((role) => role.slice(role.lastIndexOf('#') + 1));
  return names.some((name) => INSTRUCTOR_ROLES.includes(name)) ? 'instructor' : 'learner';
}
