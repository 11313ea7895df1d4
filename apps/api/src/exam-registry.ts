import { examHash, loadExam, type Exam } from '@skylab/lab-engine';
import { formatFinding } from '@skylab/validation';
import type { LabRegistry, LabSource } from './lab-registry.ts';

export interface RegisteredExam {
  exam: Exam;
  /** The exam's content hash: sessions record it with their paper. */
  hash: string;
  path: string;
}

/** The exams the server offers, loaded once at start (Node) or per isolate (Worker), after the labs they draw on. */
export interface ExamRegistry {
  list(): RegisteredExam[];
  get(id: string): RegisteredExam | undefined;
}

export interface LoadedExams {
  registry: ExamRegistry;
  /** One line per problem in a skipped exam: `exams/x/exam.yaml:LINE:COL severity ruleId message`. */
  problems: string[];
}

/**
 * Loads every exam source against the loaded labs (a hands-on item must name a lab task the server has); an
 * exam that does not validate is reported and left out, the rest still load.
 */
export function loadExamSources(sources: readonly LabSource[], labs: LabRegistry): LoadedExams {
  const exams = new Map<string, RegisteredExam>();
  const problems: string[] = [];
  const lookup = (id: string) => labs.get(id)?.lab;
  for (const source of sources) {
    const { exam, findings } = loadExam(source.text, { file: source.path, labs: lookup });
    if (!exam) {
      problems.push(...findings.map((finding) => formatFinding(finding, source.path)));
      continue;
    }
    exams.set(exam.id, { exam, hash: examHash(exam), path: source.path });
  }
  const sorted = [...exams.values()].sort((a, b) => a.exam.id.localeCompare(b.exam.id));
  return { registry: { list: () => sorted, get: (id) => exams.get(id) }, problems };
}
