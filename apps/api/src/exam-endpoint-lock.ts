import { findActiveExamSession, type AttemptRow } from '@skylab/db';
import type { AppDeps } from './deps.ts';
import { sessionPaper } from './exam-sessions.ts';

// An exam with `awsEndpoint: closed` shuts its learner's lab attempt endpoints while it runs: otherwise a
// practice attempt's IAM (SimulatePrincipalPolicy, GetUser …) is a sandbox to try the exam's answers in.

// SigV4 names the key in the Authorization header or, for a presigned request, in the query.
const HEADER_KEY = /Credential=([A-Z0-9]{16,128})\//;
const QUERY_KEY = /[?&]X-Amz-Credential=([A-Z0-9]{16,128})(?:%2F|\/)/i;

/** The access key id a SigV4 request presents, if any. */
export function presentedAccessKeyId(authorization: string | undefined, url: string): string | undefined {
  return HEADER_KEY.exec(authorization ?? '')?.[1] ?? QUERY_KEY.exec(url)?.[1];
}

/**
 * Whether the attempt's endpoint is closed now: its owner has an exam session running (before its
 * deadline) whose paper says `awsEndpoint: closed`. Asked only for a request made with the attempt's own
 * key, so nobody else learns that its owner is in an exam.
 */
export async function endpointClosedByExam(deps: AppDeps, attempt: AttemptRow, keyId: string | undefined): Promise<boolean> {
  if (keyId === undefined || keyId !== attempt.awsAccessKeyId) return false;
  const session = await findActiveExamSession(deps.db, attempt.userId);
  if (!session || session.deadline < deps.clock.now()) return false;
  return sessionPaper(session).settings.awsEndpoint === 'closed';
}
