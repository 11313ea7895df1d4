import type {
  AttemptListResponse,
  AttemptResponse,
  AccountConsoleResponse,
  AwsCredentialsResponse,
  CatalogueResponse,
  EndpointBody,
  ErrorBody,
  ExamItemAnswer,
  ExamListResponse,
  ExamResultResponse,
  ExamSessionResponse,
  ExamSubmitResponse,
  Finding,
  HintResponse,
  LabResponse,
  LtiPlatformListResponse,
  LtiPlatformResponse,
  MisconceptionsResponse,
  PlatformBody,
  ProgressResponse,
  SavedAnswerResponse,
  SignInBody,
  SignUpBody,
  SubmissionBody,
  SubmissionResponse,
  UserResponse,
  WebhookCreatedResponse,
  WebhookDeliveriesResponse,
  WebhookListResponse,
} from '@skylab/validation';
import { courseCalls } from './courses-client.ts';

// Each call's request and answer types are the API's own (`@skylab/validation`, src/api; docs/api.md), inferred
// from the schemas it validates with and answers through: a change there fails this file's typecheck.

/**
 * Every failed call becomes one of these, so pages only ever deal with `code`, a readable `message`
 * and optional findings — whether the server answered with its JSON error body, with something else
 * (a proxy page, a crash) or not at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly findings: Finding[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code: string; message: string; findings?: Finding[]; requestId?: string; retryAfterSeconds?: number }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.findings = init.findings ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null
    && typeof (error as { code?: unknown }).code === 'string'
    && typeof (error as { message?: unknown }).message === 'string';
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx response into an ApiError, trusting the body only when it has the documented shape. */
async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const retryAfterSeconds = retryAfter(response);
  if (isErrorBody(body)) {
    const { code, message, findings, requestId } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      findings: Array.isArray(findings) ? findings : [],
      ...(requestId === undefined ? {} : { requestId }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status >= 500 ? 'server_error' : 'http_error',
    message: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init)) {
  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    // A POST always carries a JSON object, even an empty one, so the API never has to guess at an empty body.
    const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? (payload ?? {}) : undefined;
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        // Same-origin only: the session cookie must never travel to another site, and the API checks Origin.
        credentials: 'same-origin',
        headers: { ...extraHeaders, ...(body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError({ status: 0, code: 'network_error', message: 'could not reach the server; check your connection and try again' });
    }
    if (!response.ok) throw await errorFromResponse(response);
    return (await readJson(response)) as T;
  }

  return {
    me: () => call<UserResponse>('GET', '/api/me').then((r) => r.user),
    signUp: (input: SignUpBody) => call<UserResponse>('POST', '/api/auth/sign-up', input).then((r) => r.user),
    signIn: (input: SignInBody) => call<UserResponse>('POST', '/api/auth/sign-in', input).then((r) => r.user),
    signOut: () => call<void>('POST', '/api/auth/sign-out'),
    labs: () => call<CatalogueResponse>('GET', '/api/labs').then((r) => r.labs),
    catalogue: () => call<CatalogueResponse>('GET', '/api/labs'),
    lab: (id: string) => call<LabResponse>('GET', `/api/labs/${encodeURIComponent(id)}`).then((r) => r.lab),
    misconceptions: () => call<MisconceptionsResponse>('GET', '/api/misconceptions').then((r) => r.misconceptions),
    progress: () => call<ProgressResponse>('GET', '/api/me/progress'),
    labAttempts: (labId: string) => call<AttemptListResponse>('GET', `/api/labs/${encodeURIComponent(labId)}/attempts`).then((r) => r.attempts),
    startAttempt: (labId: string) => call<AttemptResponse>('POST', `/api/labs/${encodeURIComponent(labId)}/attempts`).then((r) => r.attempt),
    attempt: (id: string) => call<AttemptResponse>('GET', `/api/attempts/${encodeURIComponent(id)}`).then((r) => r.attempt),
    submit: (attemptId: string, version: number, answers: Record<string, string>) =>
      call<SubmissionResponse>('POST', `/api/attempts/${encodeURIComponent(attemptId)}/submissions`, { version, answers } satisfies SubmissionBody),
    revealHint: (attemptId: string, index: number) => call<HintResponse>('POST', `/api/attempts/${encodeURIComponent(attemptId)}/hints/${index}`),
    resetAccount: (attemptId: string, version: number) =>
      call<AttemptResponse>('POST', `/api/attempts/${encodeURIComponent(attemptId)}/account/reset`, { version }).then((r) => r.attempt),
    exams: () => call<ExamListResponse>('GET', '/api/exams').then((r) => r.exams),
    startExam: (examId: string) => call<ExamSessionResponse>('POST', `/api/exams/${encodeURIComponent(examId)}/sessions`).then((r) => r.session),
    examSession: (id: string) => call<ExamSessionResponse>('GET', `/api/exam-sessions/${encodeURIComponent(id)}`).then((r) => r.session),
    /** Autosave: `version` is the item's last saved version (0 for none); 409 when another save got there first. */
    saveExamAnswer: (sessionId: string, itemId: string, version: number, value: ExamItemAnswer) =>
      call<SavedAnswerResponse>('PUT', `/api/exam-sessions/${encodeURIComponent(sessionId)}/answers/${encodeURIComponent(itemId)}`, value, { 'If-Match': `"${version}"` }).then((r) => r.answer),
    submitExam: (sessionId: string) => call<ExamSubmitResponse>('POST', `/api/exam-sessions/${encodeURIComponent(sessionId)}/submit`),
    examResult: (sessionId: string) => call<ExamResultResponse>('GET', `/api/exam-sessions/${encodeURIComponent(sessionId)}/result`).then((r) => r.result),
    /** The attempt's live account, read-only; the browser revalidates it with its ETag (the version). */
    attemptAccount: (attemptId: string) => call<AccountConsoleResponse>('GET', `/api/attempts/${encodeURIComponent(attemptId)}/account`),
    awsCredentials: (attemptId: string) => call<AwsCredentialsResponse>('GET', `/api/attempts/${encodeURIComponent(attemptId)}/aws-credentials`).then((r) => r.credentials),
    ...courseCalls(call),
    ltiPlatforms: () => call<LtiPlatformListResponse>('GET', '/api/lti/platforms'),
    registerLtiPlatform: (input: PlatformBody) => call<LtiPlatformResponse>('POST', '/api/lti/platforms', input).then((r) => r.platform),
    removeLtiPlatform: (id: string) => call<void>('DELETE', `/api/lti/platforms/${encodeURIComponent(id)}`),
    webhooks: () => call<WebhookListResponse>('GET', '/api/webhooks').then((r) => r.endpoints),
    registerWebhook: (input: EndpointBody) => call<WebhookCreatedResponse>('POST', '/api/webhooks', input),
    removeWebhook: (id: string) => call<void>('DELETE', `/api/webhooks/${encodeURIComponent(id)}`),
    webhookDeliveries: (id: string) => call<WebhookDeliveriesResponse>('GET', `/api/webhooks/${encodeURIComponent(id)}/deliveries`).then((r) => r.deliveries),
  };
}

export const api = createApiClient();
