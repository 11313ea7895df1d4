import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Ctx } from '@skylab/emulator';
import { loadLab, selfTest, type Lab } from '@skylab/lab-engine';
import { formatFinding, type Finding } from '@skylab/validation';
import { lintCommand } from './lint.ts';
import { schemaCommand } from './schema.ts';
import { simulateAlb } from './simulate-alb.ts';
import { simulateAsg } from './simulate-asg.ts';
import { simulateIam } from './simulate-iam.ts';
import { simulateNetwork } from './simulate-network.ts';

/** Where the CLI writes and which directory relative paths start from; tests pass their own. */
export interface CliIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  ctx(): Ctx;
}

const USAGE = `usage: skylab labs validate [dir]   check every <dir>/<lab-id>/lab.yaml (default dir: labs)
       skylab labs test [dir]       run every lab's self-test: solution 100%, wrong answers fail as declared
       skylab labs schema           print the JSON Schema of lab.yaml, for editors (same as skylab schema lab)
       skylab simulate iam <file|-> [--jsonl]   SimulateCustomPolicy requests (JSON or JSON Lines): IAM's evaluation results with explanations
       skylab simulate network <file|-> [--exposure] [--jsonl]   reachability on EC2 Describe* JSON
       skylab simulate alb <file|-> [--jsonl]   route requests through ELBv2 Describe* rules: the rule walk
       skylab simulate asg <file|-> [--group <name>] [--jsonl]   run an Auto Scaling group through a load: the timeline
       skylab lint <file|-> [--kind <kind>] [--json]   lint a policy, security group, ASG, ALB … (JSON or YAML)
       skylab schema <kind>         print the JSON Schema of an artifact kind (the kinds skylab lint takes), for editors
       skylab users promote <email> <learner|instructor|admin>   set an account's role (the first admin)`;

interface LoadedLab {
  file: string;
  folder: string;
  lab?: Lab;
  findings: Finding[];
}

function loadAll(io: CliIo, dir: string): LoadedLab[] | undefined {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) {
    io.err(`no such directory \`${dir}\``);
    return undefined;
  }
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'lab.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const file = relative(io.cwd, join(root, folder, 'lab.yaml')) || 'lab.yaml';
      const text = readFileSync(join(root, folder, 'lab.yaml'), 'utf8');
      const { lab, findings } = loadLab(text, file);
      return { file, folder, ...(lab ? { lab } : {}), findings };
    });
}

function validate(io: CliIo, dir: string): number {
  const labs = loadAll(io, dir);
  if (!labs) return 2;
  let errors = 0;
  for (const { file, findings } of labs) {
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

function test(io: CliIo, dir: string): number {
  const labs = loadAll(io, dir);
  if (!labs) return 2;
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

/** Runs the `skylab` command line and returns its exit code. */
export function runCli(args: readonly string[], io: CliIo): number {
  const [group, command, dir = 'labs', ...rest] = args;
  if (group === 'simulate' && command === 'network') return simulateNetwork(args.slice(2), io);
  if (group === 'simulate' && command === 'alb') return simulateAlb(args.slice(2), io);
  if (group === 'simulate' && command === 'asg') return simulateAsg(args.slice(2), io);
  if (group === 'simulate' && command === 'iam') return simulateIam(args.slice(2), io);
  if (group === 'lint') return lintCommand(args.slice(1), io);
  if (group === 'schema') return schemaCommand(args.slice(1), io);
  if (group === 'labs' && command === 'schema' && args.length === 2) return schemaCommand(['lab'], io);
  if (group !== 'labs' || (command !== 'validate' && command !== 'test') || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  return command === 'validate' ? validate(io, dir) : test(io, dir);
}
