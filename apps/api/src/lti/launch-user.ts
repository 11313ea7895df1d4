import { findLtiAttemptLink, findOrCreateLtiUser, listUserLabAttempts, updateLtiUser, upsertLtiAttemptLink, type AssignmentRow, type AttemptRow, type Role, type UserRow } from '@skylab/db';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import type { RegisteredExam } from '../exam-registry.ts';
import type { RegisteredLab } from '../lab-registry.ts';
import { startAttempt } from '../start-attempt.ts';
import { CLAIM, mapRoles } from './claims.ts';
import type { VerifiedLaunch } from './verify-launch.ts';

/** Never a valid hash: LTI users sign in through their LMS only. */
const NO_PASSWORD = '!lti';

/** The Skylab user of a platform identity, made on first sight with a placeholder address and no password. */
export async function platformUser(deps: AppDeps, platformId: string, subject: string, name: string | undefined, role: Exclude<Role, 'admin'>): Promise<UserRow> {
  const id = deps.ids.next();
  return findOrCreateLtiUser(deps.db, {
    platformId,
    subject,
    user: { id, email: `${id.toLowerCase()}@lti.invalid`, name: name ?? '', passwordHash: NO_PASSWORD, role, createdAt: deps.clock.now() },
  });
}

/**
 * The Skylab user of the launch's platform identity (`iss` + `sub`), made on first launch. The email claim is
 * not trusted to match an existing account (a platform could claim anyone's address); the account gets a
 * placeholder address instead. A launch as an instructor raises a learner to instructor; none lowers a role.
 */
export async function launchUser(deps: AppDeps, { platform, claims }: VerifiedLaunch): Promise<UserRow> {
  const role = mapRoles(claims[CLAIM.roles]);
  const user = await platformUser(deps, platform.id, claims.sub, claims.name, role);
  const raised = user.role === 'learner' && role === 'instructor' ? role : user.role;
  const name = claims.name ?? user.name;
  if (raised === user.role && name === user.name) return user;
  await updateLtiUser(deps.db, user.id, { role: raised, name });
  return { ...user, role: raised, name };
}

export type LaunchedResource = { kind: 'lab'; registered: RegisteredLab } | { kind: 'exam'; registered: RegisteredExam };

/**
 * The lab or exam a resource link launches: its assignment's once the link is mapped to one, else the
 * `skylab_exam` or `skylab_lab` custom parameter our deep links set, or a `/labs/<id>` or `/exams/<id>` target.
 */
export function launchedResource(deps: AppDeps, { claims }: VerifiedLaunch, assignment: AssignmentRow | undefined): LaunchedResource {
  if (assignment) return resource(deps, assignment.kind, assignment.refId);
  const custom = claims[CLAIM.custom];
  if (typeof custom?.skylab_exam === 'string') return resource(deps, 'exam', custom.skylab_exam);
  if (typeof custom?.skylab_lab === 'string') return resource(deps, 'lab', custom.skylab_lab);
  const target = claims[CLAIM.targetLinkUri];
  const path = target ? /\/(labs|exams)\/([^/?#]+)$/.exec(new URL(target).pathname) : null;
  if (!path) throw new ApiError(404, 'lti_unknown_resource', 'the launch names no Skylab lab or exam');
  return resource(deps, path[1] === 'exams' ? 'exam' : 'lab', decodeURIComponent(path[2]!));
}

function resource(deps: AppDeps, kind: 'lab' | 'exam', id: string): LaunchedResource {
  const found: LaunchedResource | undefined = kind === 'lab' ? withKind('lab', deps.labs.get(id)) : withKind('exam', deps.exams.get(id));
  if (!found) throw new ApiError(404, 'lti_unknown_resource', `there is no ${kind} \`${id}\``);
  return found;
}

function withKind<K extends LaunchedResource['kind']>(kind: K, registered: Extract<LaunchedResource, { kind: K }>['registered'] | undefined): LaunchedResource | undefined {
  return registered ? ({ kind, registered } as LaunchedResource) : undefined;
}

/** How many of the learner's newest attempts at the lab are looked at for one to continue. */
const REUSE_LOOKBACK = 5;

/**
 * The attempt a launch opens: the learner's newest open attempt at the lab launched from the same line item
 * (coming back to an assignment continues it), else a new one linked to that line item, so its scores go there.
 */
export async function launchAttempt(deps: AppDeps, launch: VerifiedLaunch, user: UserRow, registered: RegisteredLab, assignment: AssignmentRow | undefined): Promise<AttemptRow> {
  const lineItemUrl = launch.claims[CLAIM.agsEndpoint]?.lineitem ?? null;
  const recent = (await listUserLabAttempts(deps.db, user.id, registered.lab.id)).filter((attempt) => attempt.closedAt === null).slice(0, REUSE_LOOKBACK);
  for (const attempt of recent) {
    const link = await findLtiAttemptLink(deps.db, attempt.id);
    if (link && link.platformId === launch.platform.id && link.lineItemUrl === lineItemUrl) return attempt;
  }
  const attempt = await startAttempt(deps, user.id, registered, assignment ? { courseId: assignment.courseId, assignmentId: assignment.id } : undefined);
  await upsertLtiAttemptLink(deps.db, { attemptId: attempt.id, platformId: launch.platform.id, subject: launch.claims.sub, lineItemUrl, createdAt: deps.clock.now() });
  return attempt;
}
