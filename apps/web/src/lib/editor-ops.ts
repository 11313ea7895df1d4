/**
 * Text edits the code editor performs, as pure functions over (text, selection) so they can be tested
 * without a DOM. The component applies an Edit through the browser's own editing commands, which keeps
 * the textarea's undo history intact.
 */
export interface Edit {
  from: number;
  to: number;
  insert: string;
  selectionStart: number;
  selectionEnd: number;
}

const INDENT = '  ';

function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** The lines a selection touches; a selection ending right after a newline does not touch the next line. */
function touchedLines(text: string, start: number, end: number): { from: number; to: number } {
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  return { from: lineStartAt(text, start), to: lineEndAt(text, last) };
}

/** Tab: two spaces at the caret, or every selected line indented when the selection spans lines. */
export function indent(text: string, start: number, end: number): Edit {
  if (!text.slice(start, end).includes('\n')) {
    return { from: start, to: end, insert: INDENT, selectionStart: start + INDENT.length, selectionEnd: start + INDENT.length };
  }
  const { from, to } = touchedLines(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const insert = lines.map((line) => INDENT + line).join('\n');
  return { from, to, insert, selectionStart: start + INDENT.length, selectionEnd: end + INDENT.length * lines.length };
}

/** Shift+Tab: up to two leading spaces removed from every touched line. */
export function outdent(text: string, start: number, end: number): Edit {
  const { from, to } = touchedLines(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const removed = lines.map((line) => (/^ {1,2}/.exec(line)?.[0].length ?? 0));
  const insert = lines.map((line, index) => line.slice(removed[index])).join('\n');
  const firstRemoved = Math.min(removed[0] ?? 0, start - from);
  const totalRemoved = removed.reduce((sum, n) => sum + n, 0);
  return {
    from,
    to,
    insert,
    selectionStart: start - firstRemoved,
    selectionEnd: Math.max(start - firstRemoved, end - totalRemoved),
  };
}

/** Enter: a new line that keeps the current line's indentation, so nested JSON stays aligned. */
export function newline(text: string, start: number, end: number): Edit {
  const lineStart = lineStartAt(text, start);
  const leading = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  const insert = `\n${leading}`;
  return { from: start, to: end, insert, selectionStart: start + insert.length, selectionEnd: start + insert.length };
}

export function lineCount(text: string): number {
  let count = 1;
  for (const char of text) if (char === '\n') count += 1;
  return count;
}

/** Start and end offsets of a 1-based line, clamped to the text, the end excluding the newline. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i += 1) start += lines[i]!.length + 1;
  return { start, end: start + lines[index]!.length };
}
