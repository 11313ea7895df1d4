import { api } from '../api/client.ts';
import type { Misconception } from '../api/types.ts';
import { describeTags } from '../lib/misconception-text.ts';
import { useResource } from '../use-resource.ts';
import { MarkdownView } from './markdown-view.tsx';

// One request per page load, shared by every check of every grade on it; a failed load is tried again next time.
let catalogue: Promise<Misconception[]> | undefined;
function loadCatalogue(): Promise<Misconception[]> {
  catalogue ??= api.misconceptions().catch((error: unknown) => {
    catalogue = undefined;
    throw error;
  });
  return catalogue;
}

/** A failing check's misconception tags, each as its title with the explanation on request. */
export function MisconceptionList({ tags }: { tags: readonly string[] }) {
  const resource = useResource('misconceptions', loadCatalogue);
  const described = describeTags(tags, resource.state === 'ready' ? resource.data : undefined);
  return (
    <ul class="misconceptions" aria-label="Possible misconceptions">
      {described.map(({ id, title, entry }) => (
        <li key={id} class="misconception" data-misconception={id}>
          {entry === undefined ? (
            <span class="tag tag-misconception">{title}</span>
          ) : (
            <details>
              <summary><span class="tag tag-misconception">{title}</span></summary>
              <div class="misconception-explanation">
                <MarkdownView source={entry.explanation} />
                {entry.learnMore === undefined ? null : (
                  <p class="small"><a href={entry.learnMore} target="_blank" rel="noopener noreferrer">AWS documentation</a></p>
                )}
              </div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
