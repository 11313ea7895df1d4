import { AwsError } from '../../errors.ts';
import { lowerCaseHeaders } from '../sigv4.ts';
import { isoTimestamp, isRequired, missingMember, type FieldSpec, type InputSpec, type Scalar } from '../input.ts';
import type { WireProtocol, WireRequest, WireResponse, WireService } from '../types.ts';

// The AWS JSON 1.0 and 1.1 protocols (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html):
// `POST /` with `X-Amz-Target: <ServiceTarget>.<Operation>` and the input as a JSON document; the output is a
// JSON document, an error `{"__type": "<shape>", "message": "…"}` with its code in `x-amzn-ErrorType`.
// Timestamps travel as epoch seconds. A service that moved over from the Query protocol (CloudWatch) keeps
// its Query error codes in `x-amzn-query-error: <Code>;<Sender|Receiver>` (the `awsQueryCompatible` trait,
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait).

/** Our limits on a JSON document: beyond them a request fails with `SerializationException`, never a crash. */
export const JSON_LIMITS = {
  /** Nested objects and arrays (CloudWatch's deepest input, metric math, stays under 8). */
  maxDepth: 20,
  /** Values in one document, objects, arrays and scalars together. */
  maxValues: 20_000,
} as const;

/** The body is not a JSON document, or not one within our limits. */
export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', message, 400);
  }
}

/** The `X-Amz-Target` names no operation of the service. */
export class UnknownOperationException extends AwsError {
  constructor(message: string) {
    super('UnknownOperationException', message, 400);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Counts the values of a parsed document, failing past the depth or count limit; iterative, so no input overflows the stack. */
function checkLimits(root: unknown): void {
  const stack: [unknown, number][] = [[root, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > JSON_LIMITS.maxValues) throw new SerializationException(`the document has more than ${JSON_LIMITS.maxValues} values`);
    if (typeof value !== 'object' || value === null) continue;
    if (depth > JSON_LIMITS.maxDepth) throw new SerializationException(`the document is nested deeper than ${JSON_LIMITS.maxDepth} levels`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

/** The JSON object a request body holds; an empty body is an empty input. Throws `SerializationException`. */
export function parseJsonBody(body: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new SerializationException('the body is not UTF-8 text');
  }
  if (text.trim() === '') return {};
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new SerializationException('the body is not a JSON document');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new SerializationException('the body must be a JSON object');
  checkLimits(document);
  return document as Record<string, unknown>;
}

const SCALAR_WORDS: Record<Scalar, string> = { string: 'a string', integer: 'a whole number', double: 'a number', boolean: 'true or false', timestamp: 'epoch seconds' };

function decodeScalar(value: unknown, type: Scalar, path: string): unknown {
  const wrong = () => new SerializationException(`\`${path}\` must be ${SCALAR_WORDS[type]}`);
  if (type === 'string') {
    if (typeof value !== 'string') throw wrong();
    return value;
  }
  if (type === 'boolean') {
    if (typeof value !== 'boolean') throw wrong();
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong();
  if (type === 'integer' && !Number.isSafeInteger(value)) throw wrong();
  return type === 'timestamp' ? isoTimestamp(value * 1000, value, path) : value;
}

function decodeJsonField(value: unknown, spec: FieldSpec, path: string): unknown {
  if (typeof spec === 'string') return decodeScalar(value, spec.replace('!', '') as Scalar, path);
  if ('list' in spec) {
    if (!Array.isArray(value)) throw new SerializationException(`\`${path}\` must be a list`);
    return value.map((item, i) => decodeJsonField(item, spec.list, `${path}.${i + 1}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SerializationException(`\`${path}\` must be an object`);
  return decodeJsonInput(value as Record<string, unknown>, spec.struct, `${path}.`);
}

/**
 * The input of an action from a JSON document: the members the spec names, in their types, timestamps as
 * ISO 8601. `null` counts as left out, as the SDKs send it; members the spec does not name are dropped.
 */
export function decodeJsonInput(params: Record<string, unknown>, spec: InputSpec, prefix = ''): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined || value === null) {
      if (isRequired(field)) throw missingMember(prefix + name);
      continue;
    }
    input[name] = decodeJsonField(value, field, prefix + name);
  }
  return input;
}

/** An output value as JSON: dates as epoch seconds, undefined members left out (JSON.stringify drops them). */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, jsonValue(field)]));
  return value;
}

