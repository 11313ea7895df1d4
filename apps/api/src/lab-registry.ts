import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { loadLab, loadMisconceptions, summarize, type Lab, type LabSummary, type MisconceptionCatalogue } from '@skylab/lab-engine';
import { formatFinding, type Finding, type Misconception } from '@skylab/validation';

/** A lab file as text, with its repository-relative path (`labs/<id>/lab.yaml`), or the misconception catalogue (`labs/misconceptions.yaml`). */
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
  /** The text of a lab not loaded at start (published to a course): grading jobs carry it to their thread. */
  source?: string;
}

/** The labs the server offers, loaded once at start (Node) or per isolate (Worker). */
export interface LabRegistry {
  list(): LabSummary[];
  get(id: string): RegisteredLab | undefined;
  /** The catalogue the labs' misconception tags come from; empty when the labs folder has none. */
  misconceptions(): readonly Misconception[];
}

export interface LoadedLabs {
  registry: LabRegistry;
  /** One line per problem in a skipped lab: `labs/x/lab.yaml:LINE:COL severity ruleId message`. */
  problems: string[];
}

const CATALOGUE = /(?:^|\/)misconceptions\.yaml$/;

/**
 * The catalogue among the sources, if any. A catalogue that does not load is reported, and the labs are
 * then checked against an empty one: every tagged lab is skipped rather than shown with unexplained tags.
 */
function loadCatalogue(sources: readonly LabSource[], problems: string[]): MisconceptionCatalogue | undefined {
  const source = sources.find((s) => CATALOGUE.test(s.path));
  if (source === undefined) return undefined;
  const { catalogue, findings } = loadMisconceptions(source.text, source.path);
  problems.push(...findings.filter((f) => f.severity === 'error').map((finding) => formatFinding(finding, source.path)));
  return catalogue ?? new Map();
}

/** SHA-256 of a lab text, hex: its version. */
export function labVersion(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

/** One lab text loaded as the server loads every lab, its tags checked against `catalogue` when there is one. */
export function loadLabSource(source: LabSource, catalogue: MisconceptionCatalogue | undefined): { registered?: RegisteredLab; findings: Finding[] } {
  const { lab, findings } = loadLab(source.text, source.path, catalogue === undefined ? {} : { misconceptions: catalogue });
  if (!lab) return { findings };
  return { registered: { lab, summary: summarize(lab), version: labVersion(source.text), path: source.path }, findings };
}

/** Loads every source; a lab that does not validate is reported and left out, the rest still load. */
export function loadLabSources(sources: readonly LabSource[]): LoadedLabs {
  const labs = new Map<string, RegisteredLab>();
  const problems: string[] = [];
  const catalogue = loadCatalogue(sources, problems);
  for (const source of sources.filter((s) => !CATALOGUE.test(s.path))) {
    const { registered, findings } = loadLabSource(source, catalogue);
    if (!registered) {
      problems.push(...findings.map((finding) => formatFinding(finding, source.path)));
      continue;
    }
    labs.set(registered.lab.id, registered);
  }
  const summaries = [...labs.values()].map((entry) => entry.summary).sort((a, b) => a.id.localeCompare(b.id));
  const misconceptions = [...(catalogue?.values() ?? [])];
  return { registry: { list: () => summaries, get: (id) => labs.get(id), misconceptions: () => misconceptions }, problems };
}
