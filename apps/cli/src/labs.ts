import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Ctx } from '@skylab/emulator';
import { loadLab, loadMisconceptions, selfTest, type Lab, type MisconceptionCatalogue } from '@skylab/lab-engine';
import { formatFinding, type Finding } from '@skylab/validation';
import { helpText } from './usage.ts';

/** Where `skylab labs` reads labs from, writes to, and gets its clock and ids. */
export interface LabsIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  ctx(): Ctx;
}

const USAGE = `usage: skylab labs validate [dir]   check every <dir>/<lab-id>/lab.yaml (default dir: labs; a <lab-id> folder checks that lab alone), findings as file:line:column
       skylab labs test [dir]       run every lab's self-test: solution 100%, wrong answers fail as declared, mutants killed
       skylab labs schema           print the JSON Schema of lab.yaml, for editors (same as skylab schema lab)`;

export const LABS_HELP = helpText(USAGE, ['skylab labs validate', 'skylab labs test labs', 'skylab labs schema > lab.schema.json']);

/** A lab file (or the misconception catalogue) as `skylab labs` and `skylab exams` load it. */
export interface LoadedLab {
  file: string;
  folder: string;
  lab?: Lab;
  catalogue?: MisconceptionCatalogue;
  findings: Finding[];
}

/**
 * `<dir>/misconceptions.yaml`, when the folder has one: every lab's tags are then checked against it, and
 * its own problems are reported like a lab's. A folder without one leaves the tags unchecked.
 */
function loadCatalogue(io: Pick<LabsIo, 'cwd'>, root: string): LoadedLab | undefined {
  const path = join(root, 'misconceptions.yaml');
  if (!existsSync(path)) return undefined;
  const file = relative(io.cwd, path) || 'misconceptions.yaml';
  const { catalogue, findings } = loadMisconceptions(readFileSync(path, 'utf8'), file);
  return { file, folder: '', findings, ...(catalogue ? { catalogue } : {}) };
}

/**
 * Every `<dir>/<lab-id>/lab.yaml`, loaded and sorted by folder, checked against `<dir>/misconceptions.yaml` when
 * there is one; undefined, with the error printed, when `dir` does not exist.
 */
export function loadLabFolders(io: Pick<LabsIo, 'cwd' | 'err'>, dir: string): { labs: LoadedLab[]; catalogue?: LoadedLab } | undefined {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) {
    io.err(`no such directory \`${dir}\``);
    return undefined;
  }
  // `labs/<lab-id>` is one lab; the folder that holds it has the catalogue.
  const single = existsSync(join(root, 'lab.yaml'));
  const base = single ? dirname(root) : root;
  const catalogue = loadCatalogue(io, base);
  // A catalogue that does not load still names its ids' problems; the labs are then checked against none.
  const misconceptions = catalogue === undefined ? undefined : (catalogue.catalogue ?? new Map());
  const folders = single
    ? [basename(root)]
    : readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'lab.yaml')))
        .map((entry) => entry.name)
        .sort();
  const labs = folders
    .map((folder) => {
      const file = relative(io.cwd, join(base, folder, 'lab.yaml')) || 'lab.yaml';
      const text = readFileSync(join(base, folder, 'lab.yaml'), 'utf8');
      const { lab, findings } = loadLab(text, file, misconceptions === undefined ? {} : { misconceptions });
      return { file, folder, ...(lab ? { lab } : {}), findings };
    });
  return { labs, ...(catalogue ? { catalogue } : {}) };
}

/** The one optional directory argument of `labs validate|test`; undefined, with the usage printed, when there are more. */
function labsDir(args: readonly string[], io: LabsIo): string | undefined {
  if (args.length > 1 || args[0]?.startsWith('-')) {
    io.err(USAGE);
    return undefined;
  }
  return args[0] ?? 'labs';
}

/** `skylab labs validate [dir]`: every finding as `file:line:column severity ruleId message`; exit 1 on errors. */
export function labsValidate(args: readonly string[], io: LabsIo): number {
  const dir = labsDir(args, io);
  const loaded = dir === undefined ? undefined : loadLabFolders(io, dir);
  if (!loaded) return 2;
  const { labs, catalogue } = loaded;
  let errors = 0;
  for (const { file, findings } of [...(catalogue ? [catalogue] : []), ...labs]) {
    for (const finding of findings) {
      io.out(formatFinding(finding, file));
      if (finding.severity === 'error') errors++;
    }
  }
  io.out(`${labs.length} lab${labs.length === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

/**
 * Grading findings point into an answer's own text (line 1 is the answer's first line), not into the lab
 * file: name the answer, so `lab.yaml:3:5` is never read as line 3 of the lab.
 */
function findingSource(lab: Lab, file: string, finding: Finding): string {
  const [task] = finding.path;
  return typeof task === 'string' && lab.tasks.some((t) => t.id === task) ? `${file}[answer ${task}]` : (finding.file ?? file);
}

/** `skylab labs test [dir]`: every lab's self-test, one line each, the failures explained; exit 1 when one fails. */
export function labsTest(args: readonly string[], io: LabsIo): number {
  const dir = labsDir(args, io);
  const loaded = dir === undefined ? undefined : loadLabFolders(io, dir);
  if (!loaded) return 2;
  const { labs } = loaded;
  let failed = 0;
  for (const { file, lab, findings } of labs) {
    const blocking = findings.filter((f) => f.severity === 'error');
    if (!lab || blocking.length > 0) {
      failed++;
      io.out(`FAIL ${file}: the lab does not validate (run \`skylab labs validate\`)`);
      for (const finding of blocking) io.out(`  ${formatFinding(finding, file)}`);
      continue;
    }
    const report = selfTest(lab, io.ctx());
    if (!report.ok) failed++;
    const count = (status: string) => report.mutants.filter((m) => m.status === status).length;
    io.out(`${report.ok ? 'ok  ' : 'FAIL'} ${lab.id} (${report.runs.length} runs; ${report.mutants.length} mutants: ${count('killed')} killed, ${count('equivalent')} equivalent, ${count('refused')} refused, ${count('survived')} survived)`);
    for (const mutant of report.mutants.filter((m) => m.status === 'survived')) {
      io.out(`  mutant survived: task \`${mutant.task}\`: ${mutant.description}`);
      if (mutant.difference) io.out(mutant.difference.split('\n').map((line) => `    ${line}`).join('\n'));
    }
    for (const run of report.runs.filter((r) => !r.ok)) {
      io.out(`  ${run.subject} [seed ${run.seed}]: ${run.problems.join('; ')}`);
      for (const finding of run.findings.filter((f) => f.severity === 'error')) io.out(`    ${formatFinding({ ...finding, file: findingSource(lab, file, finding) })}`);
    }
  }
  io.out(`${labs.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
