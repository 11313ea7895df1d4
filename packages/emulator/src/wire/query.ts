import type { AwsError } from '../errors.ts';
import { MalformedQueryString, MissingAction } from './errors.ts';
import { escapeXml, xmlFields } from './xml.ts';

// The AWS Query protocol: form-encoded `Action`, `Version` and flattened parameters in, XML out
// (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html). Lists are `Name.member.N`, maps
// `Name.entry.N.key` / `Name.entry.N.value`; EC2's dialect writes lists as `Name.N`, read here too.

/** Our limits on a Query request: beyond them a request fails with `MalformedQueryString`, never a crash. */
export const QUERY_LIMITS = {
  /** Parameters in one request (EC2's largest requests stay far below). */
  maxParams: 1000,
  /** Dot-separated segments in one parameter name (`A.member.1.B.member.2.C` is 6). */
  maxDepth: 12,
  /** The largest list index (`member.N`, `entry.N`, EC2's `Name.N`). */
  maxIndex: 1000,
  /** Characters in one parameter name. */
  maxNameLength: 256,
} as const;

/** A parsed parameter: text, a list (from `member.N`/`.N`) or a structure / map. */
export type QueryValue = string | QueryValue[] | { [name: string]: QueryValue };

/** A Query request: the action, the API version it names, and its other parameters nested in AWS's shapes. */
export interface QueryRequest {
  action: string;
  version?: string;
  params: Record<string, QueryValue>;
}

interface Node {
  value?: string;
  children: Map<string, Node>;
}

const SEGMENT = /^[A-Za-z0-9_]+$/;
const INDEX = /^[1-9]\d{0,8}$/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new MalformedQueryString(`\`${text.slice(0, 64)}\` is not valid percent-encoding`);
  }
}

/** `name=value` pairs of a query string or `application/x-www-form-urlencoded` body, decoded. */
export function formPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push([decode(eq < 0 ? part : part.slice(0, eq)), decode(eq < 0 ? '' : part.slice(eq + 1))]);
  }
  return pairs;
}

function insert(root: Node, name: string, value: string): void {
  if (name.length > QUERY_LIMITS.maxNameLength) throw new MalformedQueryString(`the parameter name \`${name.slice(0, 64)}…\` is longer than ${QUERY_LIMITS.maxNameLength} characters`);
  const segments = name.split('.');
  if (segments.length > QUERY_LIMITS.maxDepth) throw new MalformedQueryString(`the parameter \`${name}\` is nested deeper than ${QUERY_LIMITS.maxDepth} levels`);
  let node = root;
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) throw new MalformedQueryString(`\`${name}\` is not a valid parameter name`);
    let child = node.children.get(segment);
    if (!child) {
      child = { children: new Map() };
      node.children.set(segment, child);
    }
    node = child;
  }
  if (node.value !== undefined) throw new MalformedQueryString(`the parameter \`${name}\` is given more than once`);
  node.value = value;
}

function indexOf(name: string, path: string): number {
  if (!INDEX.test(name) || Number(name) > QUERY_LIMITS.maxIndex) {
    throw new MalformedQueryString(`\`${path}.${name}\`: list positions are whole numbers from 1 to ${QUERY_LIMITS.maxIndex}`);
  }
  return Number(name);
}

function list(node: Node, path: string): QueryValue[] {
  if (node.value !== undefined) throw new MalformedQueryString(`\`${path}\` is given both as a value and as a list`);
  return [...node.children.entries()]
    .map(([name, child]) => [indexOf(name, path), toValue(child, `${path}.${name}`)] as const)
    .sort(([a], [b]) => a - b)
    .map(([, value]) => value);
}

function map(node: Node, path: string): Record<string, QueryValue> {
  const entries = list(node, path).map((entry, i) => {
    if (typeof entry !== 'object' || Array.isArray(entry) || typeof entry.key !== 'string' || entry.value === undefined) {
      throw new MalformedQueryString(`\`${path}\` entry ${i + 1} needs a \`key\` and a \`value\``);
    }
    return [entry.key, entry.value] as const;
  });
  return Object.fromEntries(entries);
}

function toValue(node: Node, path: string): QueryValue {
  if (node.children.size === 0) return node.value ?? '';
  if (node.value !== undefined) throw new MalformedQueryString(`\`${path}\` is given both as a value and as a structure`);
  const names = [...node.children.keys()];
  if (names.length === 1 && names[0] === 'member') return list(node.children.get('member')!, `${path}.member`);
  if (names.length === 1 && names[0] === 'entry') return map(node.children.get('entry')!, `${path}.entry`);
  if (names.every((name) => /^\d+$/.test(name))) return list(node, path);
  // Object.fromEntries defines own properties, so a parameter named `__proto__` cannot reach a prototype.
  return Object.fromEntries([...node.children.entries()].map(([name, child]) => [name, toValue(child, path ? `${path}.${name}` : name)]));
}

/**
 * Reads a Query request from its decoded `name=value` pairs (query string and form body together).
 * Throws `MissingAction` without an `Action`, `MalformedQueryString` for anything that breaks the
 * protocol's shape or our limits.
 */
export function parseQueryRequest(pairs: [string, string][]): QueryRequest {
  const counted = pairs.filter(([name]) => name !== 'Action' && name !== 'Version').length;
  if (counted > QUERY_LIMITS.maxParams) throw new MalformedQueryString(`the request has more than ${QUERY_LIMITS.maxParams} parameters`);
  const root: Node = { children: new Map() };
  for (const [name, value] of pairs) insert(root, name, value);
  const action = root.children.get('Action');
  const version = root.children.get('Version');
  root.children.delete('Action');
  root.children.delete('Version');
  if (action?.value === undefined || action.children.size > 0 || action.value === '') throw new MissingAction();
  if (version && (version.value === undefined || version.children.size > 0)) throw new MalformedQueryString('`Version` must be a single value');
  const params = root.children.size === 0 ? {} : (toValue(root, '') as Record<string, QueryValue>);
  return { action: action.value, ...(version?.value !== undefined ? { version: version.value } : {}), params };
}

/** Where a Query service's responses live: its XML namespace and a request id for `ResponseMetadata`. */
export interface QueryEnvelope {
  xmlns: string;
  requestId: string;
}

/**
 * `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>…` — the SDK reads output only
 * inside the `Result` wrapper; an action with no output has no wrapper, as AWS sends it.
 */
export function queryResponseXml(action: string, result: Record<string, unknown>, envelope: QueryEnvelope): string {
  const fields = xmlFields(result, { itemName: 'member' });
  const body = fields === '' ? '' : `<${action}Result>${fields}</${action}Result>`;
  return (
    `<${action}Response xmlns="${escapeXml(envelope.xmlns)}">${body}` +
    `<ResponseMetadata><RequestId>${escapeXml(envelope.requestId)}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** `<ErrorResponse>` with `Type` (`Sender` for 4xx, `Receiver` for 5xx), `Code`, `Message` and the request id. */
export function queryErrorXml(error: Pick<AwsError, 'code' | 'message' | 'httpStatus'>, requestId: string, xmlns?: string): string {
  const type = error.httpStatus >= 500 ? 'Receiver' : 'Sender';
  const ns = xmlns ? ` xmlns="${escapeXml(xmlns)}"` : '';
  return (
    `<ErrorResponse${ns}><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
