import { describe, expect, it } from 'vitest';
import { createAccessKey, updateAccessKey } from '../iam/credential-operations.ts';
import { putUserPolicy, createUser } from '../iam/operations.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest, MAX_WIRE_BODY_BYTES, type HandleAwsOptions } from './handler.ts';
import { iamService } from './iam-service.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { bodyText, signQueryRequest, TEST_ROOT_KEYS } from './test-signing.ts';
import type { ResolvedCredentials, WireRequest, WireResponse, WireService } from './types.ts';

const ctx = testCtx();
const NOW = ctx.clock.now();
const ROOT = TEST_ROOT_KEYS;
let READER = { accessKeyId: '', secretAccessKey: '' };

/** The lab's account: `app-reader` with an S3 read policy (and iam:GetUser) and an access key of its own. */
function account(): AccountState {
  const state = emptyAccountState();
  createUser(state, { UserName: 'app-reader' }, ctx);
  putUserPolicy(state, { UserName: 'app-reader', PolicyName: 's3-read-only', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:GetUser'], Resource: '*' }] }) }, ctx);
  const { AccessKey } = createAccessKey(state, { UserName: 'app-reader' }, ctx);
  READER = { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
  return state;
}

function resolve(id: string): ResolvedCredentials | undefined {
  return id === ROOT.accessKeyId ? rootCaller(ctx.accountId, ROOT.secretAccessKey) : undefined;
}

const options: HandleAwsOptions = { ctx, requestId: 'req-1', resolveCredentials: resolve };

const signed = (body: string, keys = ROOT, opts: { service?: string; time?: number; headers?: Record<string, string> } = {}): WireRequest =>
  signQueryRequest(body, keys, { time: opts.time ?? NOW, ...(opts.service ? { service: opts.service } : {}), ...(opts.headers ? { headers: opts.headers } : {}) });

const errorCode = (xml: WireResponse['body']) => /<Code>([^<]*)<\/Code>/.exec(bodyText(xml))?.[1];

describe('handleAwsRequest', () => {
  it('runs an action for the root user and hands back the changed account', () => {
    const state = account();
    const result = handleAwsRequest(state, signed('Action=CreateUser&Version=2010-05-08&UserName=ada'), options);
    expect(result.response.status).toBe(200);
    expect(result.response.headers).toEqual({ 'content-type': 'text/xml', 'x-amzn-RequestId': 'req-1' });
    expect(bodyText(result.response.body)).toMatch(/^<CreateUserResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><CreateUserResult><User><UserName>ada<\/UserName>/);
    expect(result.changed).toBe(true);
    expect(result.state.iam.users.ada?.Arn).toBe('arn:aws:iam::111122223333:user/ada');
    expect(state.iam.users.ada).toBeUndefined();
  });

  it('reports a read as unchanged', () => {
    const state = account();
    const result = handleAwsRequest(state, signed('Action=GetUser&Version=2010-05-08&UserName=app-reader'), options);
    expect(result.response.status).toBe(200);
    expect(result.changed).toBe(false);
    expect(result.state).toBe(state);
  });

  it('URL-encodes policy documents as IAM does', () => {
    const result = handleAwsRequest(account(), signed('Action=GetUserPolicy&Version=2010-05-08&UserName=app-reader&PolicyName=s3-read-only'), options);
    expect(bodyText(result.response.body)).toContain('<PolicyDocument>%7B%22Version%22%3A%222012-10-17%22');
  });

  it('denies a user what its policies do not allow, in AWS words', () => {
    const result = handleAwsRequest(account(), signed('Action=CreateUser&Version=2010-05-08&UserName=eve', READER), options);
    expect(result.response.status).toBe(403);
    expect(errorCode(bodyText(result.response.body))).toBe('AccessDenied');
    expect(bodyText(result.response.body)).toContain(
      '<Message>User: arn:aws:iam::111122223333:user/app-reader is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/eve because no identity-based policy allows the iam:CreateUser action</Message>',
    );
    expect(result.changed).toBe(false);
  });

  it('lets a user do what its policies allow, and GetUser without a name describes the caller', () => {
    const result = handleAwsRequest(account(), signed('Action=GetUser&Version=2010-05-08', READER), options);
    expect(result.response.status).toBe(200);
    expect(bodyText(result.response.body)).toContain('<UserName>app-reader</UserName>');
  });

  it('refuses an IAM user key once it is made inactive', () => {
    const state = account();
    updateAccessKey(state, { UserName: 'app-reader', AccessKeyId: READER.accessKeyId, Status: 'Inactive' }, ctx);
    expect(errorCode(handleAwsRequest(state, signed('Action=GetUser&Version=2010-05-08', READER), options).response.body)).toBe('InvalidClientTokenId');
  });

  describe('temporary credentials', () => {
    const SESSION = { accessKeyId: 'ASIASESSION000000001', secretAccessKey: 'session-secret' };
    function withSession(expiration: number): AccountState {
      const state = account();
      const reader = state.iam.users['app-reader']!;
      state.sts.sessions[SESSION.accessKeyId] = {
        AccessKeyId: SESSION.accessKeyId, SecretAccessKey: SESSION.secretAccessKey, SessionToken: 'token-1', Expiration: expiration,
        Arn: reader.Arn, UserId: reader.UserId, SessionPolicies: [], Tags: {}, Chained: false,
      };
      return state;
    }
    it('are accepted with their session token', () => {
      const result = handleAwsRequest(withSession(NOW + 3_600_000), signed('Action=GetUser&Version=2010-05-08', SESSION, { headers: { 'x-amz-security-token': 'token-1' } }), options);
      expect(result.response.status).toBe(200);
    });
    it('are refused without it or with another one', () => {
      const state = withSession(NOW + 3_600_000);
      expect(errorCode(handleAwsRequest(state, signed('Action=GetUser&Version=2010-05-08', SESSION), options).response.body)).toBe('InvalidClientTokenId');
      expect(errorCode(handleAwsRequest(state, signed('Action=GetUser&Version=2010-05-08', SESSION, { headers: { 'x-amz-security-token': 'token-2' } }), options).response.body)).toBe('InvalidClientTokenId');
    });
    it('expire on the emulated clock', () => {
      const result = handleAwsRequest(withSession(NOW), signed('Action=GetUser&Version=2010-05-08', SESSION, { headers: { 'x-amz-security-token': 'token-1' } }), options);
      expect(errorCode(bodyText(result.response.body))).toBe('ExpiredToken');
    });
  });

  const failures: [string, () => WireRequest, number, string][] = [
    ['an unknown key', () => signed('Action=GetUser&Version=2010-05-08', { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }), 403, 'InvalidClientTokenId'],
    ['a wrong secret', () => signed('Action=GetUser&Version=2010-05-08', { ...ROOT, secretAccessKey: 'wrong' }), 403, 'SignatureDoesNotMatch'],
    ['a session token with a permanent key', () => signed('Action=GetUser&Version=2010-05-08', ROOT, { headers: { 'x-amz-security-token': 't' } }), 403, 'InvalidClientTokenId'],
    ['a request an hour old', () => signed('Action=GetUser&Version=2010-05-08', ROOT, { time: NOW - 3_600_000 }), 400, 'RequestExpired'],
    ['no signature', () => ({ ...signed('Action=GetUser'), headers: { host: 'localhost' } }), 403, 'MissingAuthenticationToken'],
    ['an unknown action', () => signed('Action=CreateUsers&Version=2010-05-08&UserName=a'), 400, 'InvalidAction'],
    ['another API version', () => signed('Action=CreateUser&Version=2099-01-01&UserName=a'), 400, 'InvalidAction'],
    ['a prototype name as action', () => signed('Action=constructor&Version=2010-05-08'), 400, 'InvalidAction'],
    ['an IAM action not modelled', () => signed('Action=ListSAMLProviders&Version=2010-05-08'), 501, 'NotImplemented'],
    ['a service not served', () => signed('Action=ListQueues', ROOT, { service: 'sqs' }), 501, 'NotImplemented'],
    ['a missing required parameter', () => signed('Action=CreateUser&Version=2010-05-08'), 400, 'ValidationError'],
    ['a list where a name belongs', () => signed('Action=CreateUser&Version=2010-05-08&UserName.member.1=a'), 400, 'ValidationError'],
    ['an operation error', () => signed('Action=CreateUser&Version=2010-05-08&UserName=APP-READER'), 409, 'EntityAlreadyExists'],
    ['a malformed body', () => signed('Action=CreateUser&Version=2010-05-08&UserName=%ZZ'), 400, 'MalformedQueryString'],
    ['a JSON body', () => signed('{"Action":"GetUser"}', ROOT, { headers: { 'content-type': 'application/json' } }), 400, 'MalformedQueryString'],
    ['a body over the limit', () => signed(`Action=GetUser&Version=2010-05-08&P=${'a'.repeat(MAX_WIRE_BODY_BYTES)}`), 413, 'RequestEntityTooLarge'],
  ];
  it.each(failures)('answers %s with an AWS error', (_name, request, status, code) => {
    const state = account();
    const result = handleAwsRequest(state, request(), options);
    expect(result.response.status).toBe(status);
    expect(errorCode(bodyText(result.response.body))).toBe(code);
    expect(bodyText(result.response.body)).toContain('<RequestId>req-1</RequestId>');
    expect(result).toMatchObject({ changed: false, state });
    expect(result.internalError).toBeUndefined();
  });

  it('answers a bug in an operation with InternalFailure and hands the error back', () => {
    const boom = new Error('disk on fire');
    const services = { iam: { signingName: 'iam', actionPrefix: 'iam', protocols: [queryProtocol], version: '2010-05-08', xmlns: 'x', apiOperations: [], bindings: {}, actions: { Explode: () => { throw boom; } } } };
    const result = handleAwsRequest(account(), signed('Action=Explode&Version=2010-05-08'), { ...options, services });
    expect(result.response.status).toBe(500);
    expect(errorCode(bodyText(result.response.body))).toBe('InternalFailure');
    expect(bodyText(result.response.body)).not.toContain('disk on fire');
    expect(result.internalError).toBe(boom);
  });
});

describe('GetUser without a name', () => {
  it('is refused for the root user, which is no IAM user', () => {
    const result = handleAwsRequest(account(), signed('Action=GetUser&Version=2010-05-08'), options);
    expect(errorCode(bodyText(result.response.body))).toBe('ValidationError');
  });
});

describe('the IAM binding', () => {
  it('gives every action of the IAM table an input spec and the resource it is authorized on', () => {
    const missing = Object.keys(iamService.actions).filter((action) => !iamService.bindings[action]?.input || !iamService.bindings[action]?.resource);
    expect(missing).toEqual([]);
  });

  it('names only real IAM API operations', () => {
    expect(Object.keys(iamService.actions).filter((action) => !iamService.apiOperations.includes(action))).toEqual([]);
  });

  it('sets iam:PolicyARN, so a policy can limit which policies a user may attach', () => {
    const state = account();
    putUserPolicy(state, {
      UserName: 'app-reader',
      PolicyName: 'attach-read-only',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } }] }),
    }, ctx);
    const attach = (arn: string) => handleAwsRequest(state, signed(`Action=AttachUserPolicy&Version=2010-05-08&UserName=app-reader&PolicyArn=${encodeURIComponent(arn)}`, READER), options);
    expect(attach('arn:aws:iam::aws:policy/ReadOnlyAccess').response.status).toBe(200);
    expect(errorCode(attach('arn:aws:iam::aws:policy/AdministratorAccess').response.body)).toBe('AccessDenied');
  });
});

