import { findCourseLab, findMembership, publishCourseLab, type CourseLabRow, type UserRow } from '@skylab/db';
import type { LabPreview } from '@skylab/lab-engine';
import type { CourseLabView, Finding } from '@skylab/validation';
import type { AppDeps } from './deps.ts';
import { ApiError, notFound } from './errors.ts';
import type { RegisteredLab } from './lab-registry.ts';
import { labFromSource } from './lab-source-cache.ts';

export interface FoundLab {
  registered: RegisteredLab;
  /** Set for a lab published to a course: only its members see it. */
  courseId?: string;
}

/** A lab by id: the labs loaded at start first, then those published to courses. */
export async function findAnyLab(deps: AppDeps, id: string): Promise<FoundLab | undefined> {
  const loaded = deps.labs.get(id);
  if (loaded) return { registered: loaded };
  const row = await findCourseLab(deps.db, id);
  if (!row) return undefined;
  const { registered } = labFromSource(row.yaml, deps.labs.misconceptions());
  // it loaded when published; a catalogue or engine change since can make it fail, and then it is gone
  if (!registered) deps.log.warn('a course lab no longer loads', { labId: id, courseId: row.courseId });
  return registered ? { registered, courseId: row.courseId } : undefined;
}

/** A lab's title for reports, a course's labs included; its id when the lab is gone. */
export async function labTitle(deps: AppDeps, id: string): Promise<string> {
  return (await findAnyLab(deps, id))?.registered.summary.title ?? id;
}

/** The lab `id` as `user` may see it: a course's lab to the course's members and admins only, 404 to everyone else. */
export async function labForUser(deps: AppDeps, id: string, user: UserRow | undefined): Promise<RegisteredLab> {
  const found = await findAnyLab(deps, id);
  if (found && (found.courseId === undefined || (user !== undefined && (user.role === 'admin' || (await findMembership(deps.db, found.courseId, user.id)))))) {
    return found.registered;
  }
  throw notFound(`there is no lab \`${id}\``);
}

/** Why a self-test failed, as findings at the part of the lab that failed it. */
export function selfTestFindings(preview: LabPreview): Finding[] {
  const report = preview.selfTest;
  if (!report) return [];
  const runs = report.runs
    .filter((run) => !run.ok)
    .map((run): Finding => ({ ruleId: 'lab/self-test', severity: 'error', path: run.subject === 'solution' ? ['solution'] : ['wrongAnswers'], message: `\`${run.subject}\` (seed \`${run.seed}\`): ${run.problems.join('; ')}` }));
  const mutants = report.mutants
    .filter((mutant) => mutant.status === 'survived')
    .map((mutant): Finding => ({ ruleId: 'lab/surviving-mutant', severity: 'error', path: ['tasks'], message: `a mutant of \`${mutant.task}\` still scores 100%: ${mutant.description}` }));
  return [...runs, ...mutants];
}

export function courseLabView(row: CourseLabRow, registered: RegisteredLab | undefined): CourseLabView {
  return { id: row.labId, title: registered?.summary.title ?? row.labId, courseId: row.courseId, version: row.contentHash, authorId: row.authorId, publishedAt: new Date(row.publishedAt).toISOString() };
}

/**
 * Publishes a lab text to a course after the checks the preview shows, run again here: the loader with the
 * server's misconception catalogue, then the self-test (solution, wrong answers, mutants). Refused with
 * findings (400) when either fails, 409 when the lab's id belongs to a repository lab or another course's lab.
 */
export async function publishLab(deps: AppDeps, courseId: string, author: UserRow, text: string): Promise<{ row: CourseLabRow; registered: RegisteredLab }> {
  const { registered, findings } = labFromSource(text, deps.labs.misconceptions());
  if (!registered) throw new ApiError(400, 'invalid_lab', 'the lab does not load: see the findings', findings);
  const now = deps.clock.now();
  const preview = await deps.grading.previewLab({ text, seed: 'publish', time: now, region: deps.config.region });
  if (!preview.ok) throw new ApiError(400, 'lab_self_test_failed', 'the lab fails its self-test: see the findings', [...preview.findings.filter((f) => f.severity === 'error'), ...selfTestFindings(preview)]);
  const id = registered.lab.id;
  if (deps.labs.get(id)) throw new ApiError(409, 'lab_id_taken', `a repository lab has the id \`${id}\`: give the lab another id`);
  const row = await publishCourseLab(deps.db, { labId: id, courseId, yaml: text, contentHash: registered.version, authorId: author.id, publishedAt: now });
  if (!row) throw new ApiError(409, 'lab_id_taken', `another course has a lab with the id \`${id}\`: give the lab another id`);
  return { row, registered };
}
