import {
  API_TOKEN_SCOPES,
  assignmentBody,
  assignmentPatchBody,
  assignmentResponse,
  attemptListResponse,
  attemptResponse,
  accountConsoleResponse,
  awsCredentialsResponse,
  catalogueResponse,
  courseBody,
  courseDetailResponse,
  courseListResponse,
  coursePatchBody,
  courseLabBody,
  courseLabListResponse,
  courseLabResponse,
  courseResponse,
  errorResponse,
  examExtensionResponse,
  examItemAnswerSchema,
  examListResponse,
  examResultResponse,
  examSessionListResponse,
  examSessionResponse,
  examSubmitResponse,
  findingsResponse,
  gradebookView,
  hintResponse,
  labAnalyticsResponse,
  labPreviewBody,
  labPreviewResponse,
  labResponse,
  learnerAssignmentsResponse,
  learnerHistoryResponse,
  memberBody,
  memberListResponse,
  memberResponse,
  misconceptionsResponse,
  passwordChangeBody,
  progressResponse,
  regradeResponse,
  savedAnswerResponse,
  signInBody,
  signUpBody,
  startAttemptBody,
  submissionBody,
  submissionResponse,
  tokenBody,
  tokenCreatedResponse,
  tokenListResponse,
  userResponse,
  versionBody,
  voidItemResponse,
} from '@skylab/validation';
import { z } from 'zod';
import { LMS_OPERATIONS } from './lms-operations.ts';
import type { Access, Operation } from './operation.ts';
import { extensionBody, regradeBody, voidBody } from './routes/exams.ts';
import { validateBody } from './routes/validate.ts';

/** A JSON Schema document (`GET /api/schemas/:kind`) or this OpenAPI document: open-ended by nature. */
const jsonDocument = z.record(z.string(), z.unknown());

/**
 * Every `/api` operation, keyed `METHOD path` as Hono names its routes, with the very zod schemas the
 * route validates its body with and builds its answer through; `test/openapi.test.ts` fails when a mounted route has no entry here.
 */
