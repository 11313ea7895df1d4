import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { utf8Encode } from '../bytes.ts';
import type { WireRequest, WireService } from '../types.ts';
import { decodeCbor, encodeCbor } from './cbor.ts';
import { JSON_LIMITS } from './json-protocol.ts';
import { rpcV2CborProtocol } from './rpc-v2-cbor-protocol.ts';

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof AwsError ? error.code : `not an AwsError: ${String(error)}`;
  }
  return 'no error';
};

// Golden vectors from RFC 8949, Appendix A (https://www.rfc-editor.org/rfc/rfc8949.html#name-examples-of-encoded-cbor-da).
describe('decoding CBOR (RFC 8949 Appendix A)', () => {
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['20', -1],
    ['3903e7', -1000],
    ['f90000', 0],
    ['f93c00', 1],
    ['f93e00', 1.5],
    ['f97bff', 65504],
    ['f90001', 5.960464477539063e-8],
    ['f9fc00', -Infinity],
    ['fa47c35000', 100000],
    ['fb3ff199999999999a', 1.1],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['f7', null],
    ['c11a514b67b0', 1363896240],
    ['c1fb41d452d9ec200000', 1363896240.5],
    ['4401020304', hex('01020304')],
    ['60', ''],
    ['6449455446', 'IETF'],
    ['62225c', '"\\'],
    ['63e6b0b4', '水'],
    ['83010203', [1, 2, 3]],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['a201020304', undefined],
    ['a26161016162820203', { a: 1, b: [2, 3] }],
    ['5f42010243030405ff', hex('0102030405')],
    ['7f657374726561646d696e67ff', 'streaming'],
    ['9fff', []],
    ['9f018202039f0405ffff', [1, [2, 3], [4, 5]]],
    ['bf61610161629f0203ffff', { a: 1, b: [2, 3] }],
  ])('%s', (encoded, expected) => {
    if (expected === undefined) expect(code(() => decodeCbor(hex(encoded)))).toBe('SerializationException');
    else expect(decodeCbor(hex(encoded))).toEqual(expected);
  });

  it.each([
    ['an empty body', ''],
    ['a truncated integer', '19'],
    ['a string longer than the body', '6449'],
    ['an array count beyond the body', '9b00000000ffffffff'],
    ['a tag other than 1', 'c074323031332d30332d32315432303a30343a30305a'],
    ['bytes after the value', '0000'],
    ['a lone break', 'ff'],
    ['an unterminated indefinite array', '9f01'],
    ['text that is not UTF-8', '62c328'],
    ['an integer past 2^53', '1bffffffffffffffff'],
    ['a reserved additional information', '1c'],
  ])('refuses %s', (_name, encoded) => {
    expect(code(() => decodeCbor(hex(encoded)))).toBe('SerializationException');
  });

  it('refuses nesting past the limit and too many values', () => {
    expect(code(() => decodeCbor(hex('81'.repeat(JSON_LIMITS.maxDepth) + '00')))).toBe('no error');
    expect(code(() => decodeCbor(hex('81'.repeat(JSON_LIMITS.maxDepth + 1) + '00')))).toBe('SerializationException');
    expect(code(() => decodeCbor(hex(`9a${(JSON_LIMITS.maxValues).toString(16).padStart(8, '0')}${'00'.repeat(JSON_LIMITS.maxValues)}`)))).toBe('SerializationException');
  });

  it('keeps a `__proto__` key as data', () => {
    const value = decodeCbor(hex('a1695f5f70726f746f5f5fa0')) as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('encoding CBOR', () => {
  it.each([
    [0, '00'],
    [1000000, '1a000f4240'],
    [-1000, '3903e7'],
    [1.1, 'fb3ff199999999999a'],
    ['IETF', '6449455446'],
    [[1, [2, 3]], '8201820203'],
    [{ a: 1, b: undefined }, 'a1616101'],
    [new Date(1363896240500), 'c1fb41d452d9ec200000'],
    [true, 'f5'],
    [null, 'f6'],
  ])('%j', (value, encoded) => {
    expect(toHex(encodeCbor(value))).toBe(encoded);
  });

  it('reads back whatever it writes (property)', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }), fc.maxSafeInteger(), fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 })),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        expect(decodeCbor(encodeCbor(v))).toEqual(v);
      }),
    );
  });

  it('answers any bytes with a value or a SerializationException (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(['no error', 'SerializationException']).toContain(code(() => decodeCbor(bytes)));
      }),
    );
  });
});

describe('the Smithy RPC v2 CBOR protocol', () => {
  const protocol = rpcV2CborProtocol({ target: 'GraniteServiceVersion20100801', namespace: 'com.amazonaws.cloudwatch', errorShapes: { InvalidParameterValue: 'InvalidParameterValueException' }, queryCompatible: true });
  const service = { version: '2010-08-01', apiOperations: ['DescribeAlarms'] } as unknown as WireService;
  const request = (path: string, body: Uint8Array, headers: Record<string, string> = { 'smithy-protocol': 'rpc-v2-cbor' }): WireRequest => ({ method: 'POST', url: `http://localhost/aws/a1${path}`, headers, body });

  it('reads the operation from the path and the input from the CBOR map', () => {
    const call = protocol.read(request('/service/GraniteServiceVersion20100801/operation/DescribeAlarms', encodeCbor({ AlarmNames: ['cpu'] })), service);
    expect(call).toEqual({ action: 'DescribeAlarms', version: '2010-08-01', params: { AlarmNames: ['cpu'] } });
    expect(protocol.accepts(request('/', new Uint8Array()))).toBe(true);
    expect(protocol.accepts(request('/', new Uint8Array(), { 'content-type': 'application/x-amz-json-1.0' }))).toBe(false);
  });
  it.each([
    ['another service', '/service/Logs_20140328/operation/DescribeAlarms', encodeCbor({}), 'UnknownOperationException'],
    ['an operation the API does not have', '/service/GraniteServiceVersion20100801/operation/MakeCoffee', encodeCbor({}), 'UnknownOperationException'],
    ['no operation path', '/', encodeCbor({}), 'UnknownOperationException'],
    ['a body that is not a map', '/service/GraniteServiceVersion20100801/operation/DescribeAlarms', encodeCbor([1]), 'SerializationException'],
    ['a body that is not CBOR', '/service/GraniteServiceVersion20100801/operation/DescribeAlarms', utf8Encode('{}'), 'SerializationException'],
  ])('refuses %s', (_name, path, body, expected) => {
    expect(code(() => protocol.read(request(path, body), service))).toBe(expected);
  });
  it('answers errors as a CBOR map with __type, message and x-amzn-query-error', () => {
    const answer = protocol.failure(new AwsError('InvalidParameterValue', 'bad period', 400), service, 'r');
    expect(answer.headers).toMatchObject({ 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-query-error': 'InvalidParameterValue;Sender' });
    expect(decodeCbor(answer.body as Uint8Array)).toEqual({ __type: 'com.amazonaws.cloudwatch#InvalidParameterValueException', message: 'bad period' });
  });
});
