import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where a `simulate` command reads relative paths from and writes to. */
export interface SimulateIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** The documents of a `simulate alb|asg` input: one JSON value (object or array) or JSON Lines, merged in order. */
export function readDocuments(file: string, io: SimulateIo, stdin: () => string): { documents: Record<string, unknown>[]; lines: boolean } | undefined {
  let text: string;
  try {
    text = file === '-' ? stdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`cannot read \`${file}\``);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return { documents: value as Record<string, unknown>[], lines: false };
    if (value && typeof value === 'object') return { documents: [value as Record<string, unknown>], lines: false };
    io.err(`\`${file}\`: the input must be a json object, an array of objects, or json lines`);
    return undefined;
  } catch {
    const documents: Record<string, unknown>[] = [];
    const rows = text.split('\n');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]?.trim() ?? '';
      if (row === '') continue;
      try {
        documents.push(JSON.parse(row) as Record<string, unknown>);
      } catch (error) {
        io.err(`\`${file}\`: line ${i + 1}: ${(error as Error).message.toLowerCase()}`);
        return undefined;
      }
    }
    return { documents, lines: true };
  }
}

/** Every value of `key` across the documents: arrays are concatenated, single values collected. */
export function collect<T>(documents: Record<string, unknown>[], key: string): T[] {
  return documents.flatMap((d) => {
    const v = d[key];
    return v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T];
  });
}
