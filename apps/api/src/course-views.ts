import type { AssignmentRow, CourseMember, CourseRow, LatePolicy } from '@skylab/db';
import type { AssignmentView, CourseView, LatePolicyBody, MemberView } from '@skylab/validation';
import { iso } from './views.ts';

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function courseView(row: CourseRow): Omit<CourseView, 'role'> {
  return { id: row.id, title: row.title, description: row.description, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

/** The stored policy in the request's vocabulary: `accept`, `refuse` or `{ penaltyPercentPerDay }`. */
export function latePolicyView(row: Pick<AssignmentRow, 'latePolicy' | 'latePenaltyPercentPerDay'>): LatePolicyBody {
  return row.latePolicy === 'penalty' ? { penaltyPercentPerDay: row.latePenaltyPercentPerDay ?? 0 } : row.latePolicy;
}

/** The columns a late policy is stored in. */
export function latePolicyColumns(policy: LatePolicyBody): { latePolicy: LatePolicy; latePenaltyPercentPerDay: number | null } {
  return typeof policy === 'string' ? { latePolicy: policy, latePenaltyPercentPerDay: null } : { latePolicy: 'penalty', latePenaltyPercentPerDay: policy.penaltyPercentPerDay };
}

export function assignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    courseId: row.courseId,
    kind: row.kind,
    refId: row.refId,
    title: row.title,
    opensAt: isoOrNull(row.opensAt),
    dueAt: isoOrNull(row.dueAt),
    latePolicy: latePolicyView(row),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function memberView(member: CourseMember): MemberView {
  return { userId: member.userId, email: member.email, name: member.name, role: member.role, enrolledAt: iso(member.enrolledAt) };
}
