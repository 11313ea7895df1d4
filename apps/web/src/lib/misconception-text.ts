import type { Misconception } from '../api/types.ts';

/** Until the catalogue arrives (or for a tag it lacks), the tag itself in words: `bucket-arn-vs-object-arn` → `bucket arn vs object arn`. */
export function tagAsWords(tag: string): string {
  return tag.replaceAll('-', ' ');
}

/** The catalogue entry of each tag, in the check's order; a tag the catalogue lacks keeps only its words. */
export function describeTags(tags: readonly string[], catalogue: readonly Misconception[] | undefined): { id: string; title: string; entry?: Misconception }[] {
  const byId = new Map((catalogue ?? []).map((entry) => [entry.id, entry]));
  return tags.map((id) => {
    const entry = byId.get(id);
    return entry === undefined ? { id, title: tagAsWords(id) } : { id, title: entry.title, entry };
  });
}
