import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { examSelfTest, loadExam, type Exam, type Lab, type LabLookup } from '@skylab/lab-engine';
import { examJsonSchema, formatFinding, type Finding } from '@skylab/validation';
import { loadLabFolders, type LabsIo } from './labs.ts';
import { helpText } from './usage.ts';

const USAGE = `usage: skylab exams validate [dir] [--labs <dir>]   check every <dir>/<exam-id>/exam.yaml (default dir: exams; labs from labs), findings as file:line:column
       skylab exams test [dir] [--labs <dir>]       every item's key scores full marks (each hands-on item's lab solution too); each drawn paper scores 100% with its key and 0 empty
       skylab exams schema                          print the JSON Schema of exam.yaml, for editors`;

export const EXAMS_HELP = helpText(USAGE, ['skylab exams validate', 'skylab exams test exams --labs labs', 'skylab exams schema > exams/exam.schema.json']);

interface LoadedExam {
  file: string;
  exam?: Exam;
  findings: Finding[];
}

/** `[dir] [--labs <dir>]`; undefined, with the usage printed, for anything else. */
function examArgs(args: readonly string[], io: LabsIo): { dir: string; labsDir: string } | undefined {
  const rest = [...args];
  let labsDir = 'labs';
  const flag = rest.indexOf('--labs');
  if (flag >= 0) {
    const value = rest[flag + 1];
    if (value === undefined || value.startsWith('-')) {
      io.err(USAGE);
      return undefined;
    }
    labsDir = value;
    rest.splice(flag, 2);
  }
  if (rest.length > 1 || rest[0]?.startsWith('-')) {
    io.err(USAGE);
    return undefined;
  }
  return { dir: rest[0] ?? 'exams', labsDir };
}

/** The labs that validate, by id, and the count of those that do not (an exam naming one reports it as unknown). */
function labLookup(io: LabsIo, dir: string): { labs: LabLookup; broken: number } | undefined {
  const loaded = loadLabFolders(io, dir);
  if (!loaded) return undefined;
  const labs = new Map<string, Lab>(loaded.labs.flatMap((l) => (l.lab ? [[l.lab.id, l.lab] as const] : [])));
  return { labs: (id) => labs.get(id), broken: loaded.labs.length - labs.size };
}

function loadExams(io: LabsIo, dir: string, labs: LabLookup): LoadedExam[] | undefined {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) {
    io.err(`no such directory \`${dir}\``);
    return undefined;
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'exam.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const file = relative(io.cwd, join(root, folder, 'exam.yaml')) || 'exam.yaml';
      const { exam, findings } = loadExam(readFileSync(join(root, folder, 'exam.yaml'), 'utf8'), { file, labs });
      return { file, ...(exam ? { exam } : {}), findings };
    });
}

function loadAll(args: readonly string[], io: LabsIo): { exams: LoadedExam[]; labs: LabLookup } | undefined {
  const parsed = examArgs(args, io);
  const lookup = parsed && labLookup(io, parsed.labsDir);
  if (!parsed || !lookup) return undefined;
  if (lookup.broken > 0) io.err(`${lookup.broken} lab${lookup.broken === 1 ? ' does' : 's do'} not validate and cannot be used by an exam (run \`skylab labs validate ${parsed.labsDir}\`)`);
  const exams = loadExams(io, parsed.dir, lookup.labs);
  return exams && { exams, labs: lookup.labs };
}

/** `skylab exams validate [dir]`: every finding as `file:line:column severity ruleId message`; exit 1 on errors. */
export function examsValidate(args: readonly string[], io: LabsIo): number {
  const loaded = loadAll(args, io);
  if (!loaded) return 2;
  let errors = 0;
  for (const { file, findings } of loaded.exams) {
    for (const finding of findings) {
      io.out(formatFinding(finding, file));
      if (finding.severity === 'error') errors++;
    }
  }
  io.out(`${loaded.exams.length} exam${loaded.exams.length === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

/** `skylab exams test [dir]`: every exam's self-test, one line each, the failures explained; exit 1 when one fails. */
export function examsTest(args: readonly string[], io: LabsIo): number {
  const loaded = loadAll(args, io);
  if (!loaded) return 2;
  let failed = 0;
  for (const { file, exam, findings } of loaded.exams) {
    if (!exam) {
      failed++;
      io.out(`FAIL ${file}: the exam does not validate (run \`skylab exams validate\`)`);
      for (const finding of findings.filter((f) => f.severity === 'error')) io.out(`  ${formatFinding(finding, file)}`);
      continue;
    }
    const report = examSelfTest(exam, { labs: loaded.labs, ctx: io.ctx });
    if (!report.ok) failed++;
    io.out(`${report.ok ? 'ok  ' : 'FAIL'} ${exam.id} (${report.runs.length} runs: every item, a paper with its key and an empty paper on ${report.runs.length / 3} seeds)`);
    for (const run of report.runs.filter((r) => !r.ok)) {
      io.out(`  ${run.subject} [seed ${run.seed}] scores ${run.percent}%:`);
      for (const problem of run.problems) io.out(`    ${problem}`);
    }
  }
  io.out(`${loaded.exams.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** `skylab exams schema`: the JSON Schema of `exam.yaml` on stdout. */
export function examsSchema(args: readonly string[], io: LabsIo): number {
  if (args.length > 0) {
    io.err(USAGE);
    return 2;
  }
  io.out(JSON.stringify(examJsonSchema(), null, 2));
  return 0;
}
