import {
  API_TOKEN_SCOPES,
  examItemAnswerSchema,
  assignmentBody,
  assignmentPatchBody,
  courseBody,
  coursePatchBody,
  labPreviewBody,
  memberBody,
  startAttemptBody,
  tokenBody,
  type ApiTokenScope,
} from '@skylab/validation';
import { z } from 'zod';
import { submissionBody, versionBody } from './routes/attempts.ts';
import { signInBody, signUpBody } from './routes/auth.ts';
import { LMS_OPERATIONS } from './lms-operations.ts';
import { extensionBody, regradeBody, voidBody } from './routes/exams.ts';
import { passwordChangeBody } from './routes/me.ts';
import { validateBody } from './routes/validate.ts';

/** Who may call an operation: anyone, a browser session, or a session or a bearer token carrying the scope. */
type Access = 'public' | 'session' | ApiTokenScope;

interface Operation {
  tag: string;
  summary: string;
  access: Access;
  /** The schema the route validates its JSON body with. */
  body?: z.ZodType;
  /** The body may be left out (`POST /api/labs/:id/attempts`). */
  optionalBody?: boolean;
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 204;
  /** A body other than JSON. */
  produces?: string;
}

/**
 * Every `/api` operation, keyed `METHOD path` as Hono names its routes, with the very zod schema the
 * route validates its body with; `test/openapi.test.ts` fails when a mounted route has no entry here.
 */
export const OPERATIONS: Record<string, Operation> = {
  'POST /api/auth/sign-up': { tag: 'auth', summary: 'create an account and sign in', access: 'public', body: signUpBody, status: 201 },
  'POST /api/auth/sign-in': { tag: 'auth', summary: 'sign in', access: 'public', body: signInBody },
  'POST /api/auth/sign-out': { tag: 'auth', summary: 'end the session', access: 'public', status: 204 },
  'GET /api/me': { tag: 'me', summary: 'the signed-in user', access: 'session' },
  'POST /api/me/password': { tag: 'me', summary: 'change the password', access: 'session', body: passwordChangeBody },
  'GET /api/me/progress': { tag: 'me', summary: 'progress per lab attempted', access: 'session' },
  'GET /api/me/assignments': { tag: 'me', summary: "what is due in the learner's courses", access: 'session' },
  'GET /api/labs': { tag: 'labs', summary: 'the lab catalogue', access: 'public' },
  'GET /api/labs/:id': { tag: 'labs', summary: 'one lab', access: 'public' },
  'GET /api/labs/:id/attempts': { tag: 'labs', summary: "the caller's attempts at a lab", access: 'session' },
  'POST /api/labs/:id/attempts': { tag: 'labs', summary: 'start an attempt, for practice or for an assignment', access: 'session', body: startAttemptBody, optionalBody: true, status: 201 },
  'GET /api/attempts/:id': { tag: 'attempts', summary: 'one of your attempts', access: 'session' },
  'POST /api/attempts/:id/hints/:index': { tag: 'attempts', summary: 'reveal a hint', access: 'session' },
  'POST /api/attempts/:id/submissions': { tag: 'attempts', summary: 'submit answers for grading', access: 'session', body: submissionBody, status: 201 },
  'GET /api/attempts/:id/aws-credentials': { tag: 'attempts', summary: "the attempt's AWS root credentials", access: 'session' },
  'POST /api/attempts/:id/account/reset': { tag: 'attempts', summary: "reset the attempt's AWS account", access: 'session', body: versionBody },
  'POST /api/attempts/:id/close': { tag: 'attempts', summary: 'close the attempt', access: 'session' },
  'POST /api/validate': { tag: 'validate', summary: 'lint an artifact', access: 'session', body: validateBody },
  'GET /api/misconceptions': { tag: 'labs', summary: 'the misconception catalogue', access: 'public' },
  'GET /api/schemas/:kind': { tag: 'validate', summary: "an artifact kind's JSON Schema", access: 'public' },
  'GET /api/courses': { tag: 'courses', summary: "the caller's courses (every course for admins)", access: 'courses:read' },
  'POST /api/courses': { tag: 'courses', summary: 'create a course', access: 'courses:write', body: courseBody, status: 201 },
  'GET /api/courses/:courseId': { tag: 'courses', summary: 'a course and its assignments', access: 'courses:read' },
  'PATCH /api/courses/:courseId': { tag: 'courses', summary: 'edit a course', access: 'courses:write', body: coursePatchBody },
  'DELETE /api/courses/:courseId': { tag: 'courses', summary: 'delete a course', access: 'courses:write', status: 204 },
  'GET /api/courses/:courseId/members': { tag: 'courses', summary: "a course's members", access: 'courses:read' },
  'POST /api/courses/:courseId/members': { tag: 'courses', summary: 'enrol a user by email', access: 'enrollments:write', body: memberBody, status: 201 },
  'DELETE /api/courses/:courseId/members/:email': { tag: 'courses', summary: 'unenrol a user by email', access: 'enrollments:write', status: 204 },
  'POST /api/courses/:courseId/assignments': { tag: 'courses', summary: 'assign a lab or an exam', access: 'courses:write', body: assignmentBody, status: 201 },
  'PATCH /api/courses/:courseId/assignments/:assignmentId': { tag: 'courses', summary: 'edit an assignment', access: 'courses:write', body: assignmentPatchBody },
  'DELETE /api/courses/:courseId/assignments/:assignmentId': { tag: 'courses', summary: 'delete an assignment', access: 'courses:write', status: 204 },
  'GET /api/courses/:courseId/gradebook': { tag: 'grades', summary: 'learners × assignments', access: 'grades:read' },
  'GET /api/courses/:courseId/gradebook.csv': { tag: 'grades', summary: 'the gradebook as CSV', access: 'grades:read', produces: 'text/csv' },
  'GET /api/courses/:courseId/learners/:userId/attempts': { tag: 'grades', summary: "a learner's attempts with every submission and grade", access: 'grades:read' },
  'GET /api/courses/:courseId/analytics/:labId': { tag: 'grades', summary: 'which checks and misconceptions fail most in a lab', access: 'grades:read' },
  'GET /api/tokens': { tag: 'tokens', summary: 'your API tokens', access: 'session' },
  'POST /api/tokens': { tag: 'tokens', summary: 'create an API token (shown once)', access: 'session', body: tokenBody, status: 201 },
  'DELETE /api/tokens/:tokenId': { tag: 'tokens', summary: 'revoke an API token', access: 'session', status: 204 },
  'POST /api/lab-preview': { tag: 'labs', summary: "a lab text's findings, rendering and self-test; nothing stored", access: 'session', body: labPreviewBody },
  'GET /api/openapi.json': { tag: 'meta', summary: 'this document', access: 'public' },
  'GET /api/exams': { tag: 'exams', summary: 'every exam with its settings, availability and your sessions', access: 'session' },
  'POST /api/exams/:id/sessions': { tag: 'exams', summary: 'start an exam session: your frozen paper', access: 'session', status: 201 },
  'GET /api/exams/:id/sessions': { tag: 'exams', summary: "an exam's sessions (instructors and admins)", access: 'session' },
  'POST /api/exams/:id/void-items': { tag: 'exams', summary: 'void an item for everyone and regrade', access: 'session', body: voidBody },
  'POST /api/exams/:id/regrade': { tag: 'exams', summary: 'regrade every closed session, recording what changed', access: 'session', body: regradeBody },
  'GET /api/exam-sessions/:id': { tag: 'exams', summary: 'your exam session: paper, answers, deadline', access: 'session' },
  'PUT /api/exam-sessions/:id/answers/:itemId': { tag: 'exams', summary: 'autosave one answer (If-Match: its version)', access: 'session', body: examItemAnswerSchema },
  'POST /api/exam-sessions/:id/submit': { tag: 'exams', summary: 'submit and grade the session', access: 'session' },
  'GET /api/exam-sessions/:id/result': { tag: 'exams', summary: 'the result, once released', access: 'session' },
  'POST /api/exam-sessions/:id/extensions': { tag: 'exams', summary: 'extend one session (instructors and admins)', access: 'session', body: extensionBody },
  ...LMS_OPERATIONS,
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, findings: { type: 'array', items: { type: 'object' } }, requestId: { type: 'string' } },
    },
  },
};

