import { z } from 'zod';
import { openApiDocument } from '../../src/openapi.ts';

// Every answer the API tests receive is checked against the OpenAPI document the app serves: the status must be
// one its operation documents, and a JSON body must match the schema documented for that status. The schemas
// are read back from the document's JSON Schema (`z.fromJSONSchema`), so what is checked is what is published.

interface DocumentedResponse {
  content?: Record<string, { schema: Record<string, unknown> }>;
}

interface DocumentedOperation {
  /** `METHOD /api/path/:param`, as `OPERATIONS` keys it. */
  key: string;
  method: string;
  pattern: RegExp;
  responses: Record<string, DocumentedResponse>;
}

let operations: DocumentedOperation[] | undefined;
let errorResponse: DocumentedResponse | undefined;
const validators = new Map<Record<string, unknown>, z.ZodType>();

function documented(): DocumentedOperation[] {
  if (operations) return operations;
  const doc = openApiDocument();
  const error = doc.components.schemas.Error;
  // The one `$ref` of the document: every 4XX and 5XX answer is the shared error body.
  const resolve = (response: DocumentedResponse): DocumentedResponse => ({
    ...response,
    ...(response.content ? { content: Object.fromEntries(Object.entries(response.content).map(([media, { schema }]) => [media, { schema: '$ref' in schema ? error : schema }])) } : {}),
  });
  errorResponse = { content: { 'application/json': { schema: error } } };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, { responses: Record<string, DocumentedResponse> }>).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      responses: Object.fromEntries(Object.entries(op.responses).map(([status, response]) => [status, resolve(response)])),
    })),
  );
  return operations;
}

function validator(schema: Record<string, unknown>): z.ZodType {
  let found = validators.get(schema);
  if (!found) {
    found = z.fromJSONSchema(schema);
    validators.set(schema, found);
  }
  return found;
}

/** `METHOD path status` of every answer checked in this test file, for the coverage test. */
export const answered = new Set<string>();

/** Throws when the answer is not one the OpenAPI document describes for the request's operation. */
export async function checkDocumented(method: string, url: string, response: Response): Promise<void> {
  const { pathname } = new URL(url, 'http://localhost');
  if (!pathname.startsWith('/api/') || method === 'HEAD' || method === 'OPTIONS') return;
  const operation = documented().find((op) => op.method === method && op.pattern.test(pathname));
  const key = operation?.key ?? `${method} ${pathname} (no operation)`;
  const status = String(response.status);
  // A request no operation takes is answered an error, like any other refusal.
  const spec = operation ? (operation.responses[status] ?? operation.responses[`${status[0]}XX`]) : response.status >= 400 ? errorResponse : undefined;
  if (!spec) throw new Error(`${key} answered ${status}, a status the OpenAPI document does not give it`);
  const text = await response.clone().text();
  if (!spec.content) {
    if (text !== '') throw new Error(`${key} answered ${status} with a body, where the OpenAPI document gives none`);
  } else {
    const media = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    const entry = spec.content[media];
    if (!entry) throw new Error(`${key} answered ${status} as \`${media}\`, not as ${Object.keys(spec.content).join(' or ')}`);
    if (media === 'application/json') {
      const result = validator(entry.schema).safeParse(JSON.parse(text));
      if (!result.success) throw new Error(`${key} answered ${status} with a body its documented schema refuses:\n${z.prettifyError(result.error)}`);
    }
  }
  answered.add(`${key} ${status}`);
}

/** A fetch over the app that checks every answer against the document (see `checkDocumented`). */
export function documentedFetch(fetch: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  return async (url: string, init?: RequestInit): Promise<Response> => {
    const response = await fetch(url, init);
    await checkDocumented(init?.method?.toUpperCase() ?? 'GET', url, response);
    return response;
  };
}
