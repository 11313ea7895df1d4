import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Who may do what: learners take labs, instructors author and teach, admins run the platform. */
export const ROLES = ['learner', 'instructor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ATTEMPT_STATUSES = ['in-progress', 'completed'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

// Every timestamp is epoch milliseconds from the injected clock, never SQLite's own time.

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    // Stored lower-cased by the repository so the unique index catches `A@x.io` vs `a@x.io`.
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('learner'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/**
 * Sessions in the Lucia design: the cookie carries `id.secret`; only a SHA-256 of the secret is kept,
 * so a leaked table cannot be replayed as cookies.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    // Inactivity expiry, pushed forward while the session is used; never past `absoluteExpiresAt`.
    expiresAt: integer('expires_at').notNull(),
    absoluteExpiresAt: integer('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/**
 * Attempt counters per key (`account-ip:<email>|<address>`, `account:<email>`, `ip:<address>`,
 * `sign-up:<address>`); kept in the database because Workers keep no memory. `failures` counts the
 * window's attempts that were let through and not yet forgiven (a sign-in in flight counts until it
 * succeeds); `lockouts` counts the locks in a row, so each lasts twice as long as the one before.
 */
export const signInThrottles = sqliteTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: integer('window_started_at').notNull(),
  lockedUntil: integer('locked_until'),
  lockouts: integer('lockouts').notNull().default(0),
});

export const attempts = sqliteTable(
  'attempts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    labId: text('lab_id').notNull(),
    // Content hash of the lab text the attempt was provisioned from, so a regrade can tell if the lab changed.
    labVersion: text('lab_version').notNull(),
    // Reserved for courses (DESIGN §8); public labs have none.
    courseId: text('course_id'),
    // The course assignment the attempt was started for (its due date releases `after-due-date` feedback);
    // no foreign key: deleting an assignment must not delete a learner's work.
    assignmentId: text('assignment_id'),
    seed: text('seed').notNull(),
    params: text('params', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    // The emulated account snapshot; opaque JSON to the database.
    state: text('state', { mode: 'json' }).notNull().$type<unknown>(),
    // Optimistic concurrency: every write says which version it read.
    version: integer('version').notNull(),
    // Indexes into the lab's `hints` of the paid hints the learner revealed, ascending; grading deducts their cost.
    revealedHints: text('revealed_hints', { mode: 'json' }).notNull().$type<number[]>().default(sql`'[]'`),
    // Counted, not derived from `version`: hint reveals and AWS API writes move the version too.
    submissionCount: integer('submission_count').notNull().default(0),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull(),
    // The root user's access key of the attempt's emulated account, from the CSPRNG. The secret is kept as
    // is because SigV4 verification signs with it (as AWS itself must); null until an attempt from before
    // keys were stored is first asked for its credentials.
    awsAccessKeyId: text('aws_access_key_id'),
    awsSecretAccessKey: text('aws_secret_access_key'),
    // Set when the learner closes the attempt: it takes no more submissions, and `on-close` feedback is released.
    closedAt: integer('closed_at'),
    bestScore: real('best_score'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('attempts_user_lab_idx').on(t.userId, t.labId, t.createdAt),
    index('attempts_course_idx').on(t.courseId).where(sql`${t.courseId} is not null`),
    index('attempts_assignment_idx').on(t.assignmentId, t.userId).where(sql`${t.assignmentId} is not null`),
  ],
);

/**
 * Requests counted per key in fixed windows (`submit:<attemptId>`); kept in the database because Workers
 * keep no memory between requests.
 */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStartedAt: integer('window_started_at').notNull(),
  count: integer('count').notNull(),
});

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    // The attempt version the answers were graded against: at most one submission lands per version.
    attemptVersion: integer('attempt_version').notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    grade: text('grade', { mode: 'json' }).notNull().$type<unknown>(),
    findings: text('findings', { mode: 'json' }).notNull().$type<unknown[]>(),
    score: real('score').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('submissions_attempt_version_unique').on(t.attemptId, t.attemptVersion)],
);

export const COURSE_ROLES = ['learner', 'instructor'] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

