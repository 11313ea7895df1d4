import type { Finding, PathSegment } from '@skylab/validation';

// The table is a view of the answer's text, never a second copy: rows are read from the parsed text on every
// change, and an edit in a row writes the whole document back as text. So what the learner submits is always
// the text, and switching between the table and the text loses nothing but YAML comments (with a warning).

/** One editable column: a text field, a choice or a yes/no box. */
export interface Column {
  id: string;
  label: string;
  input: 'text' | 'select' | 'checkbox';
  options?: { value: string; label: string }[];
  /** A hint shown to screen readers and as the placeholder. */
  placeholder?: string;
  /** A column whose cell must have a value before this one can hold one. */
  requires?: string;
}

/** A row of the table: every cell as text, and where its parts sit in the document (for findings). */
export interface Row {
  cells: Record<string, string>;
  /** The document path of the row's element, and for each column the path of the element it edits. */
  path: PathSegment[];
  cellPaths: Record<string, PathSegment[]>;
  /** Paths under `path` that belong to other rows (the other peers of one security group rule). */
  others?: PathSegment[][];
}

/** What a kind's rows are read from: the rows and anything the kind needs to write them back. */
export interface ReadRows {
  rows: Row[];
  /** The choices of a column that depend on the document (the groups of a security group answer). */
  options?: Record<string, { value: string; label: string }[]>;
}

/** How one task kind maps between its document and rows. */
export interface RowSpec {
  columns: Column[];
  /** The rows of a parsed document, or why the table cannot show it. */
  read(value: unknown): ReadRows | { problem: string };
  /** The document with its rules replaced by `rows` (everything else kept, keys in their order). */
  write(value: unknown, rows: Record<string, string>[]): unknown;
  /** The cells of a new row, given the rows so far. */
  blank(rows: Record<string, string>[]): Record<string, string>;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `origin` with `fields` set: keys it had stay where they were (a field set to undefined is removed), new
 * keys follow in the order `fields` lists them. So an edit moves no key of the learner's text.
 */
export function assign(origin: unknown, fields: [string, unknown][]): Record<string, unknown> {
  const base = isRecord(origin) ? origin : {};
  const updates = new Map(fields);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) {
    if (!updates.has(key)) out[key] = value;
    else if (updates.get(key) !== undefined) out[key] = updates.get(key);
  }
  for (const [key, value] of fields) if (!(key in base) && value !== undefined) out[key] = value;
  return out;
}

/** A cell as the number it spells, the text itself when it is not one (validation then points at it), or nothing when empty. */
export function numberCell(text: string | undefined): number | string | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return undefined;
  return /^-?\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The value to write for a cell: the original value when the cell still shows it (so `6` stays a number and
 * `"6"` a string), else the cell converted.
 */
export function kept(origin: unknown, key: string, cell: string | undefined, convert: (cell: string | undefined) => unknown): unknown {
  if (isRecord(origin) && key in origin && cellOf(origin[key]) === (cell ?? '')) return origin[key];
  return convert(cell);
}

/** A value as its cell text. */
export function cellOf(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * The findings a row's cells point at: each finding goes to the column with the longest path it falls
 * under, and findings on the row's element itself (or a part no column edits) to `row`.
 */
export function findingsByCell(row: Row, findings: readonly Finding[]): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const finding of findings) {
    if (!startsWith(finding.path, row.path) || row.others?.some((other) => startsWith(finding.path, other))) continue;
    let best: string | undefined;
    let length = -1;
    for (const [column, path] of Object.entries(row.cellPaths)) {
      if (startsWith(finding.path, path) && path.length > length) {
        best = column;
        length = path.length;
      }
    }
    const key = best ?? 'row';
    (out[key] ??= []).push(finding);
  }
  return out;
}
