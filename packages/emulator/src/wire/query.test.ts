import fc from 'fast-check';
import { awsErrorCode } from '../test-ctx.ts';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { formPairs, parseQueryRequest, QUERY_LIMITS, queryErrorXml, queryResponseXml } from './query.ts';
import { escapeXml } from './xml.ts';

const parse = (body: string) => parseQueryRequest(formPairs(body));


describe('parsing Query parameters', () => {
  const cases: [string, string, unknown][] = [
    ['plain values', 'Action=CreateUser&Version=2010-05-08&UserName=ada&Path=%2Fteam%2F', { UserName: 'ada', Path: '/team/' }],
    ['form spaces', 'Action=X&Description=read+only%20access', { Description: 'read only access' }],
    ['a member list in index order', 'Action=X&Names.member.2=b&Names.member.1=a&Names.member.10=c', { Names: ['a', 'b', 'c'] }],
    [
      'a list of structures',
      'Action=TagUser&Tags.member.1.Key=team&Tags.member.1.Value=red&Tags.member.2.Key=env&Tags.member.2.Value=',
      { Tags: [{ Key: 'team', Value: 'red' }, { Key: 'env', Value: '' }] },
    ],
    ['a map', 'Action=X&Attributes.entry.1.key=a&Attributes.entry.1.value=1&Attributes.entry.2.key=b&Attributes.entry.2.value=2', { Attributes: { a: '1', b: '2' } }],
    ['EC2 lists', 'Action=DescribeVpcs&VpcId.1=vpc-1&VpcId.2=vpc-2&Filter.1.Name=tag%3AName&Filter.1.Value.1=web', { VpcId: ['vpc-1', 'vpc-2'], Filter: [{ Name: 'tag:Name', Value: ['web'] }] }],
    ['an empty list as the SDK sends it', 'Action=X&Tags=', { Tags: '' }],
    ['a map key named __proto__ stays data', 'Action=X&M.entry.1.key=__proto__&M.entry.1.value=x', { M: JSON.parse('{"__proto__":"x"}') }],
  ];
  it.each(cases)('%s', (_name, body, params) => {
    const parsed = parse(body);
    expect(parsed.params).toEqual(params);
    expect(Object.getPrototypeOf(parsed.params)).toBe(Object.prototype);
  });

  it('takes Action and Version out of the parameters', () => {
    expect(parse('Action=GetUser&Version=2010-05-08')).toEqual({ action: 'GetUser', version: '2010-05-08', params: {} });
  });

  const failures: [string, string, string][] = [
    ['no action', 'Version=2010-05-08&UserName=a', 'MissingAction'],
    ['an empty action', 'Action=&Version=1', 'MissingAction'],
    ['a structured action', 'Action.member.1=X', 'MissingAction'],
    ['a repeated parameter', 'Action=X&A=1&A=2', 'MalformedQueryString'],
    ['a value that is also a structure', 'Action=X&A=1&A.B=2', 'MalformedQueryString'],
    ['index zero', 'Action=X&A.member.0=1', 'MalformedQueryString'],
    ['an index past the limit', `Action=X&A.member.${QUERY_LIMITS.maxIndex + 1}=1`, 'MalformedQueryString'],
    ['a member list with a name in it', 'Action=X&A.member.x=1', 'MalformedQueryString'],
    ['a map entry without a key', 'Action=X&M.entry.1.value=1', 'MalformedQueryString'],
    ['bad percent-encoding', 'Action=X&A=%E0%A4%A', 'MalformedQueryString'],
    ['a name with odd characters', 'Action=X&A-b=1', 'MalformedQueryString'],
    ['an empty segment', 'Action=X&A..B=1', 'MalformedQueryString'],
    ['too deep', `Action=X&${Array.from({ length: QUERY_LIMITS.maxDepth + 1 }, () => 'A').join('.')}=1`, 'MalformedQueryString'],
    ['too many parameters', `Action=X&${Array.from({ length: QUERY_LIMITS.maxParams + 1 }, (_, i) => `P${i}=1`).join('&')}`, 'MalformedQueryString'],
    ['a name too long', `Action=X&${'A'.repeat(QUERY_LIMITS.maxNameLength + 1)}=1`, 'MalformedQueryString'],
  ];
  it.each(failures)('refuses %s', (_name, body, code) => {
    expect(awsErrorCode(() => parse(body))).toBe(code);
  });

  it('never throws anything but an AWS error, whatever the body', () => {
    const token = fc.oneof(fc.constantFrom('Action', 'member', 'entry', 'key', 'value', '1', '2', '0', '__proto__', 'constructor', '.', '=', '&', '%', '%2', '+'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const body = tokens.join('');
        try {
          parse(body);
        } catch (error) {
          expect(error).toBeInstanceOf(AwsError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back any list of structures the SDK can write', () => {
    const name = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/).filter((n) => n !== 'Action' && n !== 'Version');
    fc.assert(
      fc.property(name, fc.array(fc.record({ Key: fc.string(), Value: fc.string() }), { minLength: 1, maxLength: 20 }), (list, tags) => {
        const body = [`Action=TagUser`, ...tags.flatMap((t, i) => [`${list}.member.${i + 1}.Key=${encodeURIComponent(t.Key)}`, `${list}.member.${i + 1}.Value=${encodeURIComponent(t.Value)}`])].join('&');
        expect(parse(body).params[list]).toEqual(tags);
      }),
    );
  });
});

describe('writing Query responses', () => {
  it('wraps output in the Result element, lists as members, with the request id', () => {
    const xml = queryResponseXml('ListUserPolicies', { PolicyNames: ['a', 'b'], IsTruncated: false, Marker: undefined }, { xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/', requestId: 'r-1' });
    expect(xml).toBe(
      '<ListUserPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUserPoliciesResult>' +
        '<PolicyNames><member>a</member><member>b</member></PolicyNames><IsTruncated>false</IsTruncated></ListUserPoliciesResult>' +
        '<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListUserPoliciesResponse>',
    );
  });

  it('leaves the Result element out for an action without output', () => {
    expect(queryResponseXml('DeleteUser', {}, { xmlns: 'x', requestId: 'r' })).toBe('<DeleteUserResponse xmlns="x"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteUserResponse>');
  });

  it('nests structures and lists of structures', () => {
    const xml = queryResponseXml('GetUser', { User: { UserName: 'a&b', Tags: [{ Key: 'k', Value: '<v>' }] } }, { xmlns: 'x', requestId: 'r' });
    expect(xml).toContain('<GetUserResult><User><UserName>a&amp;b</UserName><Tags><member><Key>k</Key><Value>&lt;v&gt;</Value></member></Tags></User></GetUserResult>');
  });

  it('refuses a field name that is not an XML name (a bug in an operation, never input)', () => {
    expect(() => queryResponseXml('X', { 'a b': '1' }, { xmlns: 'x', requestId: 'r' })).toThrow('is not an XML element name');
  });

  it('writes errors as ErrorResponse, Sender for 4xx and Receiver for 5xx', () => {
    expect(queryErrorXml({ code: 'NoSuchEntity', message: 'the user `<a>` cannot be found', httpStatus: 404 }, 'r-2')).toBe(
      '<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>the user `&lt;a&gt;` cannot be found</Message></Error><RequestId>r-2</RequestId></ErrorResponse>',
    );
    expect(queryErrorXml({ code: 'InternalFailure', message: 'x', httpStatus: 500 }, 'r')).toContain('<Type>Receiver</Type>');
  });
});

describe('escaping XML', () => {
  it.each([
    ['<a href="x">&\'</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;'],
    ['line\r\nbreak', 'line&#13;\nbreak'],
    ['nul\u0000 and bell\u0007', 'nul\ufffd and bell\ufffd'],
    ['lone \ud800 surrogate, pair \ud83d\ude00', 'lone \ufffd surrogate, pair \ud83d\ude00'],
    ['tab\tok', 'tab\tok'],
  ])('%j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });

  it('leaves no markup character and no character XML 1.0 forbids, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // eslint-disable-next-line no-control-regex
        expect(escapeXml(text)).not.toMatch(/[<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&(?!amp;|lt;|gt;|quot;|apos;|#13;)/);
      }),
    );
  });
});
