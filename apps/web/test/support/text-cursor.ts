/** A text with `|` marking the cursor, as the text without the mark and the cursor's offset: table-driven editor tests read better that way. */
export function cursor(marked: string): [string, number] {
  const pos = marked.indexOf('|');
  return [marked.slice(0, pos) + marked.slice(pos + 1), pos];
}
