import { ARTIFACT_KINDS, detectKind, formatFinding, lint, type ArtifactKind } from '@skylab/validation';
import { readInput } from './read-input.ts';
import { helpText } from './usage.ts';

/** Where `skylab lint` reads relative paths from and writes to. */
export interface LintIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: skylab lint <file|-> [--kind <kind>] [--json]
  lints one learner artifact (JSON or YAML); the kind is detected from its keys unless --kind is given
  kinds: ${ARTIFACT_KINDS.join(', ')}
  exit code 1 when there are errors`;

export const LINT_HELP = helpText(USAGE, ['skylab lint policy.json', 'skylab lint sg.yaml --kind security-groups --json', 'cat policy.json | skylab lint - --kind iam-identity-policy']);

function parseArgs(args: readonly string[]): { file: string; kind?: string; json: boolean } | undefined {
  let kind: string | undefined;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--kind') kind = args[++i];
    else if (arg.startsWith('--kind=')) kind = arg.slice('--kind='.length);
    else if (arg.startsWith('--')) return undefined;
    else files.push(arg);
  }
  if (files.length !== 1 || (kind !== undefined && kind === '')) return undefined;
  return { file: files[0] as string, ...(kind !== undefined ? { kind } : {}), json };
}

/** `skylab lint <file|-> [--kind K] [--json]`: findings as `file:line:column severity ruleId message` plus help, or JSON. */
export function lintCommand(args: readonly string[], io: LintIo, stdin: () => string): number {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.err(USAGE);
    return 2;
  }
  if (parsed.kind !== undefined && !(ARTIFACT_KINDS as readonly string[]).includes(parsed.kind)) {
    io.err(`unknown kind \`${parsed.kind}\`: use one of ${ARTIFACT_KINDS.join(', ')}`);
    return 2;
  }
  const text = readInput(parsed.file, io, stdin);
  if (text === undefined) return 2;
  const kind = (parsed.kind as ArtifactKind | undefined) ?? detectKind(text);
  if (!kind) {
    io.err(`cannot tell what kind of artifact \`${parsed.file}\` is: pass --kind (one of ${ARTIFACT_KINDS.join(', ')})`);
    return 2;
  }
  const { findings } = lint(kind, text);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const name = parsed.file === '-' ? '<stdin>' : parsed.file;
  if (parsed.json) {
    io.out(JSON.stringify({ file: name, kind, findings }, null, 2));
  } else {
    for (const finding of findings) {
      io.out(formatFinding(finding, name));
      if (finding.help) io.out(`  help: ${finding.help}`);
      if (finding.learnMore) io.out(`  see: ${finding.learnMore}`);
    }
    io.out(`${name}: ${kind}, ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}`);
  }
  return errors > 0 ? 1 : 0;
}