export const OPERATIONS: Record<string, Operation> = {
  'POST /api/auth/sign-up': { tag: 'auth', summary: 'create an account and sign in', access: 'public', body: signUpBody, response: userResponse, status: 201 },
  'POST /api/auth/sign-in': { tag: 'auth', summary: 'sign in', access: 'public', body: signInBody, response: userResponse },
  'POST /api/auth/sign-out': { tag: 'auth', summary: 'end the session', access: 'public', status: 204 },
  'GET /api/me': { tag: 'me', summary: 'the signed-in user', access: 'session', response: userResponse },
  'POST /api/me/password': { tag: 'me', summary: 'change the password', access: 'session', body: passwordChangeBody, response: userResponse },
  'GET /api/me/progress': { tag: 'me', summary: 'progress per lab attempted', access: 'session', response: progressResponse },
  'GET /api/me/assignments': { tag: 'me', summary: "what is due in the learner's courses", access: 'session', response: learnerAssignmentsResponse },
  'GET /api/labs': { tag: 'labs', summary: 'the lab catalogue', access: 'public', response: catalogueResponse },
  'GET /api/labs/:id': { tag: 'labs', summary: 'one lab', access: 'public', response: labResponse },
  'GET /api/labs/:id/attempts': { tag: 'labs', summary: "the caller's attempts at a lab", access: 'session', response: attemptListResponse },
  'POST /api/labs/:id/attempts': { tag: 'labs', summary: 'start an attempt, for practice or for an assignment', access: 'session', body: startAttemptBody, optionalBody: true, response: attemptResponse, status: 201 },
  'GET /api/attempts/:id': { tag: 'attempts', summary: 'one of your attempts', access: 'session', response: attemptResponse },
  'POST /api/attempts/:id/hints/:index': { tag: 'attempts', summary: 'reveal a hint', access: 'session', response: hintResponse },
  'POST /api/attempts/:id/submissions': { tag: 'attempts', summary: 'submit answers for grading', access: 'session', body: submissionBody, response: submissionResponse, status: 201 },
  'GET /api/attempts/:id/aws-credentials': { tag: 'attempts', summary: "the attempt's AWS root credentials", access: 'session', response: awsCredentialsResponse },
  'GET /api/attempts/:id/account': { tag: 'attempts', summary: "the attempt's live AWS account, read-only (ETag: its version)", access: 'session', response: accountConsoleResponse },
  'POST /api/attempts/:id/account/reset': { tag: 'attempts', summary: "reset the attempt's AWS account", access: 'session', body: versionBody, response: attemptResponse },
  'POST /api/attempts/:id/close': { tag: 'attempts', summary: 'close the attempt', access: 'session', response: attemptResponse },
  'POST /api/validate': { tag: 'validate', summary: 'lint an artifact', access: 'session', body: validateBody, response: findingsResponse },
  'GET /api/misconceptions': { tag: 'labs', summary: 'the misconception catalogue', access: 'public', response: misconceptionsResponse },
  'GET /api/schemas/:kind': { tag: 'validate', summary: "an artifact kind's JSON Schema", access: 'public', response: jsonDocument },
  'GET /api/courses': { tag: 'courses', summary: "the caller's courses (every course for admins)", access: 'courses:read', response: courseListResponse },
  'POST /api/courses': { tag: 'courses', summary: 'create a course', access: 'courses:write', body: courseBody, response: courseResponse, status: 201 },
  'GET /api/courses/:courseId': { tag: 'courses', summary: 'a course and its assignments', access: 'courses:read', response: courseDetailResponse },
  'PATCH /api/courses/:courseId': { tag: 'courses', summary: 'edit a course', access: 'courses:write', body: coursePatchBody, response: courseResponse },
  'DELETE /api/courses/:courseId': { tag: 'courses', summary: 'delete a course', access: 'courses:write', status: 204 },
  'GET /api/courses/:courseId/members': { tag: 'courses', summary: "a course's members", access: 'courses:read', response: memberListResponse },
  'POST /api/courses/:courseId/members': { tag: 'courses', summary: 'enrol a user by email', access: 'enrollments:write', body: memberBody, response: memberResponse, status: 201 },
  'DELETE /api/courses/:courseId/members/:email': { tag: 'courses', summary: 'unenrol a user by email', access: 'enrollments:write', status: 204 },
  'POST /api/courses/:courseId/assignments': { tag: 'courses', summary: 'assign a lab or an exam', access: 'courses:write', body: assignmentBody, response: assignmentResponse, status: 201 },
  'PATCH /api/courses/:courseId/assignments/:assignmentId': { tag: 'courses', summary: 'edit an assignment', access: 'courses:write', body: assignmentPatchBody, response: assignmentResponse },
  'DELETE /api/courses/:courseId/assignments/:assignmentId': { tag: 'courses', summary: 'delete an assignment', access: 'courses:write', status: 204 },
  'GET /api/courses/:courseId/labs': { tag: 'courses', summary: 'the labs published to a course (its members)', access: 'courses:read', response: courseLabListResponse },
  'POST /api/courses/:courseId/labs': { tag: 'courses', summary: 'publish a lab text to a course: validated and self-tested again, then served to its members', access: 'courses:write', body: courseLabBody, response: courseLabResponse, status: 201 },
  'GET /api/courses/:courseId/gradebook': { tag: 'grades', summary: 'learners × assignments', access: 'grades:read', response: gradebookView },
  'GET /api/courses/:courseId/gradebook.csv': { tag: 'grades', summary: 'the gradebook as CSV', access: 'grades:read', produces: 'text/csv' },
  'GET /api/courses/:courseId/learners/:userId/attempts': { tag: 'grades', summary: "a learner's attempts with every submission and grade", access: 'grades:read', response: learnerHistoryResponse },
  'GET /api/courses/:courseId/analytics/:labId': { tag: 'grades', summary: 'which checks and misconceptions fail most in a lab', access: 'grades:read', response: labAnalyticsResponse },
  'GET /api/tokens': { tag: 'tokens', summary: 'your API tokens', access: 'session', response: tokenListResponse },
  'POST /api/tokens': { tag: 'tokens', summary: 'create an API token (shown once)', access: 'session', body: tokenBody, response: tokenCreatedResponse, status: 201 },
  'DELETE /api/tokens/:tokenId': { tag: 'tokens', summary: 'revoke an API token', access: 'session', status: 204 },
  'POST /api/lab-preview': { tag: 'labs', summary: "a lab text's findings, rendering and self-test; nothing stored", access: 'session', body: labPreviewBody, response: labPreviewResponse },
  'GET /api/openapi.json': { tag: 'meta', summary: 'this document', access: 'public', response: jsonDocument },
  'GET /api/exams': { tag: 'exams', summary: 'every exam with its settings, availability and your sessions', access: 'session', response: examListResponse },
  'POST /api/exams/:id/sessions': { tag: 'exams', summary: 'start an exam session: your frozen paper', access: 'session', response: examSessionResponse, status: 201 },
  'GET /api/exams/:id/sessions': { tag: 'exams', summary: "an exam's sessions (instructors and admins)", access: 'session', response: examSessionListResponse },
  'POST /api/exams/:id/void-items': { tag: 'exams', summary: 'void an item for everyone and regrade', access: 'session', body: voidBody, response: voidItemResponse },
  'POST /api/exams/:id/regrade': { tag: 'exams', summary: 'regrade every closed session, recording what changed', access: 'session', body: regradeBody, response: regradeResponse },
  'GET /api/exam-sessions/:id': { tag: 'exams', summary: 'your exam session: paper, answers, deadline', access: 'session', response: examSessionResponse },
  'PUT /api/exam-sessions/:id/answers/:itemId': { tag: 'exams', summary: 'autosave one answer (If-Match: its version)', access: 'session', body: examItemAnswerSchema, response: savedAnswerResponse },
  'POST /api/exam-sessions/:id/submit': { tag: 'exams', summary: 'submit and grade the session', access: 'session', response: examSubmitResponse },
  'GET /api/exam-sessions/:id/result': { tag: 'exams', summary: 'the result, once released', access: 'session', response: examResultResponse },
  'POST /api/exam-sessions/:id/extensions': { tag: 'exams', summary: 'extend one session (instructors and admins)', access: 'session', body: extensionBody, response: examExtensionResponse },
  ...LMS_OPERATIONS,
};

