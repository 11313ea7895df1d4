/** A position inside a JSON document: object keys and array indexes. */
export type JsonPath = (string | number)[];

/** One string of a JSON text, closed or still being typed; `from`/`to` bound its content as written, quotes excluded, and `value` is it unescaped. */
export interface JsonString {
  from: number;
  to: number;
  value: string;
  /** An object key rather than a value. */
  isKey: boolean;
  /** For a key, the path of its object; for a value, its own path. */
  path: JsonPath;
}

interface Frame {
  kind: 'object' | 'array';
  key: string;
  index: number;
  expectKey: boolean;
}

const segment = (frame: Frame): string | number => (frame.kind === 'object' ? frame.key : frame.index);

/** The end of a string that starts at `start` (its opening quote): its closing quote, or the line end while it is still open. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"' && text[at] !== '\n') at += text[at] === '\\' ? 2 : 1;
  return Math.min(at, text.length);
}

/** A string's content with its escapes read, or as written while an escape is still half typed. */
function readEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Every string of a JSON text with its path, read forgivingly: the learner is mid-edit, so an unclosed
 * string ends at its line and unbalanced brackets simply leave the path where it is.
 */
export function jsonStrings(text: string): JsonString[] {
  const frames: Frame[] = [];
  const strings: JsonString[] = [];
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const top = frames[frames.length - 1];
    if (char === '"') {
      const end = stringEnd(text, at);
      const value = readEscapes(text.slice(at + 1, end));
      const isKey = top?.kind === 'object' && top.expectKey;
      strings.push({ from: at + 1, to: end, value, isKey, path: (isKey ? frames.slice(0, -1) : frames).map(segment) });
      if (isKey) {
        top.key = value;
        top.expectKey = false;
      }
      at = end;
    } else if (char === '{' || char === '[') {
      frames.push({ kind: char === '{' ? 'object' : 'array', key: '', index: 0, expectKey: char === '{' });
    } else if (char === '}' || char === ']') {
      frames.pop();
    } else if (char === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index += 1;
    } else if (char === ':' && top?.kind === 'object') {
      top.expectKey = false;
    }
  }
  return strings;
}

/** Where in an IAM policy a string sits, for completion and hover. */
export type PolicySlot = 'action' | 'resource' | 'condition-key';

/** The policy slot under the cursor, the string's bounds, what is typed before the cursor and the statement's actions. */
export interface PolicyContext {
  slot: PolicySlot;
  from: number;
  to: number;
  typed: string;
  /** The string's whole content. */
  value: string;
  /** The `Action` values of the same statement (empty under `NotAction`, whose resources are any service's). */
  actions: string[];
}

const SLOT_OF_ELEMENT: Readonly<Record<string, PolicySlot>> = { Action: 'action', NotAction: 'action', Resource: 'resource', NotResource: 'resource' };

/** The statement path and slot of a value string: `Statement[i].Action` or `Statement[i].Action[j]` (a single statement may be an object). */
function valueSlot(path: JsonPath): { slot: PolicySlot; statement: JsonPath } | null {
  const elementAt = typeof path[path.length - 1] === 'number' ? path.length - 2 : path.length - 1;
  const element = path[elementAt];
  const slot = typeof element === 'string' && Object.hasOwn(SLOT_OF_ELEMENT, element) ? SLOT_OF_ELEMENT[element]! : null;
  return slot === null ? null : { slot, statement: path.slice(0, elementAt) };
}

/** The statement path of a condition key name: a key of `Statement[i].Condition.<Operator>`. */
function conditionKeySlot(path: JsonPath): { slot: PolicySlot; statement: JsonPath } | null {
  return path.length >= 2 && path[path.length - 2] === 'Condition' ? { slot: 'condition-key', statement: path.slice(0, -2) } : null;
}

const startsWith = (path: JsonPath, prefix: JsonPath): boolean => prefix.every((part, index) => path[index] === part);

/** The IAM policy context at `pos` in a JSON text, or `null` outside an action, resource or condition key string. */
export function policyContextAt(text: string, pos: number): PolicyContext | null {
  const strings = jsonStrings(text);
  const here = strings.find((string) => pos >= string.from && pos <= string.to);
  if (here === undefined || here.path[0] !== 'Statement') return null;
  const found = here.isKey ? conditionKeySlot(here.path) : valueSlot(here.path);
  if (found === null) return null;
  const actionPath = [...found.statement, 'Action'];
  const actions = strings
    .filter((string) => !string.isKey && string !== here && startsWith(string.path, actionPath) && string.path.length <= actionPath.length + 1)
    .map((string) => string.value);
  return { slot: found.slot, from: here.from, to: here.to, typed: text.slice(here.from, pos), value: here.value, actions };
}
