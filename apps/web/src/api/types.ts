import type { WebhookEvent } from '@skylab/validation';

// The API's request and answer types, inferred (`z.infer`) from the schemas the API validates with and builds its
// answers through (`@skylab/validation`, src/api), under the names the pages use: nothing here is kept by hand.
// Types only: zod stays out of the web bundle.

export type {
  AccountConsoleResponse as AccountSnapshot,
  AccountDriftView as AccountDrift,
  AccountView,
  AlarmView,
  AttachedPolicyView,
  AutoScalingGroupView,
  BucketView,
  IamView,
  InlinePolicyView,
  LoadBalancerView,
  SecurityGroupView,
  SubnetView,
  TargetGroupView,
  VpcView,
  AlbRuleWalkVisual,
  AsgTimelineVisual,
  AttemptSummaryView as AttemptSummary,
  AttemptView as Attempt,
  AwsCredentials,
  CheckResult,
  CheckVisual,
  EndpointBody,
  ErrorBody,
  ExposureCell,
  ExposureMatrixVisual,
  Finding,
  GradeView as Grade,
  HintView,
  IamDecisionVisual,
  LabProgress,
  LabSummary,
  LabView,
  LtiPlatformView as LtiPlatform,
  LtiToolUrls,
  Misconception,
  NetworkHop,
  NetworkPathVisual,
  PlatformBody as NewLtiPlatform,
  RevealedHint,
  SubmissionView as Submission,
  TaskView,
  TrackProgress,
  TrackView as Track,
  User,
  WebhookDeliveryView as WebhookDelivery,
  WebhookEndpointView as WebhookEndpoint,
  WebhookEvent,
  WithheldCheck,
} from '@skylab/validation';

/** Every webhook event, in the order the panel lists them; the compiler holds the keys to the API's `WEBHOOK_EVENTS`. */
export const WEBHOOK_EVENTS = Object.keys({ 'attempt.completed': true, 'grade.changed': true, 'exam.submitted': true } satisfies Record<WebhookEvent, true>) as WebhookEvent[];
