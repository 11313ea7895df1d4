import { ValidationError, type AwsError } from '../../errors.ts';
import { BadDigest, InvalidArgument, InvalidURI, MalformedXML, MetadataTooLarge, MethodNotAllowed, MissingRequestBodyError } from '../../s3/errors.ts';
import { md5Hex } from '../../s3/md5.ts';
import { base64, CHECKSUMS } from '../checksums.ts';
import { utf8Decode } from '../bytes.ts';
import { NotImplemented } from '../errors.ts';
import type { FieldSpec, InputSpec } from '../input.ts';
import { formPairs } from '../query.ts';
import { lowerCaseHeaders, splitUrl } from '../sigv4.ts';
import type { WireCall, WireProtocol, WireRequest, WireResponse, WireService } from '../types.ts';
import { parseXml } from '../xml-parse.ts';
import { readXml, writeXml, type XmlShape } from '../xml-shapes.ts';
import { escapeXml } from '../xml.ts';

// The REST-XML protocol (https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html) as S3 speaks it:
// the operation is the HTTP method on the service, a bucket or an object, picked out by subresource
// query parameters (`?policy`, `?versioning`, `list-type=2` …); inputs come from the path, the query,
// headers and an XML (or raw) body; outputs go to headers and an XML (or raw) body; errors are an
// `<Error>` document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).

/** Where an operation sits on HTTP: the method, what the path names, and the query parameters and header that pick it. */
export interface RestRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';
  target: 'service' | 'bucket' | 'object';
  query?: readonly string[];
  header?: string;
}

/** A body: raw text in one member, or an XML document (its root element and shape) in one member or as the whole output. */
export type RestPayload = { member: string; text: true } | { member?: string; root: string; shape: XmlShape; optional?: true };

/** How a modelled operation's input is read from the request and its output written to the response. */
export interface RestBinding {
  /** Input members read from query parameters: member → parameter name. */
  query?: Record<string, string>;
  /** Input members read from headers: member → lower-case header name. */
  headers?: Record<string, string>;
  /** The input member that takes the `x-amz-meta-*` headers as a map. */
  metadata?: string;
  payload?: RestPayload;
  output?: {
    /** 200 unless given (S3 answers its deletes with 204 No Content). */
    status?: number;
    /** Output members written as headers: member → header name. */
    headers?: Record<string, string>;
    /** The output member whose map is written as `x-amz-meta-*` headers. */
    metadata?: string;
    payload?: RestPayload;
  };
}

/** A REST-XML API: its namespace, where every operation sits, how the modelled ones read and write, and its names for the shared errors. */
export interface RestXmlApi {
  xmlns: string;
  routes: Record<string, RestRoute>;
  bindings: Partial<Record<string, RestBinding>>;
  /** The service's codes (and statuses, messages) for errors the wire raises in every service's words. */
  errors: Record<string, { code: string; status?: number; message?: string }>;
}

/** Our limit on the query parameters of one request. */
const MAX_QUERY_PARAMS = 100;
/** Metadata headers S3 takes on one object: 2 KB in all (UsingMetadata.html), and we count the headers too. */
const MAX_METADATA_HEADERS = 100;

// Headers every request may carry: signing, the SDKs' own, and the integrity checks verified below.
const PROTOCOL_HEADERS = /^x-amz-(?:date|content-sha256|security-token|user-agent|sdk-checksum-algorithm|checksum-[a-z0-9]+)$/;
// Standard headers that change what an operation does: served only by an operation that reads them.
const MEANINGFUL_HEADERS = /^(?:x-amz-.*|if-match|if-none-match|if-modified-since|if-unmodified-since|range|content-encoding)$/;

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new InvalidURI(`Couldn't parse the specified URI: \`${part.slice(0, 64)}\``);
  }
}

const hostname = (host: string) => host.replace(/:\d+$/, '').toLowerCase();

