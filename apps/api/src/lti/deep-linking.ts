import { findLtiPlatform, type LtiPlatformRow } from '@skylab/db';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { RegisteredExam } from '../exam-registry.ts';
import type { RegisteredLab } from '../lab-registry.ts';
import { CLAIM } from './claims.ts';
import { SCORE_MAXIMUM } from './scores.ts';
import { TOOL_ALG, toolKey } from './tool-key.ts';
import type { VerifiedLaunch } from './verify-launch.ts';

/** What the picker form carries back, signed by the tool so nothing in it can be changed on the way. */
interface PickerContext {
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data?: string;
  multiple: boolean;
}

const PICKER_AUDIENCE = 'skylab:deep-linking-picker';
const PICKER_TTL_S = 30 * 60;
const RESPONSE_TTL_S = 10 * 60;

const seconds = (deps: Pick<AppDeps, 'clock'>) => Math.floor(deps.clock.now() / 1000);

/** The deep linking request's settings, sealed for the picker page (Deep Linking 2.0 §4.4). */
export async function pickerToken(deps: AppDeps, launch: VerifiedLaunch, userId: string): Promise<{ token: string; context: PickerContext }> {
  const settings = launch.claims[CLAIM.deepLinkingSettings];
  if (!settings) throw new ApiError(400, 'lti_invalid_claims', 'a deep linking request needs `deep_linking_settings`');
  if (!settings.accept_types.includes('ltiResourceLink')) throw new ApiError(400, 'lti_unsupported_message', 'the platform does not accept `ltiResourceLink` items, the only kind Skylab offers');
  const context: PickerContext = {
    platformId: launch.platform.id,
    deploymentId: launch.claims[CLAIM.deploymentId],
    returnUrl: settings.deep_link_return_url,
    ...(settings.data === undefined ? {} : { data: settings.data }),
    multiple: settings.accept_multiple !== false,
  };
  const key = await toolKey(deps);
  const token = await new SignJWT({ ...context })
    .setProtectedHeader({ alg: TOOL_ALG, kid: key.kid })
    .setAudience(PICKER_AUDIENCE)
    .setSubject(userId)
    .setIssuedAt(seconds(deps))
    .setExpirationTime(seconds(deps) + PICKER_TTL_S)
    .sign(key.privateKey);
  return { token, context };
}

export async function openPickerToken(deps: AppDeps, token: string): Promise<{ context: PickerContext; platform: LtiPlatformRow }> {
  const key = await toolKey(deps);
  let context: PickerContext;
  try {
    const { payload } = await jwtVerify(token, await importJWK(key.publicJwk, TOOL_ALG), { audience: PICKER_AUDIENCE, algorithms: [TOOL_ALG], currentDate: new Date(deps.clock.now()) });
    context = payload as unknown as PickerContext;
  } catch {
    throw new ApiError(400, 'lti_picker_expired', 'this selection page has expired or was altered: start deep linking from the LMS again');
  }
  const platform = await findLtiPlatform(deps.db, context.platformId);
  if (!platform) throw new ApiError(400, 'lti_unknown_issuer', 'the platform of this selection is no longer registered');
  return { context, platform };
}

/** An `ltiResourceLink` content item (Deep Linking 2.0 §3.1) with the line item AGS scores go to. */
export function labContentItem(origin: string, registered: RegisteredLab) {
  const { lab } = registered;
  return {
    type: 'ltiResourceLink',
    title: lab.title,
    text: lab.summary,
    url: `${origin}/labs/${encodeURIComponent(lab.id)}`,
    custom: { skylab_lab: lab.id },
    lineItem: { scoreMaximum: SCORE_MAXIMUM, label: lab.title, resourceId: lab.id, tag: 'skylab-lab' },
  };
}

/** An exam as an `ltiResourceLink`: the launch lands on the exam's page, each submitted session's score goes to the line item. */
export function examContentItem(origin: string, registered: RegisteredExam) {
  const { exam } = registered;
  return {
    type: 'ltiResourceLink',
    title: exam.title,
    url: `${origin}/exams/${encodeURIComponent(exam.id)}`,
    custom: { skylab_exam: exam.id },
    lineItem: { scoreMaximum: SCORE_MAXIMUM, label: exam.title, resourceId: exam.id, tag: 'skylab-exam' },
  };
}

/** The `LtiDeepLinkingResponse` JWT (Deep Linking 2.0 §4.5): issued by our client id to the platform, signed with the tool key. */
export async function deepLinkingResponse(deps: AppDeps, platform: LtiPlatformRow, context: PickerContext, items: unknown[]): Promise<string> {
  const key = await toolKey(deps);
  return new SignJWT({
    nonce: deps.ids.next(),
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: context.deploymentId,
    [CLAIM.contentItems]: items,
    ...(context.data === undefined ? {} : { [CLAIM.deepLinkingData]: context.data }),
  })
    .setProtectedHeader({ alg: TOOL_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setAudience(platform.issuer)
    .setIssuedAt(seconds(deps))
    .setExpirationTime(seconds(deps) + RESPONSE_TTL_S)
    .sign(key.privateKey);
}
