import { LineIndex } from '@skylab/validation';

/** A problem with the input itself, reported with where it is: `file`: line 3: unknown key `Querys`. */
export class InputError extends Error {}

/** One JSON document of the input and where it starts: `line 3` for JSON Lines, `item 2` in an array, nothing for a lone object. */
export interface InputDocument {
  where?: string;
  value: Record<string, unknown>;
}

/** One line of JSON Lines: its number and its value, or why it is not JSON. */
export type JsonLine = { line: number; value: unknown } | { line: number; error: string };

// V8 names the offset of a syntax error ("… in JSON at position 12", newer releases add "(line 2 column 3)").
const POSITION = / (?:in|after) JSON at position (\d+)(?: \(line \d+ column \d+\))?/;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** JSON.parse's complaint, lowercased and with line and column in place of the character offset. */
export function jsonSyntaxMessage(error: unknown, text: string): string {
  const message = (error as Error).message;
  const match = POSITION.exec(message);
  const offset = match ? Number(match[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  const reason = lowerFirst(message.replace(POSITION, ''));
  if (offset === undefined) return reason;
  const { line, column } = new LineIndex(text).position(offset);
  return `line ${line}, column ${column}: ${reason}`;
}

/** Every non-empty line parsed on its own, so one bad line does not stop the others. */
export function jsonLines(text: string): JsonLine[] {
  const parsed: JsonLine[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]?.trim() ?? '';
    if (row === '') continue;
    try {
      parsed.push({ line: i + 1, value: JSON.parse(row) });
    } catch (error) {
      parsed.push({ line: i + 1, error: lowerFirst((error as Error).message) });
    }
  }
  return parsed;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, where: string): InputDocument {
  if (!isObject(value)) throw new InputError(`${where}: a document must be a json object`);
  return { where, value };
}

/** JSON Lines when the whole text is not one JSON value but its first line is: each line a document. */
function documentsFromLines(text: string, wholeError: unknown): InputDocument[] {
  const lines = jsonLines(text);
  if (lines.length === 0) throw new InputError('the input is empty');
  const [first] = lines;
  if (first && 'error' in first) throw new InputError(jsonSyntaxMessage(wholeError, text));
  return lines.map((l) => {
    if ('error' in l) throw new InputError(`line ${l.line}: ${l.error}`);
    return objectAt(l.value, `line ${l.line}`);
  });
}

/** The documents of an input: one JSON object, an array of objects, or JSON Lines (one object per line). */
export function readDocuments(text: string): { documents: InputDocument[]; lines: boolean } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { documents: documentsFromLines(text, error), lines: true };
  }
  if (Array.isArray(value)) return { documents: value.map((v, i) => objectAt(v, `item ${i + 1}`)), lines: false };
  if (isObject(value)) return { documents: [{ value }], lines: false };
  throw new InputError('the input must be a json object, an array of objects, or json lines');
}