describe('plugging in a service', () => {
  it('takes a service by its action table and hands its operations the caller that signed', () => {
    const seen: unknown[] = [];
    const echo: WireService = {
      signingName: 'sts',
      actionPrefix: 'sts',
      protocols: [queryProtocol],
      version: '2011-06-15',
      xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
      apiOperations: [],
      bindings: { WhoAmI: { input: {}, unauthorized: true } },
      actions: { WhoAmI: (_state, _input, wireCtx, caller) => (seen.push(caller), { Arn: wireCtx.caller.arn, UserId: wireCtx.caller.userId }) },
    };
    const services = { sts: echo };
    const root = handleAwsRequest(account(), signed('Action=WhoAmI&Version=2011-06-15', ROOT, { service: 'sts' }), { ...options, services });
    expect(root.response.body).toBe(
      '<WhoAmIResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><WhoAmIResult><Arn>arn:aws:iam::111122223333:root</Arn><UserId>111122223333</UserId></WhoAmIResult>' +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></WhoAmIResponse>',
    );
    const state = account();
    handleAwsRequest(state, signed('Action=WhoAmI&Version=2011-06-15', READER, { service: 'sts' }), { ...options, services });
    expect(seen).toEqual([{ principalArn: 'arn:aws:iam::111122223333:root' }, { accessKeyId: READER.accessKeyId, principalArn: 'arn:aws:iam::111122223333:user/app-reader' }]);
  });
});
