import type { ExamAnswers } from '@skylab/validation';
import { gradeHandsOn } from './grade-hands-on.ts';
import { gradeQuestion } from './grade-question.ts';
import type { DomainResult, ExamResult, GradePaperOptions, ItemResult, Paper } from './types.ts';

/** A share in percent, to two decimals; 0 of nothing is 0. */
function percentOf(points: number, maxPoints: number): number {
  return maxPoints > 0 ? Math.round((points / maxPoints) * 10000) / 100 : 0;
}

/** Whether points reach a percent of the maximum, compared unrounded so a displayed 70.00 never passes a 69.996. */
function reaches(points: number, maxPoints: number, percent: number): boolean {
  return maxPoints > 0 && points * 100 >= percent * maxPoints;
}

function sum(items: readonly ItemResult[], field: 'points' | 'maxPoints'): number {
  return Math.round(items.reduce((total, item) => total + item[field], 0) * 10000) / 10000;
}

/**
 * The per-domain report, as AWS's score reports give it: each domain's share of its points and whether it
 * `meets` the bar or `needs-improvement`. Domains with no points on this paper (none drawn, or all voided)
 * are left out rather than reported as failed.
 */
function domainResults(paper: Paper, items: readonly ItemResult[]): DomainResult[] {
  return paper.domains.flatMap(({ id, title }) => {
    const own = items.filter((item) => item.domain === id);
    const points = sum(own, 'points');
    const maxPoints = sum(own, 'maxPoints');
    if (maxPoints === 0) return [];
    return [{ id, title, points, maxPoints, percent: percentOf(points, maxPoints), band: reaches(points, maxPoints, paper.domainMeetsPercent) ? 'meets' : 'needs-improvement' }];
  });
}

/**
 * Grades a paper: each question by its key and partial-credit rule, each hands-on item by its lab's checks
 * (`gradeHandsOn`), voided items out of everyone's total (0 of 0), then the total, the pass mark and the
 * per-domain report. Deterministic: the same paper, answers, labs and voided items give the same result.
 */
export function gradePaper(paper: Paper, answers: ExamAnswers, opts: GradePaperOptions): ExamResult {
  const voided = new Set(opts.voided ?? []);
  const items = paper.sections.flatMap((section) =>
    section.items.map((item): ItemResult => {
      if (voided.has(item.id)) return { id: item.id, kind: item.kind, domain: item.domain, points: 0, maxPoints: 0, status: 'voided' };
      const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
      return item.kind === 'hands-on' ? gradeHandsOn(item, answer, opts.labs, opts.ctx) : gradeQuestion(item, answer);
    }),
  );
  const points = sum(items, 'points');
  const maxPoints = sum(items, 'maxPoints');
  const percent = percentOf(points, maxPoints);
  return {
    examId: paper.examId,
    examHash: paper.examHash,
    points,
    maxPoints,
    percent,
    passed: reaches(points, maxPoints, paper.passPercent),
    passPercent: paper.passPercent,
    items,
    domains: domainResults(paper, items),
    voided: items.filter((item) => item.status === 'voided').map((item) => item.id),
  };
}
