import type { Ctx } from '../ctx.ts';
import type { AwsError } from '../errors.ts';
import type { AccountState } from '../state.ts';
import type { StsSession } from '../sts/state.ts';
import type { AuthorizeOptions } from '../iam/authorize/authorize.ts';
import type { AuthorizationRequest, AuthorizationResult } from '../iam/authorize/types.ts';
import type { InputSpec } from './input.ts';

/** An HTTP request as the wire layer sees it: no runtime types, so it runs in Node, workerd and the browser. */
export interface WireRequest {
  method: string;
  /** The full URL as received (`https://host/aws/ID/?Action=…`); the path and query are signed as sent. */
  url: string;
  /** Header names in any case; repeated headers joined with `, ` as the Fetch API does. */
  headers: Record<string, string>;
  /** The raw body bytes: SigV4 signs their SHA-256. */
  body: Uint8Array;
  /** The path the endpoint is served under (`/aws/ID`): REST protocols read the path after it. */
  basePath?: string;
  /**
   * The host learners are given for the endpoint: a request to `<bucket>.<endpointHost>` names its bucket
   * in the host (S3's virtual-hosted style). Without one, every request is path-style.
   */
  endpointHost?: string;
}

/** The HTTP response to send back: text for the XML and JSON protocols, bytes for an object's content. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Who signed a request, as STS's GetCallerIdentity describes a caller. */
export interface WireCaller {
  /** `arn:aws:iam::<account>:root`, a user's ARN, or an assumed-role session's ARN. */
  arn: string;
  account: string;
  /** The account id for the root user, `AIDA…` for users, `AROA…:session` for sessions. */
  userId: string;
  accessKeyId: string;
  /** `Anonymous` for an unsigned request where the endpoint takes them (S3), with the ARN `*`. */
  type: 'Root' | 'User' | 'AssumedRole' | 'FederatedUser' | 'Anonymous';
}

/** The secret of an access key and who it belongs to; `sessionToken` and `session` are set for temporary credentials. */
export interface ResolvedCredentials {
  secretAccessKey: string;
  caller: Omit<WireCaller, 'accessKeyId'>;
  sessionToken?: string;
  session?: StsSession;
}

/** The context an operation gets through the wire: the usual one plus the caller that signed the request. */
export interface WireCtx extends Ctx {
  caller: WireCaller;
}

/** The caller as STS's operations take it: by the access key that signed, or by ARN for the root key (no key in the state). */
export interface OperationCaller {
  accessKeyId?: string;
  principalArn: string;
}

/**
 * An emulated operation as the actions tables hold it. Operations that must know who calls (STS) read the
 * fourth argument; the others ignore it.
 */
// Operations declare their own input types; the wire layer checks inputs against the binding's spec first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireOperation = (state: AccountState, input: any, ctx: WireCtx, caller: OperationCaller) => unknown;

/** What the wire needs to know about one action beyond its function. */
export interface ActionBinding {
  /** The parameters the action reads; without one the parsed parameters are passed as they are. */
  input?: InputSpec;
  /**
   * The ARN the action acts on, for the IAM check (the Service Authorization Reference's resource type).
   * Without one the resource is `*`, which a policy naming resources does not match: fail closed.
   */
  resource?: (input: Record<string, unknown>, ctx: WireCtx, state: AccountState) => string;
  /** Answered for any authenticated caller, without an IAM check (STS GetCallerIdentity). */
  unauthorized?: true;
  /** Completes the input from the caller before the IAM check (GetUser without a name means the caller). */
  prepare?: (input: Record<string, unknown>, ctx: WireCtx) => Record<string, unknown>;
  /** Condition keys the action sets (`iam:PolicyARN`, `aws:RequestTag/…`, a resource's tags from the state), for the IAM check. */
  context?: (input: Record<string, unknown>, ctx: WireCtx, state: AccountState) => Record<string, string | string[]>;
  /** The IAM action when it is not the operation's name (S3's ListObjectsV2 is `s3:ListBucket`), or by input (`s3:GetObjectVersion`). */
  iamAction?: string | ((input: Record<string, unknown>) => string);
  /** Reshapes an operation's result into the wire's (IAM URL-encodes policy documents). */
  output?: (result: Record<string, unknown>) => Record<string, unknown>;
}

/** A service as the wire serves it: its signing name, protocol, version and action table. */
export interface WireService {
  /** The service in the credential scope (`iam`, `sts`, `ec2` …). */
  signingName: string;
  /** The prefix of its IAM actions (`iam:CreateUser`). */
  actionPrefix: string;
  /** The protocols it speaks; the first one answers a request none of them accepts. */
  protocols: readonly WireProtocol[];
  version: string;
  xmlns: string;
  actions: Record<string, WireOperation>;
  bindings: Partial<Record<string, ActionBinding>>;
  /** Every operation of the real API: one of these missing from `actions` is `NotImplemented`, anything else `InvalidAction`. */
  apiOperations: readonly string[];
  /** Decides a call when the account's IAM policies alone do not (S3 weighs the bucket policy too); `authorize` otherwise. */
  authorize?: (state: AccountState, request: AuthorizationRequest, input: Record<string, unknown>, ctx: WireCtx, options: AuthorizeOptions) => AuthorizationResult;
}

/** What a protocol read from a request: the action, the API version it named, and its raw parameters. */
export interface WireCall {
  action: string;
  /** The API version the request named (Query's `Version`); protocols without one give the service's. */
  version: string | undefined;
  params: Record<string, unknown>;
}

/** One of AWS's wire protocols: how a call is read from a signed request and how answers are written. */
export interface WireProtocol {
  /** Whether the request speaks this protocol (CloudWatch answers both AWS JSON 1.0 and Query). */
  accepts(request: WireRequest): boolean;
  /** The call a signed request makes; throws an AwsError for a malformed request. */
  read(request: WireRequest, service: WireService): WireCall;
  /** The action's input from the call's parameters, as its binding's spec names them. */
  decode(params: Record<string, unknown>, spec: InputSpec): Record<string, unknown>;
  /** The answer to a call that succeeded. */
  success(call: WireCall, output: Record<string, unknown>, service: WireService, requestId: string): WireResponse;
  /** The answer to a call that failed, or to a request refused before its call was read. */
  failure(error: AwsError, service: WireService | undefined, requestId: string): WireResponse;
}
