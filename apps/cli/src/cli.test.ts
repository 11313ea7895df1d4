import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readsStdin, runCli, type CliIo } from './cli.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  let n = 0;
  const value: CliIo = {
    cwd,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdin: () => '',
    // Ids in the shape AWS gives them (`i-` and 17 hex digits), as the CLI itself makes them: ELBv2 refuses another instance id.
    ctx: () => ({ clock: { now: () => 0 }, ids: { next: (p) => `${p}${String(++n).padStart(17, '0')}` }, accountId: '111122223333', region: 'us-east-1' }),
  };
  return { value, out, err };
}

function workspace(labs: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'skylab-cli-'));
  dirs.push(dir);
  for (const [folder, text] of Object.entries(labs)) {
    mkdirSync(join(dir, 'labs', folder), { recursive: true });
    writeFileSync(join(dir, 'labs', folder, 'lab.yaml'), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('skylab labs', () => {
  it('validates the repository labs without findings', () => {
    const { value, out } = io(REPO);
    expect(runCli(['labs', 'validate', 'labs'], value)).toBe(0);
    expect(out.at(-1)).toMatch(/^\d+ labs? checked, 0 errors$/);
  });

  // Every lab's whole self-test, mutants included: seconds of work, more on a loaded CI machine.
  it('runs the repository labs self-tests', { timeout: 120_000 }, () => {
    const { value, out } = io(REPO);
    expect(runCli(['labs', 'test'], value)).toBe(0);
    expect(out).toContain('ok   iam-s3-read-only (30 runs; 12 mutants: 12 killed, 0 equivalent, 0 refused, 0 survived)');
  });

  it('tests one lab when given its folder, with the catalogue beside it', () => {
    const { value, out } = io(REPO);
    expect(runCli(['labs', 'test', 'labs/iam-s3-read-only'], value)).toBe(0);
    expect(out).toEqual(['ok   iam-s3-read-only (30 runs; 12 mutants: 12 killed, 0 equivalent, 0 refused, 0 survived)', '1 passed, 0 failed']);
  });

  it('prints findings as file:line:column severity ruleId message and exits 1', () => {
    const good = readFileSync(join(REPO, 'labs/iam-s3-read-only/lab.yaml'), 'utf8');
    const cwd = workspace({
      broken: 'apiVersion: skylab.dev/v1\nid: broken\ntitle: [unclosed\n',
      renamed: good,
      templated: good.replace('user/app-reader"', 'user/{{ user }}"'),
    });
    const { value, out } = io(cwd);
    expect(runCli(['labs', 'validate'], value)).toBe(1);
    expect(out).toContain('labs/renamed/lab.yaml:3:5 error lab/id-matches-folder the lab id `iam-s3-read-only` differs from its folder `renamed`');
    expect(out.some((line) => /^labs\/broken\/lab\.yaml:\d+:\d+ error yaml\/syntax /.test(line))).toBe(true);
    expect(out.some((line) => /^labs\/templated\/lab\.yaml:\d+:\d+ error lab\/unknown-template-variable unknown template variable `user`/.test(line))).toBe(true);
  });

  it('checks every misconception tag against the folder\'s misconceptions.yaml, and reports the catalogue\'s own problems', () => {
    const good = readFileSync(join(REPO, 'labs/iam-s3-read-only/lab.yaml'), 'utf8');
    const cwd = workspace({ 'iam-s3-read-only': good });
    const catalogue = readFileSync(join(REPO, 'labs/misconceptions.yaml'), 'utf8');
    writeFileSync(join(cwd, 'labs/misconceptions.yaml'), catalogue.replace('- id: wildcard-action\n', '- id: wildcard-actions\n'));
    const { value, out } = io(cwd);
    expect(runCli(['labs', 'validate'], value)).toBe(1);
    expect(out.some((line) => /^labs\/iam-s3-read-only\/lab\.yaml:\d+:\d+ error lab\/unknown-misconception there is no misconception `wildcard-action` in the catalogue/.test(line))).toBe(true);

    writeFileSync(join(cwd, 'labs/misconceptions.yaml'), `${catalogue}  - id: wildcard-action\n    title: again\n    explanation: twice\n`);
    const again = io(cwd);
    expect(runCli(['labs', 'validate'], again.value)).toBe(1);
    expect(again.out.some((line) => /^labs\/misconceptions\.yaml:\d+:\d+ error misconceptions\/duplicate-id duplicate misconception id `wildcard-action`/.test(line))).toBe(true);
  });

  it('fails the self-test of a lab whose wrong answer no longer fails what it declares', () => {
    const cwd = workspace({});
    cpSync(join(REPO, 'labs/iam-s3-read-only'), join(cwd, 'labs/iam-s3-read-only'), { recursive: true });
    const file = join(cwd, 'labs/iam-s3-read-only/lab.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('fails: [list-bucket, least-privilege]', 'fails: [list-bucket, least-privilege, get-object]'));
    const { value, out } = io(cwd);
    expect(runCli(['labs', 'test'], value)).toBe(1);
    expect(out.join('\n')).toContain('object-arn-only [seed self-test-1]: expected to fail `get-object` but passed');
  });

  it('fails the self-test of a lab whose checks let a mutant of the solution survive, and names the mutant', () => {
    const cwd = workspace({});
    cpSync(join(REPO, 'labs/iam-s3-read-only'), join(cwd, 'labs/iam-s3-read-only'), { recursive: true });
    const file = join(cwd, 'labs/iam-s3-read-only/lab.yaml');
    // The exhaustive check worth nothing: a policy that also reads EC2 fails only it, and still scores 100%.
    writeFileSync(file, readFileSync(file, 'utf8').replace('    points: 3\n    equivalent-access:', '    points: 0\n    equivalent-access:'));
    const { value, out } = io(cwd);
    expect(runCli(['labs', 'test'], value)).toBe(1);
    expect(out.join('\n')).toMatch(/FAIL iam-s3-read-only \(30 runs; 12 mutants: 8 killed, 0 equivalent, 0 refused, 4 survived\)/);
    expect(out.join('\n')).toContain('mutant survived: task `reader-policy`: a statement allowing `ec2:DescribeInstances` on `*` added');
    expect(out.join('\n')).toContain('it fails only `least-privilege`, worth no points, so it still scores 100%');
  });

  it('names the answer when a finding points into an answer rather than into the lab file', () => {
    const cwd = workspace({});
    cpSync(join(REPO, 'labs/iam-s3-read-only'), join(cwd, 'labs/iam-s3-read-only'), { recursive: true });
    const file = join(cwd, 'labs/iam-s3-read-only/lab.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"Sid": "ListTheBucket"');
    writeFileSync(file, text.replace('"Sid": "ListTheBucket"', '"Sid": "ListTheBucket",,'));
    const { value, out } = io(cwd);
    expect(runCli(['labs', 'test'], value)).toBe(1);
    expect(out.some((line) => /^ {4}labs\/iam-s3-read-only\/lab\.yaml\[answer reader-policy\]:5:\d+ error json\//.test(line)), out.join('\n')).toBe(true);
  });

  it.each([[[]], [['labs']], [['labs', 'lint']], [['labs', 'validate', 'labs', 'extra']], [['labs', 'schema', 'x']]])('prints usage for %j', (args) => {
    const { value, err } = io(REPO);
    expect(runCli(args, value)).toBe(2);
    expect(err[0]).toMatch(/^usage: skylab labs validate/);
  });

  it('prints the lab JSON Schema', () => {
    const { value, out } = io(REPO);
    expect(runCli(['labs', 'schema'], value)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ type: 'object', required: expect.arrayContaining(['apiVersion', 'id', 'tasks', 'checks']) });
  });

  it('reports a missing directory', () => {
    const { value, err } = io(REPO);
    expect(runCli(['labs', 'validate', 'no-such-dir'], value)).toBe(2);
    expect(err).toEqual(['no such directory `no-such-dir`']);
  });
});

describe('skylab exams', () => {
  const practice = () => readFileSync(join(REPO, 'exams/aws-foundations-practice/exam.yaml'), 'utf8');

  /** A workspace with the repository's labs and the exams given by folder. */
  function examWorkspace(exams: Record<string, string>): string {
    const cwd = workspace({});
    cpSync(join(REPO, 'labs'), join(cwd, 'labs'), { recursive: true });
    for (const [folder, text] of Object.entries(exams)) {
      mkdirSync(join(cwd, 'exams', folder), { recursive: true });
      writeFileSync(join(cwd, 'exams', folder, 'exam.yaml'), text);
    }
    return cwd;
  }

  it('validates the repository exams against the repository labs', () => {
    const { value, out } = io(REPO);
    expect(runCli(['exams', 'validate'], value)).toBe(0);
    expect(out).toEqual(['1 exam checked, 0 errors']);
  });

  // Every item of the practice exam on three seeds, hands-on items graded by their labs: seconds of work.
  it('runs the repository exams self-tests', { timeout: 120_000 }, () => {
    const { value, out } = io(REPO);
    expect(runCli(['exams', 'test', 'exams', '--labs', 'labs'], value)).toBe(0);
    expect(out).toEqual(['ok   aws-foundations-practice (9 runs: every item, a paper with its key and an empty paper on 3 seeds)', '1 passed, 0 failed']);
  });

  it('prints findings as file:line:column severity ruleId message and exits 1', () => {
    const cwd = examWorkspace({
      renamed: practice(),
      'aws-foundations-practice': practice().replace('task: reader-policy', 'task: writer-policy'),
    });
    const { value, out } = io(cwd);
    expect(runCli(['exams', 'validate'], value)).toBe(1);
    expect(out).toContain('exams/renamed/exam.yaml:3:5 error exam/id-matches-folder the exam id `aws-foundations-practice` differs from its folder `renamed`');
    expect(out.some((line) => /^exams\/aws-foundations-practice\/exam\.yaml:\d+:\d+ error exam\/unknown-task lab `iam-s3-read-only` has no task `writer-policy`/.test(line))).toBe(true);
    expect(out.at(-1)).toBe('2 exams checked, 2 errors');
  });

  it('fails the self-test of an exam whose hands-on item no longer earns full marks with the lab\'s solution', { timeout: 120_000 }, () => {
    const cwd = examWorkspace({ 'aws-foundations-practice': practice() });
    const lab = join(cwd, 'labs/iam-s3-read-only/lab.yaml');
    // A check no answer can pass: the solution now misses its points, and the exam test names the item and the check.
    writeFileSync(lab, readFileSync(lab, 'utf8').replace('action: s3:GetObject\n      resource: arn:aws:s3:::my-app-bucket/reports/2024/summary.csv', 'action: s3:PutObject\n      resource: arn:aws:s3:::my-app-bucket/reports/2024/summary.csv'));
    const { value, out } = io(cwd);
    expect(runCli(['exams', 'test'], value)).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/^FAIL aws-foundations-practice/m);
    expect(text).toContain('item `lab-s3-read-only` scores');
    expect(text).toContain('check `get-object`');
  });

  it.each([[['exams']], [['exams', 'validate', 'a', 'b']], [['exams', 'test', '--labs']], [['exams', 'schema', 'x']]])('prints usage for %j', (args) => {
    const { value, err } = io(REPO);
    expect(runCli(args, value)).toBe(2);
    expect(err[0]).toMatch(/^usage: skylab (labs validate|exams validate)/);
  });

  it('prints the exam JSON Schema, as committed in exams/exam.schema.json', () => {
    const { value, out } = io(REPO);
    expect(runCli(['exams', 'schema'], value)).toBe(0);
    expect(`${out.join('\n')}\n`).toBe(readFileSync(join(REPO, 'exams/exam.schema.json'), 'utf8'));
  });

  it('reports a missing directory', () => {
    const { value, err } = io(REPO);
    expect(runCli(['exams', 'validate', 'no-such-dir'], value)).toBe(2);
    expect(err).toEqual(['no such directory `no-such-dir`']);
  });
});

describe('skylab --help', () => {
  it.each([
    [['labs', 'validate', '--help'], 'usage: skylab labs validate'],
    [['labs', 'test', '-h'], 'usage: skylab labs validate'],
    [['labs', 'schema', '--help'], 'usage: skylab labs validate'],
    [['exams', 'validate', '--help'], 'usage: skylab exams validate'],
    [['exams', 'test', '-h'], 'usage: skylab exams validate'],
    [['simulate', 'iam', '--help'], 'usage: skylab simulate iam'],
    [['simulate', 'network', '-', '--help'], 'usage: skylab simulate network'],
    [['simulate', 'alb', '--help'], 'usage: skylab simulate alb'],
    [['simulate', 'asg', '--help'], 'usage: skylab simulate asg'],
    [['lint', '--help'], 'usage: skylab lint'],
    [['schema', '--help'], 'usage: skylab schema'],
    [['help', 'users'], 'usage: skylab users promote'],
    [['help', 'simulate', 'network'], 'usage: skylab simulate network'],
  ])('%j prints the command, an example and the exit codes on stdout', (args, usage) => {
    const { value, out, err } = io(REPO);
    expect(runCli(args, value)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text.startsWith(usage)).toBe(true);
    expect(text).toMatch(/\nexamples:\n {2}skylab \S+/);
    expect(text).toContain('\nexit codes:\n  0 ');
  });

  it.each([[['--help']], [['help']], [['-h']], [['simulate', '--help']]])('%j prints every command and the exit codes', (args) => {
    const { value, out } = io(REPO);
    expect(runCli(args, value)).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: skylab labs validate[\s\S]*skylab users promote[\s\S]*exit codes:/);
  });
});

describe('readsStdin', () => {
  it.each([
    [['simulate', 'iam', '-'], true],
    [['lint', '-', '--kind', 'iam-scp'], true],
    [['simulate', 'iam', 'request.json'], false],
    [['simulate', 'network', '-', '--help'], false],
    [['help', 'lint', '-'], false],
  ])('%j: %s', (args, reads) => {
    expect(readsStdin(args)).toBe(reads);
  });
});
