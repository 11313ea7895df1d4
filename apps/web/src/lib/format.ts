import type { Finding } from '../api/types.ts';

/**
 * A score as a whole percentage, rounded down: 99.6% must not read as "100%" next to a lab that is
 * not complete. The epsilon absorbs float noise (0.29 * 100 = 28.999…).
 */
export function formatPercent(score: number): string {
  return `${Math.floor(score * 100 + 1e-9)}%`;
}

export function formatPoints(points: number, maxPoints: number): string {
  return `${points} / ${maxPoints} ${maxPoints === 1 ? 'point' : 'points'}`;
}

/** A deduction as the learner reads it: `−1 point`, `−3 points` (a real minus sign). */
export function formatDeduction(points: number): string {
  return `\u2212${points} ${points === 1 ? 'point' : 'points'}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function findingLocation(finding: Finding): string | null {
  return finding.range === undefined ? null : `${finding.range.start.line}:${finding.range.start.column}`;
}

/** A finding's path as a reader sees it in the document: `Statement[0].Action`. */
export function formatPath(path: Finding['path']): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
}

/**
 * Which task a finding belongs to. Findings for a multi-task submission name the task as the first path
 * segment; with a single task every finding is that task's.
 */
export function splitFindingsByTask(findings: Finding[], taskIds: string[]): { byTask: Map<string, Finding[]>; general: Finding[] } {
  const byTask = new Map<string, Finding[]>(taskIds.map((id) => [id, []]));
  const general: Finding[] = [];
  for (const finding of findings) {
    const [head, ...rest] = finding.path;
    if (typeof head === 'string' && byTask.has(head)) byTask.get(head)!.push({ ...finding, path: rest });
    else if (taskIds.length === 1) byTask.get(taskIds[0]!)!.push(finding);
    else general.push(finding);
  }
  return { byTask, general };
}
