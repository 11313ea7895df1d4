import { parseText } from '@skylab/validation';
import { Lexer, stringify } from 'yaml';
import { listenerRuleRows } from './listener-rule-rows.ts';
import { naclRows } from './nacl-rows.ts';
import type { ReadRows, RowSpec } from './rule-rows.ts';
import { securityGroupRows } from './security-group-rows.ts';

const SPECS: Readonly<Record<string, RowSpec>> = {
  'security-groups': securityGroupRows,
  'nacl-entries': naclRows,
  'alb-listener-rules': listenerRuleRows,
};

/** The row spec of a task kind the table can edit, or undefined. */
export function rowSpecFor(taskKind: string): RowSpec | undefined {
  return Object.hasOwn(SPECS, taskKind) ? SPECS[taskKind] : undefined;
}

/** An answer's text as the table sees it: its value and format, or the reason the table cannot show it. */
export type AnswerDocument =
  | { ok: true; value: unknown; format: 'json' | 'yaml'; comments: boolean; read: ReadRows }
  | { ok: false; problem: string };

/** Whether a YAML text has comments: the lexer's comment tokens start with `#` (a `#` inside a quoted value is part of it). */
function hasComments(text: string): boolean {
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) return true;
  return false;
}

/** Parses an answer with the same loader the grader uses, and reads its rows. */
export function readAnswer(spec: RowSpec, text: string): AnswerDocument {
  const doc = parseText(text);
  const error = doc.findings.find((f) => f.severity === 'error');
  if (error !== undefined || doc.value === undefined) {
    const where = error?.range === undefined ? '' : ` (line ${error.range.start.line})`;
    return { ok: false, problem: `the text does not parse${where}: ${error?.message ?? 'it is empty'}` };
  }
  const read = spec.read(doc.value);
  if ('problem' in read) return { ok: false, problem: read.problem };
  const format = /^\s*[[{]/.test(text) ? 'json' : 'yaml';
  return { ok: true, value: doc.value, format, comments: format === 'yaml' && hasComments(text), read };
}

/** A value as answer text in the given format: JSON indented by two spaces, YAML in block style. */
export function answerText(value: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}

/** The text after the table's rows changed: the document with its rules replaced, in its own format. */
export function writeAnswer(spec: RowSpec, doc: Extract<AnswerDocument, { ok: true }>, rows: Record<string, string>[]): string {
  return answerText(spec.write(doc.value, rows), doc.format);
}