export const ASSIGNMENT_KINDS = ['lab', 'exam'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** `accept`: late work counts in full; `penalty`: `latePenaltyPercentPerDay` off per started day; `refuse`: no attempts after the due date. */
export const LATE_POLICIES = ['accept', 'penalty', 'refuse'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export const courses = sqliteTable('courses', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  // Who made it, for the record; who teaches it is `course_members`.
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Who is in a course and as what; a user has one role per course. */
export const courseMembers = sqliteTable(
  'course_members',
  {
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: COURSE_ROLES }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] }), index('course_members_user_idx').on(t.userId)],
);

/**
 * A lab an instructor published to a course from lab preview: the YAML as written, validated and self-tested
 * when published. Its id is the lab's own and unique across the server (a Git lab or another course's lab
 * keeps it), so attempts and assignments name it like any lab; only the course's members see it.
 * Publishing again in the same course replaces the text (a new version).
 */
export const courseLabs = sqliteTable(
  'course_labs',
  {
    labId: text('lab_id').primaryKey(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    yaml: text('yaml').notNull(),
    // SHA-256 of the YAML, the lab's version as attempts record it
    contentHash: text('content_hash').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    publishedAt: integer('published_at').notNull(),
  },
  (t) => [index('course_labs_course_idx').on(t.courseId)],
);

/** A lab or an exam (by id) given to a course, open from `opensAt` (null: at once), due at `dueAt` (null: never). */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ASSIGNMENT_KINDS }).notNull(),
    // The lab's id (a registry id) or the exam's id, as `kind` says.
    refId: text('ref_id').notNull(),
    title: text('title').notNull(),
    opensAt: integer('opens_at'),
    dueAt: integer('due_at'),
    latePolicy: text('late_policy', { enum: LATE_POLICIES }).notNull().default('accept'),
    // Only with `late_policy = 'penalty'`: percent of the score taken off per started day late, 0–100.
    latePenaltyPercentPerDay: real('late_penalty_percent_per_day'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('assignments_course_idx').on(t.courseId, t.dueAt)],
);

export const TOKEN_SCOPES = ['courses:read', 'courses:write', 'grades:read', 'enrollments:write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * API tokens for systems: `skylab_<id>_<secret>`; only a SHA-256 of the secret is kept (as for sessions).
 * The owner's role bounds what the scopes allow.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).notNull().$type<TokenScope[]>(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type SignInThrottleRow = typeof signInThrottles.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type RateLimitRow = typeof rateLimits.$inferSelect;

export const EXAM_SESSION_STATUSES = ['active', 'submitted', 'timed-out'] as const;
export type ExamSessionStatus = (typeof EXAM_SESSION_STATUSES)[number];

/**
 * One learner's sitting of an exam. The paper drawn at the start is frozen here, so a regrade or an edit of
 * the exam or its labs never changes what was asked. `deadline` is the effective one (start + time limit +
 * `extensionMinutes`); only one session per learner may be `active` (the partial unique index decides).
 */
export const examSessions = sqliteTable(
  'exam_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    examId: text('exam_id').notNull(),
    // Content hash of the exam text the paper was drawn from.
    examHash: text('exam_hash').notNull(),
    paper: text('paper', { mode: 'json' }).notNull().$type<unknown>(),
    startedAt: integer('started_at').notNull(),
    deadline: integer('deadline').notNull(),
    extensionMinutes: integer('extension_minutes').notNull().default(0),
    // When answering ended: the submit call's time, or the deadline for a session that timed out.
    submittedAt: integer('submitted_at'),
    status: text('status', { enum: EXAM_SESSION_STATUSES }).notNull(),
    // Optimistic concurrency for the session row (an extension, closing); answers carry their own.
    version: integer('version').notNull(),
  },
  (t) => [
    index('exam_sessions_user_exam_idx').on(t.userId, t.examId, t.startedAt),
    index('exam_sessions_exam_idx').on(t.examId, t.status),
    uniqueIndex('exam_sessions_one_active_unique').on(t.userId).where(sql`${t.status} = 'active'`),
  ],
);

