// The engines write explanations as lines: a verdict, `key events:`, a list of events, `assumed: …`. Markdown
// would run lines that are not list items together into one paragraph; each of them is its own statement,
// so each becomes its own paragraph. List items, indented continuations and fenced code keep their lines.

const KEEPS_LINE = /^(\s|[-*] |\d+[.)] )/;

/** An engine explanation as markdown in which every plain line stands alone. */
export function explanationMarkdown(text: string): string {
  const lines = text.split('\n');
  let fenced = false;
  return lines
    .map((line, i) => {
      const fence = line.trimStart().startsWith('```');
      const separator = i === 0 ? '' : fenced || KEEPS_LINE.test(line) || line === '' ? '\n' : '\n\n';
      if (fence) fenced = !fenced;
      return `${separator}${line}`;
    })
    .join('');
}
