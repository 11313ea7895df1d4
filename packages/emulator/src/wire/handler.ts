import type { Ctx } from '../ctx.ts';
import { AwsError } from '../errors.ts';
import { authorize } from '../iam/authorize/authorize.ts';
import { LimitExceeded } from '../iam/errors.ts';
import type { AuthorizationResult, PolicyType } from '../iam/authorize/types.ts';
import { restoreRecords, type AccountState } from '../state.ts';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { utf8Encode, utf8Length } from './bytes.ts';
import { accountCredentials } from './credentials.ts';
import { AccessDenied, InternalFailure, InvalidAction, InvalidClientTokenId, NotImplemented } from './errors.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { WIRE_SERVICES } from './services.ts';
import { lowerCaseHeaders, parseSigV4, verifySigV4, type SigV4Authorization } from './sigv4.ts';
import type { ResolvedCredentials, WireCall, WireCtx, WireProtocol, WireRequest, WireResponse, WireService } from './types.ts';

/** The largest request body the wire reads, the same as the rest of the API (256 KB). */
export const MAX_WIRE_BODY_BYTES = 256 * 1024;

/**
 * The most an attempt's account may hold, in bytes of its JSON: 1 MiB. Each call reads, copies and stores the
 * whole account, so its size bounds the memory and the database row of every request; the labs' accounts
 * are a few kilobytes, and AWS's own quotas (1500 policies of 6 KB …) would allow several megabytes.
 */
export const MAX_ACCOUNT_STATE_BYTES = 1024 * 1024;

/** What `handleAwsRequest` needs besides the account and the request. */
export interface HandleAwsOptions {
  /** Clock, ids, account id and region of the emulated account. */
  ctx: Ctx;
  /** The id echoed in `x-amzn-RequestId` and `<RequestId>`. */
  requestId: string;
  /**
   * The secret and owner of an access key id the account's own state does not hold (its root key), or
   * undefined; IAM users' access keys and STS sessions are found in the state.
   */
  resolveCredentials: (accessKeyId: string, state: AccountState) => ResolvedCredentials | undefined;
  /** The services served, by signing name; IAM (and the others as they are wired) by default. */
  services?: Record<string, WireService>;
  /**
   * The service an unsigned request is for, where the endpoint takes them (S3's bucket and object paths): it
   * is made by the anonymous principal, which only a resource policy can allow. Without one, a signature is required.
   */
  anonymousService?: string;
}

/** The answer, the account after the call, whether the call changed it, and a bug's error for the log. */
export interface HandleAwsResult {
  response: WireResponse;
  state: AccountState;
  changed: boolean;
  /** The action, once the request got far enough to name one. */
  action?: string;
  /** A non-AWS error thrown while handling: answered as `InternalFailure`, handed back to be logged. */
  internalError?: unknown;
}

const POLICY_TYPE_WORDS: Record<PolicyType, string> = {
  scp: 'a service control policy',
  rcp: 'a resource control policy',
  resource: 'a resource-based policy',
  identity: 'an identity-based policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
};

// AWS's AccessDenied wording (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
function accessDenied(principal: string, action: string, resource: string, result: AuthorizationResult): AccessDenied {
  const deny = result.matchedStatements.find((s) => s.effect === 'Deny');
  // When the identity policies allow, the limit that did not (a boundary, a session policy) is named instead.
  const identityAllows = result.policyTypes.some((p) => p.policyType === 'identity' && p.decision === 'Allow');
  const limit = identityAllows ? result.policyTypes.find((p) => p.policyType !== 'identity' && p.decision === 'ImplicitDeny') : undefined;
  const because = deny
    ? `with an explicit deny in ${POLICY_TYPE_WORDS[deny.policyType]}`
    : `because no ${POLICY_TYPE_WORDS[limit?.policyType ?? 'identity'].replace(/^an? /, '')} allows the ${action} action`;
  if (principal === '*') return new AccessDenied(`Anonymous users are not authorized to perform: ${action} on resource: ${resource}: no resource-based policy allows it for everyone`);
  return new AccessDenied(`User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${because}`);
}

function sameToken(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined || given === undefined) return expected === given;
  return constantTimeEqual(utf8Encode(expected), utf8Encode(given));
}

// A call may not leave the account over the cap and larger than it found it: an account already over the
// cap (a lab's setup, an older attempt) can still shrink, so deleting always works.
function checkStateSize(before: string, after: string): void {
  const size = utf8Length(after);
  if (size > MAX_ACCOUNT_STATE_BYTES && size > utf8Length(before)) {
    throw new LimitExceeded(`the emulated account is capped at ${MAX_ACCOUNT_STATE_BYTES} bytes of state (1 MiB): this call would make it ${size} bytes, delete resources first`);
  }
}

function findOperation(service: WireService, { action, version }: WireCall) {
  if (version === service.version && Object.hasOwn(service.actions, action)) return service.actions[action]!;
  if (version === service.version && service.apiOperations.includes(action)) {
    throw new NotImplemented(`the emulated account does not model \`${service.actionPrefix}:${action}\` yet`);
  }
  throw new InvalidAction(`Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`);
}

/** The anonymous principal: an unsigned request, allowed only by a resource policy that grants `*`. */
const ANONYMOUS: ResolvedCredentials = { secretAccessKey: '', caller: { arn: '*', account: '', userId: 'anonymous', type: 'Anonymous' } };

/** No `Authorization` header and no presigned query: an unsigned request. */
function unsigned(request: WireRequest): boolean {
  return lowerCaseHeaders(request.headers)['authorization'] === undefined && !/[?&]X-Amz-Credential=/i.test(request.url);
}