/** The latest answer to one item of a session; `version` counts its saves (the `If-Match` of an autosave). */
export const examAnswers = sqliteTable(
  'exam_answers',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => examSessions.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: text('value', { mode: 'json' }).notNull().$type<unknown>(),
    savedAt: integer('saved_at').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.itemId] })],
);

/** The graded result of a closed session; a void or a regrade replaces it (the change is kept in `exam_regrades`). */
export const examResults = sqliteTable('exam_results', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => examSessions.id, { onDelete: 'cascade' }),
  result: text('result', { mode: 'json' }).notNull().$type<unknown>(),
  score: real('score').notNull(),
  passed: integer('passed', { mode: 'boolean' }).notNull(),
  gradedAt: integer('graded_at').notNull(),
});

export const EXAM_REGRADE_KINDS = ['void', 'regrade'] as const;
export type ExamRegradeKind = (typeof EXAM_REGRADE_KINDS)[number];

/** What a void or a regrade changed in one session's result, who did it, when and why. */
export const examRegrades = sqliteTable(
  'exam_regrades',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => examSessions.id, { onDelete: 'cascade' }),
    examId: text('exam_id').notNull(),
    kind: text('kind', { enum: EXAM_REGRADE_KINDS }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    changes: text('changes', { mode: 'json' }).notNull().$type<unknown>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('exam_regrades_session_idx').on(t.sessionId, t.createdAt), index('exam_regrades_exam_idx').on(t.examId, t.createdAt)],
);

/** Items taken out of an exam's grading: every session's result counts them as neither earned nor possible. */
export const examVoidedItems = sqliteTable(
  'exam_voided_items',
  {
    examId: text('exam_id').notNull(),
    itemId: text('item_id').notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.examId, t.itemId] })],
);

export type ExamSessionRow = typeof examSessions.$inferSelect;
export type ExamAnswerRow = typeof examAnswers.$inferSelect;
export type ExamResultRow = typeof examResults.$inferSelect;
export type ExamRegradeRow = typeof examRegrades.$inferSelect;
export type ExamVoidedItemRow = typeof examVoidedItems.$inferSelect;
export type CourseRow = typeof courses.$inferSelect;
export type CourseMemberRow = typeof courseMembers.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type CourseLabRow = typeof courseLabs.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/**
 * LMS platforms registered by an admin (LTI 1.3 Core §3.1.3, tool registration): the platform's issuer
 * and the client id it gave Skylab name it; its login, token and key set URLs are where Skylab talks to it.
 */