/** The bucket and key a request names: from the host (virtual-hosted style) or the first path segment (path style). */
export function restLocation(request: Pick<WireRequest, 'url' | 'headers' | 'basePath' | 'endpointHost'>): { bucket?: string; key?: string } {
  let { path } = splitUrl(request.url);
  if (request.basePath && (path === request.basePath || path.startsWith(`${request.basePath}/`))) path = path.slice(request.basePath.length);
  const host = hostname(lowerCaseHeaders(request.headers)['host'] ?? '');
  const base = request.endpointHost === undefined ? undefined : hostname(request.endpointHost);
  const rest = path.replace(/^\//, '');
  if (base !== undefined && host.endsWith(`.${base}`)) {
    const bucket = host.slice(0, -base.length - 1);
    return rest === '' ? { bucket } : { bucket, key: decodePathPart(rest) };
  }
  if (rest === '') return {};
  const slash = rest.indexOf('/');
  if (slash < 0 || slash === rest.length - 1) return { bucket: decodePathPart(slash < 0 ? rest : rest.slice(0, -1)) };
  return { bucket: decodePathPart(rest.slice(0, slash)), key: decodePathPart(rest.slice(slash + 1)) };
}

/** The operation a request makes: among the routes of its method and target, the one whose query parameters and header are all present and most specific. */
export function restOperation(routes: Record<string, RestRoute>, method: string, target: RestRoute['target'], query: ReadonlySet<string>, headers: Record<string, string>): string {
  let best: { action: string; weight: number } | undefined;
  for (const [action, route] of Object.entries(routes)) {
    if (route.method !== method || route.target !== target) continue;
    if (!(route.query ?? []).every((name) => query.has(name)) || (route.header !== undefined && headers[route.header] === undefined)) continue;
    const weight = (route.query?.length ?? 0) + (route.header !== undefined ? 1 : 0);
    if (!best || weight > best.weight) best = { action, weight };
  }
  if (!best) throw new MethodNotAllowed(`The specified method is not allowed against this resource: \`${method}\` on ${target === 'service' ? 'the service' : `a ${target}`}`);
  return best.action;
}

function verifyIntegrity(headers: Record<string, string>, body: Uint8Array): void {
  const md5 = headers['content-md5'];
  if (md5 !== undefined) {
    const digest = md5Hex([...body]);
    const bytes = Uint8Array.from(digest.match(/../g) ?? [], (h) => parseInt(h, 16));
    if (base64(bytes) !== md5) throw new BadDigest('The Content-MD5 you specified did not match what we received.');
  }
  for (const [name, value] of Object.entries(headers)) {
    const algorithm = /^x-amz-checksum-([a-z0-9]+)$/.exec(name)?.[1];
    // `x-amz-checksum-mode: ENABLED` asks for the stored checksum back: S3 sends one only for an object
    // stored with one, and the emulator keeps none, so the SDK has nothing to validate.
    if (algorithm === undefined || algorithm === 'type' || algorithm === 'mode') continue;
    const checksum = Object.hasOwn(CHECKSUMS, algorithm) ? CHECKSUMS[algorithm] : undefined;
    if (!checksum) throw new NotImplemented(`the emulated S3 does not verify \`${name}\`: use CRC32, CRC32C, SHA1 or SHA256`);
    if (checksum(body) !== value) throw new BadDigest(`The ${algorithm.toUpperCase()} you specified did not match the calculated checksum.`);
  }
}

function bodyText(body: Uint8Array): string {
  const text = utf8Decode(body);
  if (text === undefined) throw new NotImplemented('the emulated S3 stores text: the body is not UTF-8');
  return text;
}

function readPayload(payload: RestPayload, body: Uint8Array, params: Record<string, unknown>): void {
  if ('text' in payload) {
    params[payload.member] = bodyText(body);
    return;
  }
  if (body.length === 0) {
    if (payload.optional) return;
    throw new MissingRequestBodyError();
  }
  const root = parseXml(bodyText(body));
  if (root.name !== payload.root) throw new MalformedXML(`The XML you provided was not well-formed or did not validate against our published schema: the document must be \`<${payload.root}>\`, not \`<${root.name}>\``);
  const value = readXml(root, payload.shape) as Record<string, unknown>;
  if (payload.member !== undefined) params[payload.member] = value;
  else Object.assign(params, value);
}

/** Fail closed: a header or query parameter that changes the operation but is not read is refused, never ignored. */
function refuseUnread(action: string, route: RestRoute, binding: RestBinding | undefined, headers: Record<string, string>, query: Map<string, string>): void {
  const readHeaders = new Set([...Object.values(binding?.headers ?? {}), ...(route.header ? [route.header] : [])]);
  for (const name of Object.keys(headers)) {
    if (PROTOCOL_HEADERS.test(name) || readHeaders.has(name) || (binding?.metadata !== undefined && name.startsWith('x-amz-meta-'))) continue;
    if (MEANINGFUL_HEADERS.test(name)) throw new NotImplemented(`the emulated S3 does not model the header \`${name}\` on ${action}`);
  }
  const readQuery = new Set([...Object.values(binding?.query ?? {}), ...(route.query ?? []), 'x-id']);
  for (const name of query.keys()) {
    if (!readQuery.has(name)) throw new NotImplemented(`the emulated S3 does not model the parameter \`${name}\` on ${action}`);
  }
}

function readCall(api: RestXmlApi, request: WireRequest, version: string): WireCall {
  const headers = lowerCaseHeaders(request.headers);
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && /aws-chunked/i.test(encoding)) throw new NotImplemented('the emulated S3 does not take `aws-chunked` uploads: send the body in one piece');
  const pairs = formPairs(splitUrl(request.url).query);
  if (pairs.length > MAX_QUERY_PARAMS) throw new InvalidArgument(`the request has more than ${MAX_QUERY_PARAMS} query parameters`);
  const query = new Map(pairs);
  const { bucket, key } = restLocation(request);
  const target = key !== undefined ? 'object' : bucket !== undefined ? 'bucket' : 'service';
  const action = restOperation(api.routes, request.method.toUpperCase(), target, new Set(query.keys()), headers);
  const binding = Object.hasOwn(api.bindings, action) ? api.bindings[action] : undefined;
  const route = api.routes[action]!;
  // An operation that is not modelled is refused by the handler; only a modelled one reads the rest.
  if (!binding) return { action, version, params: {} };
  refuseUnread(action, route, binding, headers, query);
  verifyIntegrity(headers, request.body);
  const params: Record<string, unknown> = { ...(bucket !== undefined ? { Bucket: bucket } : {}), ...(key !== undefined ? { Key: key } : {}) };
  for (const [member, name] of Object.entries(binding.query ?? {})) if (query.has(name)) params[member] = query.get(name);
  for (const [member, name] of Object.entries(binding.headers ?? {})) if (headers[name] !== undefined) params[member] = headers[name];
  if (binding.metadata !== undefined) {
    const meta = Object.entries(headers).filter(([name]) => name.startsWith('x-amz-meta-'));
    if (meta.length > MAX_METADATA_HEADERS) throw new MetadataTooLarge(`an object takes at most ${MAX_METADATA_HEADERS} metadata headers`);
    if (meta.length > 0) params[binding.metadata] = Object.fromEntries(meta.map(([name, value]) => [name.slice('x-amz-meta-'.length), value]));
  }
  if (binding.payload) readPayload(binding.payload, request.body, params);
  else if (request.body.length > 0) throw new NotImplemented(`the emulated S3 does not read a request body on ${action}`);
  return { action, version, params };
}

