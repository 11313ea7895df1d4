import type { Ctx } from '../ctx.ts';
import { iamActions } from '../iam/actions.ts';
import { ValidationError } from '../errors.ts';
import type { AccountState } from '../state.ts';
import { IAM_API_OPERATIONS } from './api-operations.ts';
import type { InputSpec } from './input.ts';
import type { WireCaller } from './types.ts';

/** The context an operation gets through the wire: the usual one plus the caller that signed the request. */
export interface WireCtx extends Ctx {
  caller: WireCaller;
}

/** An emulated operation as the actions tables hold it. */
// Operations declare their own input types; the wire layer checks inputs against the binding's spec first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireOperation = (state: AccountState, input: any, ctx: WireCtx) => unknown;

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
  /** Reshapes an operation's result into the wire's (IAM URL-encodes policy documents). */
  output?: (result: Record<string, unknown>) => Record<string, unknown>;
}

/** A service as the wire serves it: its signing name, protocol, version and action table. */
export interface WireService {
  /** The service in the credential scope (`iam`, `sts`, `ec2` …). */
  signingName: string;
  /** The prefix of its IAM actions (`iam:CreateUser`). */
  actionPrefix: string;
  protocol: 'query';
  version: string;
  xmlns: string;
  actions: Record<string, WireOperation>;
  bindings: Record<string, ActionBinding>;
  /** Every operation of the real API: one of these missing from `actions` is `NotImplemented`, anything else `InvalidAction`. */
  apiOperations: readonly string[];
}

function userArn(state: AccountState, ctx: Ctx, userName: unknown, path: unknown = '/'): string {
  const existing = typeof userName === 'string' ? state.iam.users[userName.toLowerCase()] : undefined;
  return existing?.Arn ?? `arn:aws:iam::${ctx.accountId}:user${String(path)}${String(userName)}`;
}

// Resources per action from https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
const onUser: ActionBinding['resource'] = (input, ctx, state) => userArn(state, ctx, input.UserName);
const USER_NAME: InputSpec = { UserName: 'string!' };
const USER_POLICY: InputSpec = { UserName: 'string!', PolicyName: 'string!' };
const USER_MANAGED_POLICY: InputSpec = { UserName: 'string!', PolicyArn: 'string!' };
const PAGING: InputSpec = { Marker: 'string', MaxItems: 'integer' };

/** IAM over the Query protocol (https://docs.aws.amazon.com/IAM/latest/APIReference/). */
export const iamService: WireService = {
  signingName: 'iam',
  actionPrefix: 'iam',
  protocol: 'query',
  version: '2010-05-08',
  xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
  actions: iamActions,
  apiOperations: IAM_API_OPERATIONS,
  bindings: {
    CreateUser: { input: { UserName: 'string!', Path: 'string' }, resource: (input, ctx, state) => userArn(state, ctx, input.UserName, input.Path ?? '/') },
    // Without a user name GetUser describes the caller itself (API_GetUser.html).
    GetUser: {
      input: { UserName: 'string' },
      prepare: (input, ctx) => {
        if (input.UserName !== undefined) return input;
        if (ctx.caller.type !== 'User') throw new ValidationError('the caller is not an IAM user: name the user with `UserName`');
        return { UserName: ctx.caller.arn.slice(ctx.caller.arn.lastIndexOf('/') + 1) };
      },
      resource: onUser,
    },
    DeleteUser: { input: USER_NAME, resource: onUser },
    CreatePolicy: {
      input: { PolicyName: 'string!', PolicyDocument: 'string!', Path: 'string', Description: 'string' },
      resource: (input, ctx) => `arn:aws:iam::${ctx.accountId}:policy${String(input.Path ?? '/')}${String(input.PolicyName)}`,
    },
    AttachUserPolicy: { input: USER_MANAGED_POLICY, resource: onUser },
    DetachUserPolicy: { input: USER_MANAGED_POLICY, resource: onUser },
    ListAttachedUserPolicies: { input: { ...USER_NAME, PathPrefix: 'string', ...PAGING }, resource: onUser },
    PutUserPolicy: { input: { ...USER_POLICY, PolicyDocument: 'string!' }, resource: onUser },
    // IAM returns policy documents URL-encoded (RFC 3986), as API_GetUserPolicy.html says.
    GetUserPolicy: {
      input: USER_POLICY,
      resource: onUser,
      output: (result) => (typeof result.PolicyDocument === 'string' ? { ...result, PolicyDocument: encodeURIComponent(result.PolicyDocument) } : result),
    },
    ListUserPolicies: { input: { ...USER_NAME, ...PAGING }, resource: onUser },
    DeleteUserPolicy: { input: USER_POLICY, resource: onUser },
  },
};

/** The services the wire serves, by signing name. */
export const WIRE_SERVICES: Record<string, WireService> = {
  iam: iamService,
};
