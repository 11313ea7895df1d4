import { findLtiPlatformsByIssuer, useLtiLoginState, type LtiPlatformRow } from '@skylab/db';
import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { CLAIM, launchClaims, MESSAGE_TYPES, type LaunchClaims } from './claims.ts';
import { platformKeys } from './platform-keys.ts';

export interface VerifiedLaunch {
  platform: LtiPlatformRow;
  claims: LaunchClaims;
  messageType: (typeof MESSAGE_TYPES)[number];
}

// Platforms and tools rarely share a clock to the second (LTI 1.3 Core §5.1.3 leaves the leeway to the tool).
const CLOCK_TOLERANCE_S = 60;
const MAX_TOKEN_CHARS = 64 * 1024;

const refused = (status: 400 | 401 | 403, code: string, message: string) => new ApiError(status, code, message);

/**
 * Verifies a launch (LTI 1.3 Core §5.1.3, Security Framework §5.1.3): the id token is signed by the
 * platform's key, issued by a registered platform for our client id, not expired, carries the nonce of
 * a login initiation that is used here for the first and only time, comes from a known deployment and
 * is a message Skylab handles. Every refusal is a 4xx naming what was wrong.
 */
export async function verifyLaunch(deps: AppDeps, form: { idToken: string; state: string }): Promise<VerifiedLaunch> {
  const platform = await launchPlatform(deps, form.idToken);
  const payload = await verifiedPayload(deps, platform, form.idToken);
  const used = await useLtiLoginState(deps.db, form.state, deps.clock.now());
  if (!used.ok) throw refused(used.reason === 'used' ? 401 : 400, `lti_state_${used.reason}`, stateMessage[used.reason]);
  if (used.state.platformId !== platform.id) throw refused(400, 'lti_state_unknown', stateMessage.unknown);
  if (payload.nonce !== used.state.nonce) throw refused(401, 'lti_nonce_mismatch', 'the id token’s `nonce` is not the one this login was given');
  const parsed = launchClaims.safeParse(payload);
  if (!parsed.success) throw refused(400, 'lti_invalid_claims', `the id token’s claims are not an LTI 1.3 launch: ${parsed.error.issues[0]?.path.join('.')}`);
  const claims = parsed.data;
  const deployment = claims[CLAIM.deploymentId];
  if (!platform.deploymentIds.includes(deployment)) throw refused(403, 'lti_unknown_deployment', `the deployment \`${deployment}\` is not registered for this platform`);
  const messageType = claims[CLAIM.messageType];
  if (!isMessageType(messageType)) throw refused(400, 'lti_unsupported_message', `Skylab does not handle \`${messageType}\` messages`);
  return { platform, claims, messageType };
}

const stateMessage = {
  unknown: 'this launch was not started by a login initiation of Skylab: start it from the LMS again',
  used: 'this launch was used already (a replayed nonce): start it from the LMS again',
  expired: 'this launch took too long: start it from the LMS again',
};

function isMessageType(value: string): value is VerifiedLaunch['messageType'] {
  return (MESSAGE_TYPES as readonly string[]).includes(value);
}

/** The registered platform the token claims to come from: its `iss`, and our client id in its `aud` (with `azp` when several). */
async function launchPlatform(deps: AppDeps, idToken: string): Promise<LtiPlatformRow> {
  let unverified: JWTPayload;
  try {
    if (idToken.length > MAX_TOKEN_CHARS) throw new Error('too long');
    unverified = decodeJwt(idToken);
  } catch {
    throw refused(400, 'lti_invalid_token', 'the `id_token` is not a JWT');
  }
  const issuer = unverified.iss ?? '';
  const platforms = await findLtiPlatformsByIssuer(deps.db, issuer);
  if (platforms.length === 0) throw refused(400, 'lti_unknown_issuer', `no platform with issuer \`${issuer}\` is registered`);
  const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : (unverified.aud ?? []);
  const clientId = audiences.length > 1 ? unverified.azp : audiences[0];
  const platform = platforms.find((candidate) => candidate.clientId === clientId && audiences.includes(candidate.clientId));
  if (!platform) throw refused(401, 'lti_wrong_audience', `the id token is not meant for a client id registered for \`${issuer}\``);
  return platform;
}

async function verifiedPayload(deps: AppDeps, platform: LtiPlatformRow, idToken: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(idToken, platformKeys(deps, platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ['RS256'],
      currentDate: new Date(deps.clock.now()),
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['exp', 'iat', 'nonce', 'sub'],
    });
    return payload;
  } catch (error) {
    throw verificationError(error);
  }
}

function verificationError(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired) return refused(401, 'lti_token_expired', 'the id token has expired: start the launch from the LMS again');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused(401, 'lti_wrong_audience', 'the id token is not meant for Skylab’s client id');
    return refused(401, 'lti_invalid_claims', `the id token’s \`${error.claim}\` claim is not valid: ${error.reason}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return refused(401, 'lti_invalid_signature', 'the id token is not signed by a key of the platform’s JWKS');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return refused(401, 'lti_invalid_signature', 'the id token must be signed with RS256');
  // not a JOSE verdict on the token: the key set could not be fetched or read
  if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new ApiError(502, 'lti_platform_unreachable', 'the platform’s JWKS could not be read: try again later');
  }
  return refused(401, 'lti_invalid_token', 'the id token is not valid');
}
