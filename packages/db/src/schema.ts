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
export type CourseRow = typeof courses.$inferSelect;
export type CourseMemberRow = typeof courseMembers.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
