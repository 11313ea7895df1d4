import type { AwsError } from '../../errors.ts';
import { AuthFailure, InvalidParameterValue, MissingParameter, UnauthorizedOperation, UnknownParameter } from '../../ec2/errors.ts';
import type { FieldSpec, InputSpec } from '../input.ts';
import { parseQueryRequest, type QueryValue } from '../query.ts';
import type { WireProtocol } from '../types.ts';
import { escapeXml, xmlFields } from '../xml.ts';
import { ec2QueryName, ec2XmlName } from './ec2-names.ts';
import { queryPairs, xmlResponse } from './query-protocol.ts';

// EC2's dialect of the Query protocol (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html,
// https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html): the request is a Query request whose lists
// are `Name.N` (never `Name.member.N`), the answer is `<ActionResponse>` with a `requestId` and the output's
// members directly inside it, lists as `<item>`, and errors are `<Response><Errors><Error>`.

type Scalar = 'string' | 'integer' | 'boolean';

function isRequired(spec: FieldSpec): boolean {
  return typeof spec === 'string' ? spec.endsWith('!') : spec.required === true;
}

function decodeScalar(value: QueryValue, type: Scalar, name: string): unknown {
  if (typeof value !== 'string') throw new InvalidParameterValue(`\`${name}\` must be a single value, not a list or structure`);
  if (type === 'string') return value;
  if (type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw new InvalidParameterValue(`value \`${value}\` for parameter \`${name}\` is invalid: use \`true\` or \`false\``);
    return value === 'true';
  }
  if (!/^-?\d{1,15}$/.test(value)) throw new InvalidParameterValue(`value \`${value}\` for parameter \`${name}\` is invalid: it must be a whole number`);
  return Number(value);
}

function decodeField(value: QueryValue, spec: FieldSpec, name: string): unknown {
  if (typeof spec === 'string') return decodeScalar(value, spec.replace('!', '') as Scalar, name);
  if ('list' in spec) {
    if (!Array.isArray(value)) throw new InvalidParameterValue(`\`${name}\` is a list: send \`${name}.1\`, \`${name}.2\` …`);
    return value.map((item, i) => decodeField(item, spec.list, `${name}.${i + 1}`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidParameterValue(`\`${name}\` is a structure: send its members as \`${name}.Member\``);
  return decodeEc2Input(value, spec.struct, `${name}.`);
}

/**
 * An action's input from its EC2 Query parameters, by the member names of its spec. A required parameter
 * missing is `MissingParameter`, one the spec does not name is `UnknownParameter` (AWS answers the same for a
 * misspelt one; here also for a real one the emulator does not model, so nothing is silently ignored).
 */
export function decodeEc2Input(params: Record<string, QueryValue>, spec: InputSpec, prefix = ''): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const known = new Set<string>();
  for (const [member, field] of Object.entries(spec)) {
    const name = ec2QueryName(member);
    known.add(name);
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) {
      if (isRequired(field)) throw new MissingParameter(`the request must contain the parameter \`${prefix}${name}\``);
      continue;
    }
    input[member] = decodeField(value, field, prefix + name);
  }
  const unknown = Object.keys(params).find((name) => !known.has(name));
  if (unknown !== undefined) throw new UnknownParameter(`the parameter \`${prefix}${unknown}\` is not recognized (or not modelled by the emulated account)`);
  return input;
}

function renamed(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => renamed(item, path));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([member, field]) => [ec2XmlName([...path, member]), renamed(field, [...path, member])]));
}

/**
 * `<ActionResponse xmlns><requestId>…</requestId>…` with the output's members in EC2's element names. An
 * action with no output answers `<return>true</return>`, as EC2 does (API_DeleteVpc.html).
 */
export function ec2ResponseXml(action: string, output: Record<string, unknown>, xmlns: string, requestId: string): string {
  const members = Object.keys(output).length === 0 ? { return: true } : (renamed(output, [action]) as Record<string, unknown>);
  return `<${action}Response xmlns="${escapeXml(xmlns)}"><requestId>${escapeXml(requestId)}</requestId>${xmlFields(members, { itemName: 'item' })}</${action}Response>`;
}

/**
 * The error as EC2 words it (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): the
 * IAM refusal every AWS service calls `AccessDenied` is EC2's `UnauthorizedOperation`, and a key it does not
 * know or a signature that does not match is `AuthFailure`.
 */
export function ec2Error(error: AwsError): AwsError {
  if (error.code === 'AccessDenied') return new UnauthorizedOperation(`You are not authorized to perform this operation. ${error.message}`);
  if (error.code === 'InvalidClientTokenId' || error.code === 'SignatureDoesNotMatch') return new AuthFailure();
  return error;
}

/** `<Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID></Response>`. */
export function ec2ErrorXml(error: Pick<AwsError, 'code' | 'message'>, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}

/** EC2's Query dialect: read as Query (`Action`, `Version`, form parameters), decoded and answered EC2's way. */
export const ec2Protocol: WireProtocol = {
  accepts: () => true,
  read(request) {
    const query = parseQueryRequest(queryPairs(request));
    return { action: query.action, version: query.version, params: query.params };
  },
  decode: (params, spec) => decodeEc2Input(params as Record<string, QueryValue>, spec),
  success: (call, output, service, requestId) => xmlResponse(200, ec2ResponseXml(call.action, output, service.xmlns, requestId), requestId),
  failure(error, _service, requestId) {
    const answered = ec2Error(error);
    return xmlResponse(answered.httpStatus, ec2ErrorXml(answered, requestId), requestId);
  },
};
