import type { Finding, Misconception } from '@skylab/validation';
import { labVersion, loadLabSource, type RegisteredLab } from './lab-registry.ts';

// Labs published to courses, parsed once per text per process, isolate or grading thread: a lab is
// requested many times between edits, and its version (the text's hash) names it exactly.
const loaded = new Map<string, RegisteredLab>();
const MAX_CACHED = 200;

/** A published lab's text as a registered lab (`source` set, so grading jobs carry it), or the loader's findings. */
export function labFromSource(text: string, misconceptions: readonly Misconception[]): { registered?: RegisteredLab; findings: Finding[] } {
  const version = labVersion(text);
  const cached = loaded.get(version);
  if (cached) return { registered: cached, findings: [] };
  const catalogue = new Map(misconceptions.map((entry) => [entry.id, entry]));
  const { registered, findings } = loadLabSource({ path: 'lab.yaml', text }, catalogue);
  if (!registered) return { findings };
  const withSource: RegisteredLab = { ...registered, source: text };
  if (loaded.size >= MAX_CACHED) loaded.delete(loaded.keys().next().value!);
  loaded.set(version, withSource);
  return { registered: withSource, findings };
}