/** The schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), describing what a client may send. */
function requestSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return rest;
}

function security(access: Access): Record<string, string[]>[] | undefined {
  if (access === 'public') return [];
  if (access === 'session') return [{ session: [] }];
  return [{ session: [] }, { bearer: [access] }];
}

function operation(key: string, op: Operation) {
  const [method = '', path = ''] = key.split(' ');
  const parameters = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const status = op.status ?? 200;
  const content = op.produces ? { [op.produces]: { schema: { type: 'string' } } } : { 'application/json': { schema: { type: 'object' } } };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: op.optionalBody !== true, content: { 'application/json': { schema: requestSchema(op.body) } } } } : {}),
    security: security(op.access),
    responses: {
      [status]: status === 204 ? { description: 'done' } : { description: 'success', content },
      default: { description: 'an error (docs/api.md)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
}

/** The OpenAPI 3.1 document of the JSON API (the `/aws` endpoint speaks AWS's XML protocol and is not in it). */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, op] of Object.entries(OPERATIONS)) {
    const [method = '', path = ''] = key.split(' ');
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [method.toLowerCase()]: operation(key, op) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Skylab API', version: '1', description: 'See docs/api.md. Browser clients use the session cookie; systems use `Authorization: Bearer skylab_…` on the operations whose scope their token carries.' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: '__Host-skylab_session' },
        bearer: { type: 'http', scheme: 'bearer', description: `an API token; scopes: ${API_TOKEN_SCOPES.join(', ')}` },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
