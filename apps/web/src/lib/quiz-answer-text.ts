/**
 * The picks of a quiz answer read from its text, for the option lists: JSON, or the YAML that
 * `formatQuizAnswer` writes (`answers:` then `  <question>: [<option>, …]` lines). `undefined` when the
 * text is neither, so the lists do not pretend to know what a hand-edited answer picks.
 */
export function readQuizPicks(text: string): Record<string, string[]> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const answers = value !== null && typeof value === 'object' ? (value as { answers?: unknown }).answers : undefined;
    if (answers === null || typeof answers !== 'object') return undefined;
    return Object.fromEntries(Object.entries(answers).map(([q, ids]) => [q, Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []]));
  } catch {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines[0]?.trim() !== 'answers:') return undefined;
    const picks: Record<string, string[]> = {};
    for (const line of lines.slice(1)) {
      const match = /^\s+([a-z0-9-]+):\s*\[([^\]]*)\]\s*$/.exec(line);
      if (match === null) return undefined;
      picks[match[1]!] = match[2]!.split(',').map((id) => id.trim()).filter((id) => id !== '');
    }
    return picks;
  }
}

/** The answer text for picks, in the order of `questionIds` (YAML, as the starter is written). */
export function formatQuizAnswer(questionIds: readonly string[], picks: Record<string, readonly string[]>): string {
  return `answers:\n${questionIds.map((id) => `  ${id}: [${(picks[id] ?? []).join(', ')}]`).join('\n')}\n`;
}

/** The picks after the learner clicks `option` of `question`: a radio replaces, a checkbox toggles. */
export function togglePick(picks: Record<string, readonly string[]>, question: string, option: string, multiple: boolean): Record<string, string[]> {
  const current = picks[question] ?? [];
  const next = !multiple ? [option] : current.includes(option) ? current.filter((id) => id !== option) : [...current, option];
  return { ...Object.fromEntries(Object.entries(picks).map(([q, ids]) => [q, [...ids]])), [question]: next };
}