/** The schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): what a client may send (`input`) or is answered (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // An answer must be fully described: a part JSON Schema cannot say is an error here, never a silent `{}`.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: io === 'input' ? 'any' : 'throw' });
  return rest;
}

function security(access: Access): Record<string, string[]>[] | undefined {
  if (access === 'public') return [];
  if (access === 'session') return [{ session: [] }];
  return [{ session: [] }, { bearer: [access] }];
}

const ERROR = { description: 'an error (docs/api.md)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/** The success answer, the redirect if any, and the error body for every 4xx and 5xx. */
function responses(op: Operation): Record<string, unknown> {
  const status = op.status ?? 200;
  const success = op.response
    ? { description: 'success', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
    : op.produces
      ? { description: 'success', content: { [op.produces]: { schema: { type: 'string' } } } }
      : status === 204
        ? { description: 'done' }
        : undefined;
  return {
    ...(success ? { [status]: success } : {}),
    ...(op.redirect ? { [op.redirect]: { description: 'a redirect', headers: { Location: { required: true, schema: { type: 'string' } } } } } : {}),
    '4XX': ERROR,
    '5XX': ERROR,
  };
}

function operation(key: string, op: Operation) {
  const [method = '', path = ''] = key.split(' ');
  const parameters = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return {
    operationId: `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: op.optionalBody !== true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    security: security(op.access),
    responses: responses(op),
  };
}

/** The OpenAPI 3.1 document of the JSON API (the `/aws` endpoint speaks AWS's own protocols and is not in it). */
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
      schemas: { Error: jsonSchema(errorResponse, 'output') },
    },
    paths,
  };
}