export const ltiPlatforms = sqliteTable(
  'lti_platforms',
  {
    id: text('id').primaryKey(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    authLoginUrl: text('auth_login_url').notNull(),
    accessTokenUrl: text('access_token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    // The deployments of Skylab on that platform whose launches are accepted (`deployment_id` claim).
    deploymentIds: text('deployment_ids', { mode: 'json' }).notNull().$type<string[]>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('lti_platforms_issuer_client_unique').on(t.issuer, t.clientId)],
);

/**
 * The tool's own RS256 key pair, made once: it signs deep linking responses and the client assertions of
 * the platforms' token endpoints. The private JWK is kept as is (no route ever returns it); whoever reads
 * the database can sign as Skylab, as whoever reads it can also read every attempt.
 */
export const ltiToolKeys = sqliteTable('lti_tool_keys', {
  kid: text('kid').primaryKey(),
  // `{ sealed: "v1.<iv>.<ciphertext>" }`: the private JWK encrypted with SKYLAB_SECRET_KEY (apps/api secret-box.ts);
  // a plaintext JWK from before encryption is sealed at its first use

  privateJwk: text('private_jwk', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  publicJwk: text('public_jwk', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  createdAt: integer('created_at').notNull(),
});

/**
 * OIDC login initiations: `state` is handed to the platform and comes back with the id token, whose
 * `nonce` must be the one stored here. Each is used once (`usedAt`) and expires.
 */
export const ltiLoginStates = sqliteTable(
  'lti_login_states',
  {
    state: text('state').primaryKey(),
    nonce: text('nonce').notNull(),
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('lti_login_states_expires_at_idx').on(t.expiresAt)],
);

/** A platform user (`iss` + `sub`, LTI 1.3 Core §5.3.6) and the Skylab account made for them. */
export const ltiIdentities = sqliteTable(
  'lti_identities',
  {
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('lti_identities_platform_subject_unique').on(t.platformId, t.subject), index('lti_identities_user_idx').on(t.userId)],
);

/** An attempt started from a launch: where its scores go (the AGS line item) and for whom (the platform's `sub`). */
export const ltiAttemptLinks = sqliteTable('lti_attempt_links', {
  attemptId: text('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
  platformId: text('platform_id')
    .notNull()
    .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  lineItemUrl: text('line_item_url'),
  createdAt: integer('created_at').notNull(),
});

/**
 * Where a learner's exam was launched from (the newest launch wins): the score of each session they submit
 * goes to that line item. Exams have no attempt row to hang the link on, and the session starts later, from
 * the exam page the launch lands on.
 */
export const ltiExamLinks = sqliteTable(
  'lti_exam_links',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    examId: text('exam_id').notNull(),
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    lineItemUrl: text('line_item_url'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.examId] })],
);

/**
 * An LMS course (the launch's `context` claim) and the Skylab course it maps to, made at the first
 * instructor launch from it; `membershipsUrl` is its Names and Roles service, for roster syncs.
 */
export const ltiContexts = sqliteTable(
  'lti_contexts',
  {
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    contextId: text('context_id').notNull(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    membershipsUrl: text('memberships_url'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.contextId] }), index('lti_contexts_course_idx').on(t.courseId)],
);

/** An LMS resource link (an assignment in the LMS) and the course assignment it launches. */
export const ltiResourceLinks = sqliteTable(
  'lti_resource_links',
  {
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    resourceLinkId: text('resource_link_id').notNull(),
    assignmentId: text('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.resourceLinkId] })],
);

export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Scores waiting to reach a platform (AGS): written with the submission, sent after the response and
 * retried with backoff, so a platform outage delays a score and never loses it.
 */
export const ltiScoreOutbox = sqliteTable(
  'lti_score_outbox',
  {
    id: text('id').primaryKey(),
    platformId: text('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    lineItemUrl: text('line_item_url').notNull(),
    // The platform's user (`sub`) the score is for: a newer score for the same line item and user replaces a queued one.
    subject: text('subject').notNull(),
    score: text('score', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    tries: integer('tries').notNull().default(0),
    nextTryAt: integer('next_try_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('lti_score_outbox_due_idx').on(t.status, t.nextTryAt), index('lti_score_outbox_line_item_idx').on(t.lineItemUrl, t.subject)],
);

export const WEBHOOK_EVENTS = ['attempt.completed', 'grade.changed', 'exam.submitted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Admin-registered receivers. The secret is kept as is because every delivery is signed with it
 * (HMAC needs the key itself); it is shown to the admin once, at registration.
 */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events', { mode: 'json' }).notNull().$type<WebhookEvent[]>(),
  createdAt: integer('created_at').notNull(),
});

/** One event for one endpoint: the body is fixed at creation, so every retry sends the same bytes. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    tries: integer('tries').notNull().default(0),
    nextTryAt: integer('next_try_at').notNull(),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextTryAt), index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)],
);

/** Every try of a delivery, for the admin's delivery log: the receiver's status or why it was not reached. */
export const webhookDeliveryAttempts = sqliteTable(
  'webhook_delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_delivery_attempts_delivery_idx').on(t.deliveryId, t.at)],
);

export type LtiPlatformRow = typeof ltiPlatforms.$inferSelect;
export type LtiToolKeyRow = typeof ltiToolKeys.$inferSelect;
export type LtiLoginStateRow = typeof ltiLoginStates.$inferSelect;
export type LtiAttemptLinkRow = typeof ltiAttemptLinks.$inferSelect;
export type LtiExamLinkRow = typeof ltiExamLinks.$inferSelect;
export type LtiContextRow = typeof ltiContexts.$inferSelect;
export type LtiResourceLinkRow = typeof ltiResourceLinks.$inferSelect;
export type LtiScoreOutboxRow = typeof ltiScoreOutbox.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;