function scalarOf(value: unknown, type: string, path: string): unknown {
  if (typeof value !== 'string' || type === 'string') return value;
  if (type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw new InvalidArgument(`\`${path}\` must be \`true\` or \`false\`, not \`${value}\``);
    return value === 'true';
  }
  if (!/^-?\d{1,15}$/.test(value)) throw new InvalidArgument(`\`${path}\` must be a whole number, not \`${value}\``);
  return Number(value);
}

/** The input as the spec names it: text from the path, query and headers in its scalar types, documents as read. */
export function decodeRestInput(params: Record<string, unknown>, spec: InputSpec): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec) as [string, FieldSpec][]) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    const required = typeof field === 'string' ? field.endsWith('!') : field.required === true;
    if (value === undefined) {
      if (required) throw new ValidationError(`\`${name}\` is required`);
      continue;
    }
    input[name] = typeof field === 'string' ? scalarOf(value, field.replace('!', ''), name) : value;
  }
  return input;
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}

function writeResponse(api: RestXmlApi, call: WireCall, output: Record<string, unknown>, requestId: string): WireResponse {
  const spec = api.bindings[call.action]?.output ?? {};
  const headers: Record<string, string> = { 'x-amz-request-id': requestId };
  for (const [member, name] of Object.entries(spec.headers ?? {})) {
    const text = headerText(output[member]);
    if (text !== undefined) headers[name] = text;
  }
  const meta = spec.metadata !== undefined ? output[spec.metadata] : undefined;
  if (meta && typeof meta === 'object') for (const [name, value] of Object.entries(meta)) headers[`x-amz-meta-${name}`] = String(value);
  const payload = spec.payload;
  let body = '';
  if (payload && 'text' in payload) body = headerText(output[payload.member]) ?? '';
  else if (payload) {
    body = `<?xml version="1.0" encoding="UTF-8"?>\n${writeXml(payload.root, payload.member !== undefined ? output[payload.member] : output, payload.shape, ` xmlns="${escapeXml(api.xmlns)}"`)}`;
    headers['content-type'] = 'application/xml';
  }
  // HEAD answers carry the headers of the GET and no body.
  if (api.routes[call.action]?.method === 'HEAD') body = '';
  return { status: spec.status ?? 200, headers, body };
}

/** S3's `<Error>` document; a missing bucket or key is named in it, as S3 names them. */
function writeError(api: RestXmlApi, error: AwsError, requestId: string): WireResponse {
  const renamed = Object.hasOwn(api.errors, error.code) ? api.errors[error.code] : undefined;
  const code = renamed?.code ?? error.code;
  const status = renamed?.status ?? error.httpStatus;
  const message = renamed?.message ?? error.message;
  const named = error as AwsError & { bucketName?: string; key?: string };
  const extra = (named.bucketName !== undefined ? `<BucketName>${escapeXml(named.bucketName)}</BucketName>` : '') + (named.key !== undefined ? `<Key>${escapeXml(named.key)}</Key>` : '');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>${extra}<RequestId>${escapeXml(requestId)}</RequestId><HostId>${escapeXml(requestId)}</HostId></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body };
}

/** The REST-XML protocol for an API's routes and bindings. */
export function restXmlProtocol(api: RestXmlApi): WireProtocol {
  return {
    // S3 is the only service signed for `s3`: every request signed for it is REST-XML.
    accepts: () => true,
    // REST requests name no API version: the one the service speaks.
    read: (request: WireRequest, service: WireService) => readCall(api, request, service.version),
    decode: decodeRestInput,
    success: (call, output, _service, requestId) => writeResponse(api, call, output, requestId),
    failure: (error, _service, requestId) => writeError(api, error, requestId),
  };
}
