import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExamSources } from '../src/exam-registry.ts';
import { loadExamsFromDir } from '../src/labs-from-dir.ts';
import { examFixtureSources, FIXTURE_EXAMS } from './fixtures/exams.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { repoLabs } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const [source] = examFixtureSources(FIXED_NOW);
const fixture = source!;

describe('loading exams', () => {
  it('loads the repository\'s exams against its labs, with none skipped', () => {
    const { registry, problems } = loadExamsFromDir(join(REPO_ROOT, 'exams'), REPO_ROOT, repoLabs());
    expect(problems).toEqual([]);
    expect(registry.list().map((entry) => entry.path)).toContain('exams/aws-foundations-practice/exam.yaml');
  });

  it('registers an exam under its id with a content hash that changes with the exam', () => {
    const a = loadExamSources([fixture], repoLabs()).registry.get(FIXTURE_EXAMS.afterSubmit);
    const b = loadExamSources([{ ...fixture, text: fixture.text.replace('passPercent: 60', 'passPercent: 61') }], repoLabs()).registry.get(FIXTURE_EXAMS.afterSubmit);
    expect(a?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b?.hash).not.toBe(a?.hash);
  });

  it('reports a broken exam at its line and column and skips it, keeping the others', () => {
    const broken = { path: 'exams/broken/exam.yaml', text: fixture.text.replace(`id: ${FIXTURE_EXAMS.afterSubmit}`, 'id: broken').replace('lab: iam-s3-read-only', 'lab: no-such-lab') };
    const { registry, problems } = loadExamSources([broken, ...examFixtureSources(FIXED_NOW).slice(1)], repoLabs());
    expect(registry.get('broken')).toBeUndefined();
    expect(registry.list().map((entry) => entry.exam.id)).toEqual([FIXTURE_EXAMS.afterClose, FIXTURE_EXAMS.never]);
    const line = broken.text.split('\n').findIndex((text) => text.includes('lab: no-such-lab')) + 1;
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^exams/broken/exam\\.yaml:${line}:\\d+ error \\S+ .*no-such-lab`))]);
  });
});
