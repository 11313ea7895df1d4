import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { loadLab, summarize, type Lab, type LabSummary } from '@skylab/lab-engine';
import { formatFinding } from '@skylab/validation';

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

/** Loads every source; a lab that does not validate is reported and left out, the rest still load. */
export function loadLabSources(sources: readonly LabSource[]): LoadedLabs {
  const labs = new Map<string, RegisteredLab>();
  const problems: string[] = [];
  for (const source of sources) {
    const { lab, findings } = loadLab(source.text, source.path);
    if (!lab) {
      problems.push(...findings.map((finding) => formatFinding(finding, source.path)));
      continue;
    }
    labs.set(lab.id, { lab, summary: summarize(lab), version: encodeHexLowerCase(sha256(new TextEncoder().encode(source.text))), path: source.path });
  }
  const summaries = [...labs.values()].map((entry) => entry.summary).sort((a, b) => a.id.localeCompare(b.id));
  return { registry: { list: () => summaries, get: (id) => labs.get(id) }, problems };
}
