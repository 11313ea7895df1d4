import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const LAB = readFileSync(resolve(import.meta.dirname, '../../../labs/s3-storage-classes/lab.yaml'), 'utf8');

describe('quiz checks at load time', () => {
  it.each([
    { name: 'one check per question covers the task', edit: (t: string) => t, findings: [] },
    {
      name: 'a question without a check',
      edit: (t: string) => t.replace('quiz: { task: storage-classes, question: thumbnails }', 'quiz: { task: storage-classes, question: product-images }'),
      findings: ['lab/task-without-exhaustive-check'],
    },
    {
      name: 'one check over every question covers the task too',
      edit: (t: string) => t.replace('quiz: { task: storage-classes, question: thumbnails }', 'quiz: { task: storage-classes }'),
      findings: [],
    },
    {
      name: 'a question the task does not have',
      edit: (t: string) => t.replace('question: thumbnails }', 'question: thumbnail }'),
      findings: ['lab/unknown-question task `storage-classes` has no question `thumbnail`', 'lab/task-without-exhaustive-check'],
    },
  ])('$name', ({ edit, findings }) => {
    const shown = loadLab(edit(LAB)).findings.map((f) => (f.ruleId === 'lab/task-without-exhaustive-check' ? f.ruleId : `${f.ruleId} ${f.message}`));
    expect(shown).toEqual(findings);
  });
});
