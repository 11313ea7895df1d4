import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lab } from '@skylab/validation';
import { loadExam } from '../src/exam/load-exam.ts';
import { loadLab } from '../src/load-lab.ts';
import type { Exam, LabLookup } from '../src/exam/types.ts';

const LABS = resolve(import.meta.dirname, '../../../labs');

let cache: Map<string, Lab> | undefined;

/** Every lab of `labs/`, loaded once per test file. */
export function repositoryLabs(): LabLookup {
  cache ??= new Map(
    readdirSync(LABS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => {
        const { lab } = loadLab(readFileSync(join(LABS, d.name, 'lab.yaml'), 'utf8'));
        return lab ? [[lab.id, lab] as const] : [];
      }),
  );
  const labs = cache;
  return (id) => labs.get(id);
}

/** The text of the engine's fixture exam. */
export const FIXTURE_TEXT = readFileSync(resolve(import.meta.dirname, '../src/exam/exam.fixture.yaml'), 'utf8');

/** The fixture exam, loaded against the repository's labs. */
export function fixtureExam(): Exam {
  const { exam, findings } = loadExam(FIXTURE_TEXT, { labs: repositoryLabs() });
  if (exam === undefined) throw new Error(findings.map((f) => f.message).join('\n'));
  return exam;
}

/** The practice exam of `exams/`. */
export function practiceExamText(): string {
  return readFileSync(resolve(import.meta.dirname, '../../../exams/aws-foundations-practice/exam.yaml'), 'utf8');
}