/** How a service speaks a JSON protocol. */
export interface JsonProtocolOptions {
  /** `1.0` (CloudWatch, DynamoDB) or `1.1` (KMS, ECR). */
  version: '1.0' | '1.1';
  /** The prefix of `X-Amz-Target` (`GraniteServiceVersion20100801` for CloudWatch). */
  target: string;
  /** The Smithy namespace of the error shapes (`com.amazonaws.cloudwatch`). */
  namespace: string;
  /** Query error codes whose JSON shape is named otherwise (CloudWatch's `InvalidParameterValue` is `InvalidParameterValueException`). */
  errorShapes?: Readonly<Record<string, string>>;
  /** The service moved over from the Query protocol: errors carry `x-amzn-query-error` too. */
  queryCompatible?: boolean;
}

/**
 * An error as the JSON-based protocols write it: `__type` names the service's error shape (the Query code's own
 * shape where they differ), and a query-compatible service adds the Query code and fault in `x-amzn-query-error`.
 */
export function errorDocument(options: Pick<JsonProtocolOptions, 'namespace' | 'errorShapes' | 'queryCompatible'>, error: AwsError) {
  const shapes = options.errorShapes ?? {};
  const shape = Object.hasOwn(shapes, error.code) ? shapes[error.code]! : error.code;
  const fault = error.httpStatus >= 500 ? 'Receiver' : 'Sender';
  const headers: Record<string, string> = options.queryCompatible ? { 'x-amzn-query-error': `${error.code};${fault}` } : {};
  return { shape, document: { __type: `${options.namespace}#${shape}`, message: error.message }, headers };
}

/** The operation a request names in `X-Amz-Target`, when it is one of the service's. */
function targetAction(request: WireRequest, service: WireService, target: string): string {
  const header = lowerCaseHeaders(request.headers)['x-amz-target'] ?? '';
  const dot = header.lastIndexOf('.');
  const action = header.slice(dot + 1);
  if (dot < 0 || header.slice(0, dot) !== target || !service.apiOperations.includes(action)) {
    throw new UnknownOperationException(`\`${header.slice(0, 128)}\` is not an operation of this service: \`X-Amz-Target\` is \`${target}.<Operation>\``);
  }
  return action;
}

/** An AWS JSON protocol as the options describe it. */
export function jsonProtocol(options: JsonProtocolOptions): WireProtocol {
  const contentType = `application/x-amz-json-${options.version}`;
  const respond = (status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): WireResponse => ({
    status,
    headers: { 'content-type': contentType, 'x-amzn-RequestId': requestId, ...headers },
    body: JSON.stringify(body),
  });
  return {
    accepts: (request) => (lowerCaseHeaders(request.headers)['content-type'] ?? '').toLowerCase().startsWith(contentType),
    read(request, service) {
      if (request.method.toUpperCase() !== 'POST') throw new SerializationException(`the JSON protocol takes \`POST\`, not \`${request.method}\``);
      // The SDKs compress large PutMetricData bodies (the `requestCompression` trait); the wire reads plain JSON only.
      const encoding = lowerCaseHeaders(request.headers)['content-encoding'] ?? '';
      if (encoding !== '' && encoding.toLowerCase() !== 'identity') throw new SerializationException(`a \`${encoding.slice(0, 32)}\` body is not read: send it uncompressed (the SDK's \`disableRequestCompression\`)`);
      const action = targetAction(request, service, options.target);
      return { action, version: service.version, params: parseJsonBody(request.body) };
    },
    decode: (params, spec) => decodeJsonInput(params, spec),
    success: (_call, output, _service, requestId) => respond(200, jsonValue(output), requestId),
    failure(error, _service, requestId) {
      const { shape, document, headers } = errorDocument(options, error);
      return respond(error.httpStatus, document, requestId, { 'x-amzn-ErrorType': shape, ...headers });
    },
  };
}

