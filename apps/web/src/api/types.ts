import type { CheckResult, Grade as EngineGrade, LabView, RevealedHint, Visibility } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';

export type { AlbRuleWalkVisual, AsgTimelineVisual, CheckResult, CheckVisual, ExposureCell, ExposureMatrixVisual, HintView, IamDecisionVisual, LabSummary, LabView, NetworkHop, NetworkPathVisual, RevealedHint, TaskView } from '@skylab/lab-engine';
export type { Finding, Misconception } from '@skylab/validation';

/** A check whose feedback is not released yet (docs/api.md): what it is worth, never how it went. */
export interface WithheldCheck {
  id: string;
  title: string;
  maxPoints: number;
  visibility: Visibility;
  withheld: true;
  notice: string;
}

/** A grade as the API shows it: withheld checks as placeholders, and always what revealed hints cost. */
export interface Grade extends Omit<EngineGrade, 'checks' | 'hintPenalty' | 'revealedHints'> {
  checks: (CheckResult | WithheldCheck)[];
  hintPenalty: number;
  revealedHints: RevealedHint[];
}

/** The signed-in account as `GET /api/me` describes it. */
export interface User {
  id: string;
  email: string;
  /** Empty when the learner gave no name at sign-up. */
  name: string;
  role: 'learner' | 'instructor' | 'admin';
}

export interface Submission {
  id: string;
  createdAt: string;
  answers: Record<string, string>;
  grade: Grade;
  findings: Finding[];
}

/** An attempt as `GET /api/labs/:id/attempts` lists it. */
export interface AttemptSummary {
  id: string;
  labId: string;
  version: number;
  status: 'in-progress' | 'completed';
  bestScore: number | null;
  createdAt: string;
  updatedAt: string;
  submissionCount: number;
  /** When the learner closed the attempt; null while it takes submissions. */
  closedAt: string | null;
  /** The course assignment it was started for; null for practice. */
  assignmentId: string | null;
}

/** How the attempt's live AWS account differs from what it should be (it never affects a grade). */
export interface AccountDrift {
  message: string;
  changes: { kind: 'created' | 'deleted' | 'changed'; path: string[]; message: string }[];
}

export interface Attempt extends AttemptSummary {
  /** Rendered with this attempt's params; `null` once the lab has been withdrawn from the server. */
  lab: LabView | null;
  /** Oldest first, as the API sends them. */
  submissions: Submission[];
  /** The lab's cap on submissions per attempt, if any. */
  maxSubmissions: number | null;
  /** `on-close`: which checks passed is shown only once the attempt is closed. */
  checkFeedback: 'immediately' | 'on-close';
  accountDrift: AccountDrift | null;
}

/** A catalogue track and how many published labs it has. */
export interface Track {
  id: string;
  title: string;
  labs: number;
}

/** The learner's labs completed in a track, out of its published labs. */
export interface TrackProgress extends Track {
  completed: number;
}

export interface LabProgress {
  labId: string;
  title: string;
  attempts: number;
  bestScore: number | null;
  completed: boolean;
  lastActivityAt: string | null;
  latestAttemptId?: string;
}

/** The documented error body: `{ error: { code, message, findings?, requestId? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; findings?: Finding[]; requestId?: string };
}

/** The root credentials of an attempt's emulated AWS account, as `GET /api/attempts/:id/aws-credentials` gives them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Absolute as documented; resolve it against the page in case a proxy hands back a path. */
  endpoint: string;
  accountId: string;
}

/** An LMS registered for LTI 1.3 launches (`GET /api/lti/platforms`). */
export interface LtiPlatform {
  id: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  createdAt: string;
}

export type NewLtiPlatform = Omit<LtiPlatform, 'id' | 'createdAt'>;

/** What an LMS admin enters to register Skylab as a tool. */
export interface LtiToolUrls {
  loginUrl: string;
  launchUrl: string;
  redirectUris: string[];
  jwksUrl: string;
  deepLinkingUrl: string;
}

export const WEBHOOK_EVENTS = ['attempt.completed', 'grade.changed', 'exam.submitted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  event: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  tries: number;
  createdAt: string;
  deliveredAt: string | null;
  nextTryAt: string | null;
  attempts: { at: string; responseStatus: number | null; error: string | null; durationMs: number }[];
}
