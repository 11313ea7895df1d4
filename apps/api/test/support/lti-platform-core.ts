import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * The signing half of a simulated LMS (Canvas, Moodle) with no Node built-ins, so workerd tests use it
 * too: the platform's key pair, its JWKS, and id tokens shaped like real launches.
 */
export interface PlatformIdentity {
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** Seconds since the epoch as the platform's clock reads them (the tool's test clock). */
  now: () => number;
}

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
} as const;

export interface LaunchOptions {
  sub: string;
  name?: string;
  roles?: string[];
  messageType?: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest' | string;
  targetLinkUri: string;
  resourceLinkId?: string;
  context?: { id: string; title: string };
  custom?: Record<string, string>;
  lineItemUrl?: string;
  lineItemsUrl?: string;
  membershipsUrl?: string;
  deepLinkReturnUrl?: string;
  /** The ways a launch goes wrong: another key with the same `kid`, another audience, a past expiry, another deployment. */
  tamper?: { signWithRogueKey?: boolean; audience?: string; expiresIn?: number; deploymentId?: string; issuer?: string };
}

export interface PlatformCore {
  identity: PlatformIdentity;
  jwks(): Promise<{ keys: JWK[] }>;
  idToken(options: LaunchOptions, nonce: string): Promise<string>;
}

export async function createPlatformCore(identity: PlatformIdentity): Promise<PlatformCore> {
  const kid = 'platform-key-1';
  const real = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(real.publicKey)), kid, alg: 'RS256', use: 'sig' };

  return {
    identity,
    jwks: async () => ({ keys: [publicJwk] }),
    async idToken(options, nonce) {
      const tamper = options.tamper ?? {};
      const now = identity.now();
      const claims: Record<string, unknown> = {
        nonce,
        name: options.name,
        [`${LTI}message_type`]: options.messageType ?? 'LtiResourceLinkRequest',
        [`${LTI}version`]: '1.3.0',
        [`${LTI}deployment_id`]: tamper.deploymentId ?? identity.deploymentId,
        [`${LTI}target_link_uri`]: options.targetLinkUri,
        [`${LTI}roles`]: options.roles ?? [ROLE.learner],
        ...(options.resourceLinkId ? { [`${LTI}resource_link`]: { id: options.resourceLinkId } } : {}),
        ...(options.context ? { [`${LTI}context`]: options.context } : {}),
        ...(options.custom ? { [`${LTI}custom`]: options.custom } : {}),
        ...(options.lineItemsUrl || options.lineItemUrl
          ? {
              'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
                scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem', 'https://purl.imsglobal.org/spec/lti-ags/scope/score'],
                lineitems: options.lineItemsUrl,
                lineitem: options.lineItemUrl,
              },
            }
          : {}),
        ...(options.membershipsUrl
          ? { 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': { context_memberships_url: options.membershipsUrl, service_versions: ['2.0'] } }
          : {}),
        ...(options.deepLinkReturnUrl
          ? {
              'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
                deep_link_return_url: options.deepLinkReturnUrl,
                accept_types: ['ltiResourceLink'],
                accept_presentation_document_targets: ['iframe', 'window'],
                accept_multiple: true,
                data: 'platform-opaque-data',
              },
            }
          : {}),
      };
      const key: CryptoKey = tamper.signWithRogueKey ? rogue.privateKey : real.privateKey;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(tamper.issuer ?? identity.issuer)
        .setSubject(options.sub)
        .setAudience(tamper.audience ?? identity.clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + (tamper.expiresIn ?? 300))
        .sign(key);
    },
  };
}
