import { describe, expect, it } from 'vitest';
import { fixtureExam, repositoryLabs } from '../../test/exam-fixtures.ts';
import { drawPaper, examHash, labHash } from './draw-paper.ts';
import type { PaperItem } from './types.ts';

const labs = repositoryLabs();
const exam = fixtureExam();
const itemsOf = (seed: string): PaperItem[] => drawPaper(exam, { seed, labs }).sections.flatMap((s) => s.items);

describe('drawPaper', () => {
  it('draws the same paper for the same seed, and plain JSON', () => {
    const paper = drawPaper(exam, { seed: 'learner-1', labs });
    expect(drawPaper(exam, { seed: 'learner-1', labs })).toEqual(paper);
    expect(JSON.parse(JSON.stringify(paper))).toEqual(paper);
  });

  it('draws each pool\'s count into its section', () => {
    const paper = drawPaper(exam, { seed: 'learner-1', labs });
    expect(paper.sections.map((s) => s.items.length)).toEqual([3, 2]);
    expect(paper.sections[0]?.items.filter((i) => i.kind === 'hands-on')).toHaveLength(1);
  });

  it('gives different learners different papers', () => {
    const papers = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(itemsOf(`learner-${i}`).map((item) => [item.id, item.kind === 'hands-on' ? item.params : item.kind === 'matching' ? item.targets : 'options' in item ? item.options : item.steps]))));
    expect(papers.size).toBeGreaterThan(5);
  });

  it('never shows an ordering item\'s steps in their key order', () => {
    for (let i = 0; i < 50; i++) {
      const ordering = itemsOf(`seed-${i}`).find((item) => item.kind === 'ordering');
      if (ordering?.kind === 'ordering') expect(ordering.steps.map((s) => s.id)).not.toEqual(ordering.key);
    }
  });

  it('freezes a hands-on item\'s variant: task, params from the seed and the lab\'s hash', () => {
    const item = itemsOf('learner-1').find((i) => i.kind === 'hands-on');
    const lab = labs('iam-s3-read-only')!;
    expect(item).toMatchObject({ kind: 'hands-on', lab: { id: 'iam-s3-read-only', hash: labHash(lab) }, task: { id: 'reader-policy', kind: 'iam-policy', language: 'json' }, points: 4 });
    expect(item?.kind === 'hands-on' && item.params.accountId).toMatch(/^[1-9]\d{11}$/);
    expect(item?.kind === 'hands-on' && item.lab.description).toContain(item?.kind === 'hands-on' ? item.params.accountId : '');
  });

  it('keeps the authored order when the exam shuffles nothing', () => {
    const plain = { ...exam, settings: { ...exam.settings, shuffle: { items: false, options: false } } };
    const paper = drawPaper(plain, { seed: 'learner-1', labs });
    const choice = paper.sections[0]?.items.find((i) => i.id === 'root-user');
    if (choice?.kind === 'single-choice') expect(choice.options.map((o) => o.id)).toEqual(['root', 'admin-role', 'shared-user']);
    expect(paper.sections[1]?.items.map((i) => i.id)).toEqual(['nacl-order', 'gateway-match']);
  });

  it('throws a LabError when a hands-on item\'s lab is not loaded', () => {
    expect(() => drawPaper(exam, { seed: 'learner-1', labs: () => undefined })).toThrow('hands-on item `s3-reader` names `iam-s3-read-only` task `reader-policy`, which is not loaded');
  });
});

describe('examHash', () => {
  it('is the same for the same content in any key order, and changes with the content', () => {
    const reordered = Object.fromEntries(Object.entries(exam).reverse()) as typeof exam;
    expect(examHash(reordered)).toBe(examHash(exam));
    expect(examHash({ ...exam, passPercent: 71 })).not.toBe(examHash(exam));
    expect(examHash(exam)).toMatch(/^[0-9a-f]{64}$/);
  });
});
