import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { utf8Encode } from '../bytes.ts';
import type { InputSpec } from '../input.ts';
import type { WireRequest, WireService } from '../types.ts';
import { decodeJsonInput, jsonProtocol, JSON_LIMITS, parseJsonBody, SerializationException } from './json-protocol.ts';

// Golden shapes from https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html (request target, error
// `__type` and `x-amzn-ErrorType`) and the awsQueryCompatible trait's `x-amzn-query-error: Code;Fault`.

const protocol = jsonProtocol({
  version: '1.0',
  target: 'GraniteServiceVersion20100801',
  namespace: 'com.amazonaws.cloudwatch',
  errorShapes: { InvalidParameterValue: 'InvalidParameterValueException' },
  queryCompatible: true,
});
const service = { version: '2010-08-01', apiOperations: ['DescribeAlarms', 'PutMetricAlarm', 'GetDashboard'] } as unknown as WireService;
const request = (body: string, headers: Record<string, string> = {}, method = 'POST'): WireRequest => ({
  method,
  url: 'https://example.test/aws/a1/',
  headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'GraniteServiceVersion20100801.DescribeAlarms', ...headers },
  body: utf8Encode(body),
});
const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof AwsError ? error.code : 'not an AwsError';
  }
  return 'no error';
};

describe('reading an AWS JSON request', () => {
  it('names the action from X-Amz-Target and the version from the service', () => {
    expect(protocol.read(request('{"AlarmNames":["cpu"]}'), service)).toEqual({ action: 'DescribeAlarms', version: '2010-08-01', params: { AlarmNames: ['cpu'] } });
  });
  it('takes an empty body as an empty input', () => {
    expect(protocol.read(request(''), service).params).toEqual({});
  });
  it.each([
    ['x-amz-json-1.0', { 'Content-Type': 'application/x-amz-json-1.0' }, true],
    ['with a charset', { 'content-type': 'application/x-amz-json-1.0; charset=utf-8' }, true],
    ['JSON 1.1 is another protocol', { 'Content-Type': 'application/x-amz-json-1.1' }, false],
    ['a Query form', { 'Content-Type': 'application/x-www-form-urlencoded' }, false],
    ['CBOR', { 'Content-Type': 'application/cbor' }, false],
  ])('accepts %s: %s', (_name, headers, accepted) => {
    expect(protocol.accepts({ ...request('{}'), headers })).toBe(accepted);
  });
  it.each([
    ['no target', { 'X-Amz-Target': '' }, 'UnknownOperationException'],
    ['another service', { 'X-Amz-Target': 'Logs_20140328.DescribeAlarms' }, 'UnknownOperationException'],
    ['an operation the API does not have', { 'X-Amz-Target': 'GraniteServiceVersion20100801.MakeCoffee' }, 'UnknownOperationException'],
    ['a prototype name', { 'X-Amz-Target': 'GraniteServiceVersion20100801.constructor' }, 'UnknownOperationException'],
  ])('refuses %s', (_name, headers, expected) => {
    expect(code(() => protocol.read(request('{}', headers), service))).toBe(expected);
  });
  it.each([
    ['not JSON', '{"a":'],
    ['an array', '[1]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['too deep', `{"a":${'['.repeat(JSON_LIMITS.maxDepth)}${']'.repeat(JSON_LIMITS.maxDepth)}}`],
    ['too many values', `{"a":[${Array.from({ length: JSON_LIMITS.maxValues }, () => '0').join(',')}]}`],
  ])('refuses a body that is %s', (_name, body) => {
    expect(code(() => protocol.read(request(body), service))).toBe('SerializationException');
  });
  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(SerializationException);
  });
  it('refuses a compressed body with the way out', () => {
    expect(() => protocol.read(request('{}', { 'Content-Encoding': 'gzip' }), service)).toThrow(/disableRequestCompression/);
  });
  it('refuses a GET', () => {
    expect(code(() => protocol.read(request('{}', {}, 'GET'), service))).toBe('SerializationException');
  });
  it('keeps a `__proto__` member as data', () => {
    const params = protocol.read(request('{"__proto__":{"polluted":true}}'), service).params;
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('decoding a JSON input against its spec', () => {
  const spec: InputSpec = {
    AlarmName: 'string!',
    Threshold: 'double',
    EvaluationPeriods: 'integer',
    ActionsEnabled: 'boolean',
    StartTime: 'timestamp',
    Dimensions: { list: { struct: { Name: 'string!', Value: 'string!' } } },
  };
  it('reads each type, timestamps from epoch seconds to ISO 8601, and drops undeclared members', () => {
    expect(
      decodeJsonInput({ AlarmName: 'cpu', Threshold: 80.5, EvaluationPeriods: 3, ActionsEnabled: false, StartTime: 1700000000.5, Dimensions: [{ Name: 'a', Value: 'b' }], Extra: 1 }, spec),
    ).toEqual({ AlarmName: 'cpu', Threshold: 80.5, EvaluationPeriods: 3, ActionsEnabled: false, StartTime: '2023-11-14T22:13:20.500Z', Dimensions: [{ Name: 'a', Value: 'b' }] });
  });
  it('counts null as left out', () => {
    expect(decodeJsonInput({ AlarmName: 'cpu', Threshold: null }, spec)).toEqual({ AlarmName: 'cpu' });
  });
  it.each([
    ['a required member left out', {}, 'ValidationError', /Value null at 'alarmName'/],
    ['a required member of a list item', { AlarmName: 'a', Dimensions: [{ Name: 'x' }] }, 'ValidationError', /'dimensions.1.value'/],
    ['a number as a string', { AlarmName: 'a', Threshold: '80' }, 'SerializationException', /`Threshold` must be a number/],
    ['a fraction where an integer belongs', { AlarmName: 'a', EvaluationPeriods: 1.5 }, 'SerializationException', /whole number/],
    ['a string where a boolean belongs', { AlarmName: 'a', ActionsEnabled: 'true' }, 'SerializationException', /true or false/],
    ['a date string where epoch seconds belong', { AlarmName: 'a', StartTime: '2024-01-01' }, 'SerializationException', /epoch seconds/],
    ['a timestamp past year 9999', { AlarmName: 'a', StartTime: 1e12 }, 'ValidationError', /must be a date/],
    ['an object where a list belongs', { AlarmName: 'a', Dimensions: {} }, 'SerializationException', /must be a list/],
    ['a list where an object belongs', { AlarmName: 'a', Dimensions: [[]] }, 'SerializationException', /must be an object/],
  ])('refuses %s', (_name, params, expected, message) => {
    let thrown: unknown;
    try {
      decodeJsonInput(params, spec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AwsError);
    expect((thrown as AwsError).code).toBe(expected);
    expect((thrown as AwsError).message).toMatch(message);
  });
});

describe('writing AWS JSON answers', () => {
  it('writes the output as JSON with dates as epoch seconds', () => {
    const answer = protocol.success({ action: 'DescribeAlarms', version: undefined, params: {} }, { MetricAlarms: [{ AlarmName: 'cpu', StateUpdatedTimestamp: new Date(1700000000500), Unit: undefined }] }, service, 'req-1');
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({ 'content-type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'req-1' });
    expect(JSON.parse(answer.body as string)).toEqual({ MetricAlarms: [{ AlarmName: 'cpu', StateUpdatedTimestamp: 1700000000.5 }] });
  });
  it.each([
    ['a code with its own JSON shape', new AwsError('InvalidParameterValue', 'bad', 400), 'InvalidParameterValueException', 'InvalidParameterValue;Sender'],
    ['a code that is its own shape', new AwsError('ResourceNotFound', 'no alarm', 404), 'ResourceNotFound', 'ResourceNotFound;Sender'],
    ['a server fault', new AwsError('InternalFailure', 'oops', 500), 'InternalFailure', 'InternalFailure;Receiver'],
    ['a prototype name as a code', new AwsError('constructor', 'x', 400), 'constructor', 'constructor;Sender'],
  ])('answers %s with __type, x-amzn-ErrorType and x-amzn-query-error', (_name, error, shape, queryError) => {
    const answer = protocol.failure(error, service, 'req-2');
    expect(answer.status).toBe(error.httpStatus);
    expect(answer.headers['x-amzn-ErrorType']).toBe(shape);
    expect(answer.headers['x-amzn-query-error']).toBe(queryError);
    expect(JSON.parse(answer.body as string)).toEqual({ __type: `com.amazonaws.cloudwatch#${shape}`, message: error.message });
  });
  it('leaves x-amzn-query-error out for a service that always spoke JSON', () => {
    const kms = jsonProtocol({ version: '1.1', target: 'TrentService', namespace: 'com.amazonaws.kms' });
    const answer = kms.failure(new AwsError('NotFoundException', 'no key', 400), undefined, 'r');
    expect(answer.headers['x-amzn-query-error']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/x-amz-json-1.1');
  });
});

describe('the JSON reader under any input (property)', () => {
  const read = (body: Uint8Array) => protocol.read({ ...request(''), body }, service);
  it('answers any bytes with parameters or a SerializationException, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.json({ maxDepth: 30 }).map(utf8Encode), fc.string().map(utf8Encode)), (body) => {
        const outcome = code(() => read(body));
        expect(['no error', 'SerializationException']).toContain(outcome);
      }),
    );
  });
  it('accepts every object within the limits and refuses every one nested past them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: JSON_LIMITS.maxDepth * 2 }), fc.constantFrom('[', '{"a":'), (depth, opener) => {
        const closer = opener === '[' ? ']' : '}';
        // The outer object is the first level; `depth` more nest inside it.
        const body = `{"x":${opener.repeat(depth)}0${closer.repeat(depth)}}`;
        const outcome = code(() => read(utf8Encode(body)));
        expect(outcome).toBe(depth + 1 <= JSON_LIMITS.maxDepth ? 'no error' : 'SerializationException');
      }),
    );
  });
  it('decodes any JSON against a spec to the spec’s members or a typed AWS error', () => {
    const spec: InputSpec = { A: 'string!', B: 'integer', C: { list: { struct: { D: 'timestamp' } } } };
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C', 'E'), fc.jsonValue({ maxDepth: 3 })), (params) => {
        const outcome = code(() => decodeJsonInput(params as Record<string, unknown>, spec));
        expect(['no error', 'SerializationException', 'ValidationError']).toContain(outcome);
      }),
    );
  });
});