/** The credentials of a signed request, once its key is known and its signature verified. */
function signedCredentials(state: AccountState, request: WireRequest, auth: SigV4Authorization, options: HandleAwsOptions): ResolvedCredentials {
  const now = options.ctx.clock.now();
  const credentials = options.resolveCredentials(auth.accessKeyId, state) ?? accountCredentials(state, auth.accessKeyId, now);
  // A permanent key sent with a session token, or a session key without its own token, is not a valid key.
  if (!credentials || !sameToken(credentials.sessionToken, auth.sessionToken)) throw new InvalidClientTokenId();
  verifySigV4(request, auth, credentials.secretAccessKey, now);
  return credentials;
}

function served(services: Record<string, WireService>, name: string): WireService | undefined {
  return Object.hasOwn(services, name) ? services[name] : undefined;
}

// A service speaking several protocols (CloudWatch: AWS JSON 1.0 and Query) answers in the one the request
// speaks; when none accepts it, the first one explains why.
function protocolFor(service: WireService | undefined, request: WireRequest): WireProtocol {
  return service?.protocols.find((p) => p.accepts(request)) ?? service?.protocols[0] ?? queryProtocol;
}

/**
 * An AWS error answered in the protocol of the service the request is signed for (Query XML when the
 * signature names no served service): for refusals made outside `handleAwsRequest`.
 */
export function wireFailure(request: WireRequest, error: AwsError, requestId: string, services: Record<string, WireService> = WIRE_SERVICES): WireResponse {
  let service: WireService | undefined;
  try {
    service = served(services, parseSigV4(request).service);
  } catch {
    service = undefined;
  }
  return protocolFor(service, request).failure(error, service, requestId);
}

/**
 * Serves one AWS API request against an emulated account: verifies its SigV4 signature with the
 * secret of its access key, picks the service from the credential scope, authorizes the caller with the
 * account's own IAM policies (the root user may do anything), runs the action through the service's
 * action table and answers in the service's protocol. Never throws: every failure is an AWS error
 * response. The given state is never modified; `state` is the account after the call.
 */
export function handleAwsRequest(state: AccountState, request: WireRequest, options: HandleAwsOptions): HandleAwsResult {
  const { ctx, requestId } = options;
  const services = options.services ?? WIRE_SERVICES;
  let service: WireService | undefined;
  let action: string | undefined;
  try {
    if (request.body.length > MAX_WIRE_BODY_BYTES) throw new AwsError('RequestEntityTooLarge', `the request body is over ${MAX_WIRE_BODY_BYTES / 1024} KB`, 413);
    const auth = options.anonymousService !== undefined && unsigned(request) ? undefined : parseSigV4(request);
    const signingName = auth?.service ?? options.anonymousService ?? '';
    // Known before the signature is checked only to answer in its protocol; an unknown key is refused first.
    service = served(services, signingName);
    const credentials = auth ? signedCredentials(state, request, auth, options) : ANONYMOUS;
    if (!service) throw new NotImplemented(`the emulated account does not serve \`${signingName}\` on this endpoint`);
    const protocol = protocolFor(service, request);
    const call = protocol.read(request, service);
    action = call.action;
    const operation = findOperation(service, call);
    const binding = Object.hasOwn(service.bindings, call.action) ? service.bindings[call.action] : undefined;
    const wireCtx: WireCtx = { ...ctx, caller: { ...credentials.caller, accessKeyId: auth?.accessKeyId ?? '' } };
    const decoded = binding?.input ? protocol.decode(call.params, binding.input) : call.params;
    const input = binding?.prepare ? binding.prepare(decoded, wireCtx) : decoded;
    if (!binding?.unauthorized && wireCtx.caller.type !== 'Root') {
      const named = binding?.iamAction;
      const iamAction = (typeof named === 'function' ? named(input) : named) ?? `${service.actionPrefix}:${call.action}`;
      const resource = binding?.resource?.(input, wireCtx, state) ?? '*';
      const decide = service.authorize ?? ((s, req, _input, _ctx, options) => authorize(s, req, options));
      let result: AuthorizationResult;
      try {
        const context = {
          ...binding?.context?.(input, wireCtx, state),
          'aws:SecureTransport': request.url.startsWith('https:') ? 'true' : 'false',
          'aws:RequestedRegion': auth?.region ?? ctx.region,
        };
        const principal = wireCtx.caller.type === 'Anonymous' ? { principal: { type: 'Anonymous' as const } } : {};
        result = decide(state, { principalArn: wireCtx.caller.arn, ...principal, action: iamAction, resource, time: ctx.clock.now(), context }, input, wireCtx, credentials.session ? { session: credentials.session } : {});
      } catch (error) {
        // The key outlived its owner (a deleted user): the key is no longer valid.
        if (error instanceof AwsError) throw new InvalidClientTokenId();
        throw error;
      }
      if (result.decision !== 'Allowed') throw accessDenied(wireCtx.caller.arn, iamAction, resource, result);
    }
    const before = JSON.stringify(state);
    const next = restoreRecords(JSON.parse(before) as AccountState);
    const { caller } = wireCtx;
    const raw = operation(next, input, wireCtx, caller.type === 'Root' ? { principalArn: caller.arn } : { accessKeyId: caller.accessKeyId, principalArn: caller.arn });
    const result = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const output = binding?.output ? binding.output(result) : result;
    const after = JSON.stringify(next);
    const changed = after !== before;
    if (changed) checkStateSize(before, after);
    return { response: protocol.success(call, output, service, requestId), state: changed ? next : state, changed, action };
  } catch (error) {
    const known = error instanceof AwsError ? error : new InternalFailure();
    return {
      response: protocolFor(service, request).failure(known, service, requestId),
      state,
      changed: false,
      ...(action !== undefined ? { action } : {}),
      ...(error instanceof AwsError ? {} : { internalError: error }),
    };
  }
}
