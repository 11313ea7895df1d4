import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { loadLab, summarize, type Lab, type LabSummary } from '@skylab/lab-engine';
import type { Finding, Position } from '@skylab/validation';

/** A lab file as text, with its repository-relative path (`labs/<id>/lab.yaml`). */
export interface LabSource {
  path: string;
  text: string;
}

export interface RegisteredLab {
  lab: Lab;
  summary: LabSummary;
  /** SHA-256 of the lab text: attempts record it, so a regrade can tell whether the lab changed. */
  version: string;
  path: string;
}

/** The labs the server offers, loaded once at start (Node) or per isolate (Worker). */
export interface LabRegistry {
  list(): LabSummary[];
  get(id: string): RegisteredLab | undefined;
}

export interface LoadedLabs {
  registry: LabRegistry;
  /** One line per problem in a skipped lab: `labs/x/lab.yaml:LINE:COL severity ruleId message`. */
  problems: string[];
}

export function formatFinding(path: string, finding: Finding): string {
  const start = finding.range?.start;
  return `${path}:${start?.line ?? 1}:${start?.column ?? 1} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}

/** The folder of `labs/<folder>/lab.yaml`, which must equal the lab's id so ids stay unique. */
function folderOf(path: string): string | undefined {
  return /(?:^|\/)([^/]+)\/lab\.ya?ml$/.exec(path)?.[1];
}

/** Where the value of the top-level `id:` starts, so the editor can underline it. */
function idPosition(text: string): Position {
  const match = /^id[ \t]*:[ \t]*/m.exec(text);
  if (!match) return { line: 1, column: 1, offset: 0 };
  const offset = match.index + match[0].length;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), offset };
}

function idMismatch(source: LabSource, id: string, folder: string): Finding {
  const position = idPosition(source.text);
  return {
    ruleId: 'lab/id-matches-folder',
    severity: 'error',
    path: ['id'],
    range: { start: position, end: position },
    message: `lab id \`${id}\` must equal its folder name \`${folder}\``,
  };
}

/** Loads every source; a lab that does not validate is reported and left out, the rest still load. */
export function loadLabSources(sources: readonly LabSource[]): LoadedLabs {
  const labs = new Map<string, RegisteredLab>();
  const problems: string[] = [];
  for (const source of sources) {
    const { lab, findings } = loadLab(source.text, source.path);
    const folder = folderOf(source.path);
    const errors = lab && folder && lab.id !== folder ? [...findings, idMismatch(source, lab.id, folder)] : findings;
    if (!lab || errors.length > findings.length) {
      problems.push(...errors.map((finding) => formatFinding(source.path, finding)));
      continue;
    }
    labs.set(lab.id, { lab, summary: summarize(lab), version: encodeHexLowerCase(sha256(new TextEncoder().encode(source.text))), path: source.path });
  }
  const summaries = [...labs.values()].map((entry) => entry.summary).sort((a, b) => a.id.localeCompare(b.id));
  return { registry: { list: () => summaries, get: (id) => labs.get(id) }, problems };
}
