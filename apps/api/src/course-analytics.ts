import type { SubmissionRow } from '@skylab/db';
import type { CheckResult, Grade } from '@skylab/lab-engine';
import type { CheckFailures, LabAnalytics } from '@skylab/validation';

/** The most common wrong-answer clusters shown. */
const MAX_CLUSTERS = 10;

const failing = (check: CheckResult) => check.status !== 'pass';

function increment<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Which checks and misconception tags fail most in a lab's submissions, and its wrong answers grouped by
 * the exact set of checks they fail (submissions failing the same checks made, as far as the lab can tell,
 * the same mistake). Sorted by count, then by id or tag, so equal inputs give equal reports.
 */
export function labAnalytics(rows: readonly SubmissionRow[]): LabAnalytics {
  const checks = new Map<string, CheckFailures>();
  const tags = new Map<string, number>();
  const clusters = new Map<string, { failingChecks: string[]; submissions: number; attempts: Set<string>; latest: SubmissionRow }>();
  for (const row of rows) {
    const grade = row.grade as Grade;
    for (const check of grade.checks) {
      const entry = checks.get(check.id) ?? { id: check.id, title: check.title, failed: 0, submissions: 0 };
      entry.submissions += 1;
      if (failing(check)) {
        entry.failed += 1;
        for (const tag of check.misconceptions) increment(tags, tag);
      }
      checks.set(check.id, entry);
    }
    const failingChecks = grade.checks.filter(failing).map((check) => check.id).sort();
    if (failingChecks.length === 0) continue;
    const key = failingChecks.join('\n');
    const cluster = clusters.get(key) ?? { failingChecks, submissions: 0, attempts: new Set<string>(), latest: row };
    cluster.submissions += 1;
    cluster.attempts.add(row.attemptId);
    if (row.createdAt >= cluster.latest.createdAt) cluster.latest = row;
    clusters.set(key, cluster);
  }
  return {
    submissions: rows.length,
    checks: [...checks.values()].sort((a, b) => b.failed - a.failed || a.id.localeCompare(b.id)),
    misconceptions: [...tags].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    wrongAnswers: [...clusters.values()]
      .sort((a, b) => b.submissions - a.submissions || a.failingChecks.join().localeCompare(b.failingChecks.join()))
      .slice(0, MAX_CLUSTERS)
      .map((c) => ({ failingChecks: c.failingChecks, submissions: c.submissions, attempts: c.attempts.size, example: { submissionId: c.latest.id, answers: c.latest.answers } })),
  };
}
