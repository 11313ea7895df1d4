// Two behaviours as multisets of lines: what only one side does, each line with how many more times it occurs.

function counts(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) out.set(line, (out.get(line) ?? 0) + 1);
  return out;
}

/** The lines the learner's side has more often than the reference, and the reference's more often than the learner's. */
export function behaviourDiff(mine: readonly string[], reference: readonly string[]): { onlyMine: string[]; onlyReference: string[] } {
  const a = counts(mine);
  const b = counts(reference);
  const extra = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([line, n]) => Array.from({ length: Math.max(0, n - (y.get(line) ?? 0)) }, () => line));
  return { onlyMine: extra(a, b), onlyReference: extra(b, a) };
}

/** The explanation of a comparison: the head line, then up to `examples` differences each side. */
export function diffExplanation(head: string, diff: { onlyMine: string[]; onlyReference: string[] }, examples: number): string {
  const section = (title: string, lines: string[]) => (lines.length === 0 ? [] : [title, ...lines.slice(0, examples).map((l) => `- ${l}`), ...(lines.length > examples ? [`… and ${lines.length - examples} more`] : [])]);
  return [head, ...section('yours, not the reference:', diff.onlyMine), ...section('the reference, not yours:', diff.onlyReference)].join('\n');
}
