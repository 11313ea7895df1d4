import type { Finding, PathSegment } from '../finding.ts';
import { LineIndex, SOURCE_LIMITS, childKey, failedDocument, pathKey, setMember, sizeFinding, type SourceDocument } from '../source.ts';

interface Frame {
  kind: 'object' | 'array';
  value: Record<string, unknown> | unknown[];
  path: PathSegment[];
  /** `pathKey(path)`, built as the parser descends. */
  key: string;
  start: number;
  keys: Set<string>;
}

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
    readonly path: PathSegment[],
    readonly ruleId: string,
  ) {}
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function describeChar(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the text';
  const c = text[pos] ?? '';
  return c === '`' ? 'a backtick' : `\`${c}\``;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A JSON parser that remembers where every value sits, so findings can point at line and column.
 * Iterative (an explicit stack instead of recursion), so deep input cannot overflow the call stack,
 * and bounded by SOURCE_LIMITS. A leading byte-order mark is skipped, as editors often save one.
 */
export function parseJson(text: string): SourceDocument {
  const tooBig = sizeFinding(text, 'json/too-large');
  if (tooBig) return failedDocument([tooBig]);
  return new JsonParser(text).run();
}

class JsonParser {
  private pos = 0;
  private nodes = 0;
  private readonly findings: Finding[] = [];
  private readonly valueRanges = new Map<string, [number, number]>();
  private readonly keyRanges = new Map<string, [number, number]>();
  private readonly stack: Frame[] = [];

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  run(): SourceDocument {
    // Lines are indexed only when something is located: a clean document never needs them.
    let index: LineIndex | undefined;
    const lines = () => (index ??= new LineIndex(this.text));
    const locateIn = (map: Map<string, [number, number]>) => (path: readonly PathSegment[]) => {
      const span = map.get(pathKey(path)) ?? this.valueRanges.get(pathKey(path));
      return span ? lines().range(span[0], span[1]) : undefined;
    };
    const doc: SourceDocument = {
      findings: this.findings,
      locate: locateIn(this.valueRanges),
      locateKey: locateIn(this.keyRanges),
    };
    try {
      doc.value = this.parse();
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      this.findings.push({
        ruleId: error.ruleId,
        severity: 'error',
        path: error.path,
        range: lines().range(error.start, error.end),
        message: error.message,
      });
    }
    return doc;
  }

  private fail(message: string, start = this.pos, end = Math.min(start + 1, this.text.length), ruleId = 'json/syntax'): never {
    throw new JsonSyntaxError(message, start, Math.max(end, start), this.stack.at(-1)?.path ?? [], ruleId);
  }

  private skipWhitespace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
      this.pos++;
    }
  }

  private count(): void {
    this.nodes++;
    if (this.nodes > SOURCE_LIMITS.maxNodes) {
      this.fail(`the document has more than ${SOURCE_LIMITS.maxNodes} values`, this.pos, this.pos + 1, 'json/too-many-nodes');
    }
  }

  private parse(): unknown {
    const { text } = this;
    this.skipWhitespace();
    if (this.pos >= text.length) this.fail('the text is empty, expected a JSON value');
    // Where the current value sits: its member name or index in the innermost open container (none at the
    // top), and its path key. Full paths are built only for containers, which findings inside them name.
    let segment: PathSegment | undefined;
    let key = '';
    for (;;) {
      // Parse one value at `segment`; containers push a frame and continue with their first element.
      this.skipWhitespace();
      const start = this.pos;
      const c = text[this.pos];
      let value: unknown;
      this.count();
      if (c === '{' || c === '[') {
        if (this.stack.length >= SOURCE_LIMITS.maxDepth) {
          this.fail(`the document nests deeper than ${SOURCE_LIMITS.maxDepth} levels`, this.pos, this.pos + 1, 'json/too-deep');
        }
        this.pos++;
        const path = segment === undefined ? [] : [...(this.stack.at(-1) as Frame).path, segment];
        const frame: Frame = { kind: c === '{' ? 'object' : 'array', value: c === '{' ? {} : [], path, key, start, keys: new Set() };
        this.stack.push(frame);
        this.skipWhitespace();
        if (text[this.pos] !== (c === '{' ? '}' : ']')) {
          [segment, key] = frame.kind === 'object' ? this.readKey(frame) : [0, childKey(key, 0)];
          continue;
        }
        this.pos++;
        this.stack.pop();
        value = frame.value;
      } else if (c === '"') {
        value = this.readString();
      } else if (c === '-' || isDigit(text.charCodeAt(this.pos))) {
        value = this.readNumber();
      } else if (text.startsWith('true', this.pos)) {
        value = true;
        this.pos += 4;
      } else if (text.startsWith('false', this.pos)) {
        value = false;
        this.pos += 5;
      } else if (text.startsWith('null', this.pos)) {
        value = null;
        this.pos += 4;
      } else {
        this.fail(this.pos >= text.length ? 'unexpected end of the text, expected a value' : `expected a value, found ${describeChar(text, this.pos)}`);
      }
      // Hand the finished value to its parent; closing brackets may finish several containers at once.
      let valueStart = start;
      for (;;) {
        this.valueRanges.set(key, [valueStart, this.pos]);
        const parent = this.stack.at(-1);
        if (!parent) {
          this.skipWhitespace();
          if (this.pos < text.length) this.fail(`unexpected ${describeChar(text, this.pos)} after the JSON value`);
          return value;
        }
        if (parent.kind === 'array') (parent.value as unknown[]).push(value);
        else setMember(parent.value as Record<string, unknown>, segment as string, value);
        this.skipWhitespace();
        const close = parent.kind === 'object' ? '}' : ']';
        if (text[this.pos] === ',') {
          this.pos++;
          const index = (parent.value as unknown[]).length;
          [segment, key] = parent.kind === 'object' ? this.readKey(parent) : [index, childKey(parent.key, index)];
          break;
        }
        if (text[this.pos] !== close) {
          this.fail(`expected \`,\` or \`${close}\` after the ${parent.kind === 'object' ? 'member' : 'element'}, found ${describeChar(text, this.pos)}`);
        }
        this.pos++;
        this.stack.pop();
        value = parent.value;
        segment = parent.path.at(-1);
        key = parent.key;
        valueStart = parent.start;
      }
    }
  }

  private readKey(frame: Frame): [string, string] {
    this.skipWhitespace();
    const start = this.pos;
    if (this.text[this.pos] !== '"') {
      this.fail(`expected a member name in double quotes, found ${describeChar(this.text, this.pos)}`);
    }
    const key = this.readString();
    if (frame.keys.has(key)) {
      this.findings.push({
        ruleId: 'json/duplicate-key',
        severity: 'error',
        path: [...frame.path, key],
        message: `duplicate key \`${key}\`: only the last one would count`,
        help: 'merge the two members into one',
      });
    }
    frame.keys.add(key);
    const pathKeyText = childKey(frame.key, key);
    this.keyRanges.set(pathKeyText, [start, this.pos]);
    this.skipWhitespace();
    if (this.text[this.pos] !== ':') this.fail(`expected \`:\` after the member name, found ${describeChar(this.text, this.pos)}`);
    this.pos++;
    return [key, pathKeyText];
  }

  private readString(): string {
    const { text } = this;
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', start, text.length);
      const code = text.charCodeAt(this.pos);
      if (code === 34) {
        out += text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail('control characters in a string must be escaped (`\\n`, `\\t` …)');
      if (code !== 92) {
        this.pos++;
        continue;
      }
      out += text.slice(chunk, this.pos);
      const escape = text[this.pos + 1] ?? '';
      if (escape === 'u') {
        const hex = text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('`\\u` must be followed by four hex digits', this.pos, this.pos + 2);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else if (Object.hasOwn(ESCAPES, escape)) {
        out += ESCAPES[escape];
        this.pos += 2;
      } else {
        this.fail(`invalid escape \`\\${escape}\` in a string`, this.pos, this.pos + 2);
      }
      chunk = this.pos;
    }
  }

  private readNumber(): number {
    const { text } = this;
    const start = this.pos;
    const digits = () => {
      const from = this.pos;
      while (isDigit(text.charCodeAt(this.pos))) this.pos++;
      return this.pos - from;
    };
    if (text[this.pos] === '-') this.pos++;
    if (text[this.pos] === '0') this.pos++;
    else if (digits() === 0) this.fail('expected a digit', this.pos);
    if (text[this.pos] === '.') {
      this.pos++;
      if (digits() === 0) this.fail('expected a digit after the decimal point', this.pos);
    }
    if (text[this.pos] === 'e' || text[this.pos] === 'E') {
      this.pos++;
      if (text[this.pos] === '+' || text[this.pos] === '-') this.pos++;
      if (digits() === 0) this.fail('expected a digit in the exponent', this.pos);
    }
    return Number(text.slice(start, this.pos));
  }
}
