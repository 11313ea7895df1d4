import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreAccountState, emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { nameArbitrary } from '../test-names.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest } from './handler.ts';
import { bodyText, signQueryRequest, TEST_ROOT_KEYS } from './test-signing.ts';

// Over the wire, as the API serves it: each call runs on the account as stored after the previous one (JSON
// and back), and `__proto__`, `constructor` or `toString` are names like any other.

const ctx = testCtx();
const ROOT = TEST_ROOT_KEYS;
const options = { ctx, requestId: 'r', resolveCredentials: (id: string) => (id === ROOT.accessKeyId ? rootCaller(ctx.accountId, ROOT.secretAccessKey) : undefined) };
const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY_ARN = (name: string) => `arn:aws:iam::${ctx.accountId}:policy/${name}`;

interface Answer {
  status: number;
  body: string;
}

/** Sends one IAM call and keeps the account as the API would store it. */
function session() {
  let state: AccountState = emptyAccountState();
  return (action: string, params: Record<string, string>, extra: [string, string][] = []): Answer => {
    const body = new URLSearchParams([['Action', action], ['Version', '2010-05-08'], ...Object.entries(params), ...extra]).toString();
    const result = handleAwsRequest(state, signQueryRequest(body, ROOT, { time: ctx.clock.now() }), options);
    expect(result.internalError).toBeUndefined();
    state = restoreAccountState(JSON.parse(JSON.stringify(result.state)));
    return { status: result.response.status, body: bodyText(result.response.body) };
  };
}

const errorCode = (answer: Answer) => /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1];
const field = (name: string, value: string) => `<${name}>${value}</${name}>`;

// One row per named IAM entity: its parameters, the calls that make, read, list and delete it, and the name field they answer with.
const ENTITIES: [kind: string, create: string, params: (n: string) => Record<string, string>, get: string, list: string | undefined, remove: string, field: string][] = [
  ['user', 'CreateUser', (n) => ({ UserName: n }), 'GetUser', 'ListUsers', 'DeleteUser', 'UserName'],
  ['group', 'CreateGroup', (n) => ({ GroupName: n }), 'GetGroup', 'ListGroups', 'DeleteGroup', 'GroupName'],
  ['role', 'CreateRole', (n) => ({ RoleName: n, AssumeRolePolicyDocument: TRUST }), 'GetRole', 'ListRoles', 'DeleteRole', 'RoleName'],
  ['instance profile', 'CreateInstanceProfile', (n) => ({ InstanceProfileName: n }), 'GetInstanceProfile', undefined, 'DeleteInstanceProfile', 'InstanceProfileName'],
  ['managed policy', 'CreatePolicy', (n) => ({ PolicyName: n, PolicyDocument: DOC }), 'GetPolicy', 'ListPolicies', 'DeletePolicy', 'PolicyName'],
];

// The parameters that name an entity to the read and delete calls (a managed policy goes by its ARN).
const target = (create: string, params: Record<string, string>) => (create === 'CreatePolicy' ? { PolicyArn: POLICY_ARN(params.PolicyName!) } : Object.fromEntries(Object.entries(params).slice(0, 1)));
const names = nameArbitrary('[\\w+=,.@-]', 64);

describe.each(ENTITIES)('IAM %s names over the wire', (_kind, create, params, get, list, remove, name) => {
  it('round-trip for hostile names as for any name', () => {
    fc.assert(
      fc.property(names, (n) => {
        const send = session();
        const id = target(create, params(n));
        expect(errorCode(send(get, id))).toBe('NoSuchEntity');
        expect(send(create, params(n)).status).toBe(200);
        expect(send(get, id).body).toContain(field(name, n));
        if (list) expect(send(list, list === 'ListPolicies' ? { Scope: 'Local' } : {}).body).toContain(field(name, n));
        expect(errorCode(send(create, params(n)))).toBe('EntityAlreadyExists');
        expect(send(remove, id).status).toBe(200);
        expect(errorCode(send(get, id))).toBe('NoSuchEntity');
        expect(errorCode(send(remove, id))).toBe('NoSuchEntity');
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(['User', 'Group', 'Role'])('%s inline policy names over the wire', (owner) => {
  it('round-trip for hostile names as for any name', () => {
    fc.assert(
      fc.property(names, (n) => {
        const send = session();
        const who = { [`${owner}Name`]: 'owner' };
        send(`Create${owner}`, owner === 'Role' ? { ...who, AssumeRolePolicyDocument: TRUST } : who);
        expect(errorCode(send(`Get${owner}Policy`, { ...who, PolicyName: n }))).toBe('NoSuchEntity');
        expect(send(`Put${owner}Policy`, { ...who, PolicyName: n, PolicyDocument: DOC }).status).toBe(200);
        expect(send(`Get${owner}Policy`, { ...who, PolicyName: n }).body).toContain(field('PolicyDocument', encodeURIComponent(DOC)));
        expect(send(`List${owner}Policies`, who).body).toContain(`<member>${n}</member>`);
        expect(send(`Delete${owner}Policy`, { ...who, PolicyName: n }).status).toBe(200);
        expect(errorCode(send(`Delete${owner}Policy`, { ...who, PolicyName: n }))).toBe('NoSuchEntity');
        expect(send(`Delete${owner}`, who).status).toBe(200);
      }),
      { numRuns: 40 },
    );
  });
});

describe('hostile names in tags and query parameters', () => {
  it('keeps a tag keyed `__proto__` like any other tag', () => {
    const send = session();
    const tags = { 'Tags.member.1.Key': '__proto__', 'Tags.member.1.Value': 'v1', 'Tags.member.2.Key': 'constructor', 'Tags.member.2.Value': 'v2' };
    expect(send('CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: TRUST, ...tags }).status).toBe(200);
    const role = send('GetRole', { RoleName: 'app' }).body;
    expect(role).toContain('<member><Key>__proto__</Key><Value>v1</Value></member><member><Key>constructor</Key><Value>v2</Value></member>');
  });

  it.each([
    ['`__proto__`', [['__proto__', 'x']]],
    ['`constructor` as a structure', [['constructor.toString', 'x']]],
    ['`hasOwnProperty` as a list', [['hasOwnProperty.member.1', 'x']]],
    ['`__proto__` as a map key', [['Other.entry.1.key', '__proto__'], ['Other.entry.1.value', 'x']]],
  ])('ignores %s the action does not read', (_what, extra) => {
    const send = session();
    expect(send('CreateUser', { UserName: 'ada' }, extra as [string, string][]).status).toBe(200);
    expect(send('GetUser', { UserName: 'ada' }).body).toContain(field('UserName', 'ada'));
  });

  it.each(['__proto__', 'constructor', 'toString'])('verifies a request that signs a header named `%s`', (header) => {
    const request = signQueryRequest('Action=ListUsers&Version=2010-05-08', ROOT, { time: ctx.clock.now(), headers: Object.fromEntries([[header, 'x']]) });
    const result = handleAwsRequest(emptyAccountState(), request, options);
    expect(result.internalError).toBeUndefined();
    expect(result.response.status).toBe(200);
  });

  it('answers `__proto__` as an action name with InvalidAction', () => {
    expect(errorCode(session()('__proto__', {}))).toBe('InvalidAction');
    expect(errorCode(session()('constructor', {}))).toBe('InvalidAction');
  });
});
