import type { ComponentChildren } from 'preact';

/** A policy or trust document, scrollable and reachable by keyboard. */
export function PolicyDocument({ label, document }: { label: string; document: string }) {
  return (
    <pre class="code-block console-document" tabIndex={0} role="group" aria-label={label}>
      <code>{document}</code>
    </pre>
  );
}

/** What a tab says when the account has none of its resources. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="muted">{children}</p>;
}

/** A scrollable table, reachable by keyboard and named for screen readers. */
export function ConsoleTable({ label, head, rows }: { label: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table>
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">{cell}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A resource's name and id as the console shows them: `web-a (i-0abc…)`, or the id alone. */
export function nameAndId(name: string | undefined, id: string): string {
  return name === undefined ? id : `${name} (${id})`;
}
