/**
 * The Markdown subset lab texts use — headings, paragraphs, lists, tables (GitHub's pipe tables),
 * fenced code, inline code, bold, italics and links — parsed into plain data. Rendering walks this tree and emits text nodes only,
 * so nothing an author (or a seeded param) writes can ever become markup; anything outside the subset
 * simply shows up as the literal text it is.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export interface ListItem {
  children: Inline[];
  sublist?: ListBlock;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export type Align = 'left' | 'center' | 'right' | null;

export interface TableBlock {
  type: 'table';
  align: Align[];
  header: Inline[][];
  rows: Inline[][][];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; lang: string; text: string }
  | ListBlock
  | TableBlock;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;

/**
 * Only links a learner can follow without surprise: web, mail and same-site references. `javascript:`,
 * `data:` and every other scheme fall back to plain text.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`), so refuse them outright.
  if (href === '' || [...href].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  if (scheme === null) return href;
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? href : null;
}

function indentOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

/** Finds the `)` that closes a link destination, allowing balanced parentheses inside it. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end !== -1) i = end;
    } else if (char === '[') depth += 1;
    else if (char === ']') {
      if (depth === 0) return i;
      depth -= 1;
    }
  }
  return -1;
}

/** The delimiter run `marker` closes emphasis only when it hugs text on its left (`**x**`, not `** x`). */
function closingDelimiter(text: string, marker: string, from: number): number {
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    const before = text[at - 1];
    if (at > from && before !== undefined && !/\s/.test(before) && before !== '\\') return at;
    at = text.indexOf(marker, at + 1);
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];

    if (char === '\\' && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
      pushText(out, next);
      i += 2;
      continue;
    }

    if (char === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end !== -1 && text[end + run.length] !== '`') {
        let code = text.slice(i + run.length, end);
        if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = end + run.length;
        continue;
      }
      pushText(out, run);
      i += run.length;
      continue;
    }

    if ((char === '*' || char === '_') && next === char) {
      const marker = char + char;
      const after = text[i + 2];
      const end = after !== undefined && !/\s/.test(after) ? closingDelimiter(text, marker, i + 2) : -1;
      if (end !== -1) {
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
      pushText(out, marker);
      i += 2;
      continue;
    }

    if (char === '*' || char === '_') {
      const before = text[i - 1];
      // `snake_case_names` and `a * b` stay literal: underscores only open emphasis at a word boundary.
      const opens = next !== undefined && !/\s/.test(next) && (char === '*' || before === undefined || !/\w/.test(before));
      const end = opens ? closingDelimiter(text, char, i + 1) : -1;
      const closesAtBoundary = end !== -1 && (char === '*' || text[end + 1] === undefined || !/\w/.test(text[end + 1]!));
      if (closesAtBoundary) {
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
      pushText(out, char);
      i += 1;
      continue;
    }

    if (char === '[') {
      const labelEnd = closingBracket(text, i + 1);
      if (labelEnd !== -1 && text[labelEnd + 1] === '(') {
        const destEnd = closingParen(text, labelEnd + 2);
        if (destEnd !== -1) {
          const destination = text.slice(labelEnd + 2, destEnd).trim().replace(/\s+"[^"]*"$/, '');
          const children = parseInline(text.slice(i + 1, labelEnd));
          const href = safeHref(destination.replace(/^<(.*)>$/, '$1'));
          if (href === null) for (const child of children) out.push(child);
          else out.push({ type: 'link', href, children });
          i = destEnd + 1;
          continue;
        }
      }
    }

    if (char === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(i));
      if (auto !== null) {
        out.push({ type: 'link', href: auto[1]!, children: [{ type: 'text', text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }

    pushText(out, char);
    i += 1;
  }
  return out;
}

/** The cells of a pipe-table row: split on `|` outside code spans and escapes, outer pipes optional. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let code = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === '\\' && line[i + 1] === '|') {
      cell += '|';
      i += 1;
    } else if (char === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      code = code === '' ? run : code === run ? '' : code;
      cell += run;
      i += run.length - 1;
    } else if (char === '|' && code === '') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  if (line.trim().startsWith('|')) cells.shift();
  if (line.trim().endsWith('|') && cells.length > 0) cells.pop();
  return cells.map((c) => c.trim());
}

const DELIMITER_CELL = /^:?-+:?$/;

/** A delimiter row (`|---|:---:|`) right under a header row with the same number of cells starts a table. */
function tableAlign(header: string, delimiter: string | undefined): Align[] | null {
  if (delimiter === undefined || !header.includes('|') || !delimiter.includes('-')) return null;
  const cells = splitRow(delimiter);
  if (cells.length === 0 || cells.length !== splitRow(header).length || !cells.every((c) => DELIMITER_CELL.test(c))) return null;
  return cells.map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : null));
}

function isBlockStart(line: string, next?: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || LIST_ITEM.test(line) || tableAlign(line, next) !== null;
}

/** Parses the lines of one list (already cut out of the document) into items with nested sublists. */
function parseList(lines: string[]): ListBlock {
  const first = LIST_ITEM.exec(lines[0]!)!;
  const baseIndent = indentOf(first[1]!);
  const ordered = /\d/.test(first[2]!);
  const list: ListBlock = { type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items: [] };
  let text: string[] = [];
  let nested: string[] = [];

  const flush = () => {
    if (text.length === 0 && nested.length === 0) return;
    const item: ListItem = { children: parseInline(text.join(' ')) };
    if (nested.length > 0) item.sublist = parseList(nested);
    list.items.push(item);
    text = [];
    nested = [];
  };

  for (const line of lines) {
    if (line.trim() === '') continue;
    const match = LIST_ITEM.exec(line);
    const indent = indentOf(line);
    if (match !== null && indent <= baseIndent) {
      flush();
      text.push(match[3]!.trim());
    } else if (match !== null || nested.length > 0) {
      nested.push(line);
    } else {
      text.push(line.trim());
    }
  }
  flush();
  return list;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;

  while (i < lines.length) {
    const line = lines[i]!;

    if (line.trim() === '') {
      i += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence !== null) {
      const marker = fence[1]!;
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) {
        body.push(lines[i]!);
        i += 1;
      }
      i += 1;
      blocks.push({ type: 'code', lang: fence[2]!, text: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading !== null) {
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }

    const align = tableAlign(line, lines[i + 1]);
    if (align !== null) {
      // Rows are padded or cut to the header's width, as GitHub does.
      const cells = (row: string) => align.map((_, c) => parseInline(splitRow(row)[c] ?? ''));
      const table: TableBlock = { type: 'table', align, header: cells(line), rows: [] };
      i += 2;
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|') && !isBlockStart(lines[i]!, lines[i + 1])) {
        table.rows.push(cells(lines[i]!));
        i += 1;
      }
      blocks.push(table);
      continue;
    }

    if (LIST_ITEM.test(line)) {
      const ordered = /\d/.test(LIST_ITEM.exec(line)![2]!);
      const region: string[] = [line];
      i += 1;
      while (i < lines.length) {
        const current = lines[i]!;
        if (current.trim() === '') {
          // A blank line ends the list unless the list carries on after it (a "loose" list).
          const following = lines.slice(i + 1).find((l) => l.trim() !== '');
          const item = following === undefined ? null : LIST_ITEM.exec(following);
          const continues = following !== undefined && (indentOf(following) > 0 || (item !== null && /\d/.test(item[2]!) === ordered));
          if (!continues) break;
          region.push(current);
          i += 1;
          continue;
        }
        const item = LIST_ITEM.exec(current);
        if (item !== null && indentOf(current) === 0 && /\d/.test(item[2]!) !== ordered) break;
        if (indentOf(current) === 0 && item === null && isBlockStart(current)) break;
        region.push(current);
        i += 1;
      }
      blocks.push(parseList(region));
      continue;
    }

    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && (paragraph.length === 0 || !isBlockStart(lines[i]!, lines[i + 1]))) {
      paragraph.push(lines[i]!.trim());
      i += 1;
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}
