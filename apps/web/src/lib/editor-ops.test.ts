import { describe, expect, it } from 'vitest';
import { indent, lineCount, lineRange, newline, outdent } from './editor-ops.ts';
import type { Edit } from './editor-ops.ts';

/** Applies an edit the way the textarea would and marks the selection with [ and ]. */
function run(op: (text: string, start: number, end: number) => Edit, marked: string): string {
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  const text = marked.replace('[', '').replace(']', '');
  const edit = op(text, start, end);
  const next = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  return `${next.slice(0, edit.selectionStart)}[${next.slice(edit.selectionStart, edit.selectionEnd)}]${next.slice(edit.selectionEnd)}`;
}

describe('indent (Tab)', () => {
  it.each([
    ['ab[]c', 'ab  []c'],
    ['a[bc]d', 'a  []d'],
    ['[one\ntwo]', '  [one\n  two]'],
    ['o[ne\ntw]o\nthree', '  o[ne\n  tw]o\nthree'],
    ['[one\n]two', '  [one\n]two'],
  ])('%j → %j', (before, after) => {
    expect(run(indent, before)).toBe(after);
  });
});

describe('outdent (Shift+Tab)', () => {
  it.each([
    ['    a[]b', '  a[]b'],
    [' a[]b', 'a[]b'],
    ['a[]b', 'a[]b'],
    ['  [one\n    two]', '[one\n  two]'],
    [' [] x', '[]x'],
  ])('%j → %j', (before, after) => {
    expect(run(outdent, before)).toBe(after);
  });
});

describe('newline (Enter) keeps indentation', () => {
  it.each([
    ['{[]}', '{\n[]}'],
    ['    "a": 1,[]', '    "a": 1,\n    []'],
    ['  x[yz]', '  x\n  []'],
  ])('%j → %j', (before, after) => {
    expect(run(newline, before)).toBe(after);
  });
});

describe('line helpers', () => {
  const text = 'first\nsecond\n\nfourth';
  it('counts lines, including a trailing empty one', () => {
    expect(lineCount(text)).toBe(4);
    expect(lineCount('')).toBe(1);
    expect(lineCount('a\n')).toBe(2);
  });

  it('finds the offsets of a line and clamps out-of-range lines', () => {
    expect(lineRange(text, 2)).toEqual({ start: 6, end: 12 });
    expect(lineRange(text, 3)).toEqual({ start: 13, end: 13 });
    expect(lineRange(text, 99)).toEqual({ start: 14, end: 20 });
    expect(lineRange(text, 0)).toEqual({ start: 0, end: 5 });
  });
});
