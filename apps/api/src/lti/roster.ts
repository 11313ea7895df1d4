import { findLtiContextByCourse, findLtiIdentityUser, findLtiPlatform, removeMember, upsertMember, type LtiContextRow } from '@skylab/db';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { mapRoles, SCOPE } from './claims.ts';
import { platformUser } from './launch-user.ts';
import { outbound, OutboundUrlRefused } from '../outbound/guarded-fetch.ts';
import { PlatformCallError, serviceToken } from './service-token.ts';

// Names and Roles Provisioning Services 2.0 §2.2: the membership container, paged with `Link: <…>; rel="next"`.
const member = z.object({
  user_id: z.string().min(1).max(255),
  roles: z.array(z.string().max(255)).max(100),
  status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
  name: z.string().max(200).optional(),
});
const container = z.object({ members: z.array(z.unknown()).max(10_000) });

const MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const MAX_PAGES = 50;

export interface RosterSync {
  enrolled: number;
  removed: number;
  /** Members the platform described in a way Skylab could not read, skipped. */
  skipped: number;
}

/** Syncs the course's roster from its LMS context: active members enrolled in their roles, inactive and deleted ones removed. */
export async function syncCourseRoster(deps: AppDeps, courseId: string): Promise<RosterSync> {
  const context = await findLtiContextByCourse(deps.db, courseId);
  if (!context?.membershipsUrl) throw new ApiError(404, 'no_lti_roster', `the course \`${courseId}\` is not linked to an LMS course with a Names and Roles service`);
  try {
    return await syncContext(deps, context, context.membershipsUrl);
  } catch (error) {
    if (error instanceof PlatformCallError || error instanceof OutboundUrlRefused) throw new ApiError(502, 'lti_platform_unreachable', `the LMS did not give the roster: ${error.message}`);
    throw error;
  }
}

async function syncContext(deps: AppDeps, context: LtiContextRow, membershipsUrl: string): Promise<RosterSync> {
  const platform = await findLtiPlatform(deps.db, context.platformId);
  if (!platform) throw new PlatformCallError('the platform is no longer registered');
  const token = await serviceToken(deps, platform, [SCOPE.nrps]);
  const result: RosterSync = { enrolled: 0, removed: 0, skipped: 0 };
  let next: string | undefined = membershipsUrl;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const response = await outbound(deps)(next, { headers: { authorization: `Bearer ${token}`, accept: MEDIA_TYPE } });
    if (!response.ok) throw new PlatformCallError(`the membership service answered ${response.status}`);
    const parsed = container.safeParse(await response.json());
    if (!parsed.success) throw new PlatformCallError('the membership container is not NRPS 2.0');
    for (const raw of parsed.data.members) await syncMember(deps, context, raw, result);
    next = nextPage(response.headers.get('link'));
  }
  return result;
}

async function syncMember(deps: AppDeps, context: LtiContextRow, raw: unknown, result: RosterSync): Promise<void> {
  const parsed = member.safeParse(raw);
  if (!parsed.success) {
    result.skipped++;
    return;
  }
  const { user_id: subject, roles, status, name } = parsed.data;
  if (status !== 'Active') {
    const user = await findLtiIdentityUser(deps.db, context.platformId, subject);
    if (user && (await removeMember(deps.db, context.courseId, user.id))) result.removed++;
    return;
  }
  const role = mapRoles(roles);
  const user = await platformUser(deps, context.platformId, subject, name, role);
  await upsertMember(deps.db, { courseId: context.courseId, userId: user.id, role, createdAt: deps.clock.now() });
  result.enrolled++;
}

function nextPage(link: string | null): string | undefined {
  return link?.split(',').map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1]).find((url) => url !== undefined);
}
