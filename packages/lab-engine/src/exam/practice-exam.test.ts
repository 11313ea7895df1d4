import { describe, expect, it } from 'vitest';
import type { ExamItem } from '@skylab/validation';
import { practiceExamText, repositoryLabs } from '../../test/exam-fixtures.ts';
import { drawPaper } from './draw-paper.ts';
import { learnerView } from './learner-view.ts';
import { loadExam } from './load-exam.ts';

const { exam, findings } = loadExam(practiceExamText(), { file: 'exams/aws-foundations-practice/exam.yaml', labs: repositoryLabs() });
const items: ExamItem[] = exam?.sections.flatMap((s) => s.pools.flatMap((p) => p.items)) ?? [];
const questions = items.filter((i) => i.kind !== 'hands-on');

describe('exams/aws-foundations-practice', () => {
  it('loads without findings', () => {
    expect(findings).toEqual([]);
  });

  it('has at least 60 scenario questions, of every kind, and hands-on items from the labs', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['single-choice', 'multiple-choice', 'which-wins', 'ordering', 'matching']));
    expect(items.filter((i) => i.kind === 'hands-on').length).toBeGreaterThanOrEqual(6);
  });

  it.each(exam?.domains.map((d) => d.id) ?? [])('has at least 10 questions in domain %s', (domain) => {
    expect(questions.filter((q) => q.domain === domain).length).toBeGreaterThanOrEqual(10);
  });

  it('has every IAM which-wins key checked by IAM\'s evaluation (`simulate`)', () => {
    const whichWins = questions.filter((q) => q.kind === 'which-wins');
    expect(whichWins.filter((q) => q.simulate !== undefined).length).toBeGreaterThanOrEqual(6);
  });

  it('links every question to an AWS documentation page', () => {
    expect(questions.filter((q) => !q.learnMore.startsWith('https://docs.aws.amazon.com/')).map((q) => q.id)).toEqual([]);
  });

  it('shows a paper of every item (each lab task kind, quiz questions included) without a key before release', () => {
    const full = { ...exam!, sections: exam!.sections.map((s) => ({ ...s, pools: s.pools.map((p) => ({ ...p, draw: p.items.length })) })) };
    const text = JSON.stringify(learnerView(drawPaper(full, { seed: 'learner-1', labs: repositoryLabs() }), { released: false }));
    expect(text.match(/"(key|correct|rationale|feedback|learnMore|solution|checks|seed|params)":/g)).toBeNull();
    expect(text).toContain('"questions":');
  });

  it('gives each paper 30 questions and 2 hands-on tasks', () => {
    const paper = drawPaper(exam!, { seed: 'learner-1', labs: repositoryLabs() });
    expect(paper.sections.map((s) => s.items.length)).toEqual([30, 2]);
  });
});
