import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where a `simulate` command reads relative paths from and writes to. */
export interface SimulateIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** The one input file of a `simulate` command and its flags, all of them `allowed`; undefined, with the usage printed, when the arguments are off. */
export function fileArgument(args: readonly string[], allowed: readonly string[], io: SimulateIo, usage: string): { file: string; flags: Set<string> } | undefined {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || [...flags].some((f) => !allowed.includes(f))) {
    io.err(usage);
    return undefined;
  }
  return { file: files[0] as string, flags };
}

/** The text of the input file, `-` for stdin; undefined, with the error printed, when it cannot be read. */
export function readInput(file: string, io: SimulateIo, stdin: () => string): string | undefined {
  try {
    return file === '-' ? stdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`cannot read \`${file}\``);
    return undefined;
  }
}

/** The documents of a `simulate alb|asg|network` input: one JSON value (object or array) or JSON Lines, merged in order. */
export function readDocuments(file: string, io: SimulateIo, stdin: () => string): { documents: Record<string, unknown>[]; lines: boolean } | undefined {
  const text = readInput(file, io, stdin);
  if (text === undefined) return undefined;
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

/** Prints the results as the input came (one JSON line each), or as one indented JSON value: the result itself when there is one. */
export function writeResults(results: readonly unknown[], lines: boolean, io: SimulateIo): void {
  if (lines) for (const result of results) io.out(JSON.stringify(result));
  else io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
}

/** Every value of `key` across the documents: arrays are concatenated, single values collected. */
export function collect<T>(documents: Record<string, unknown>[], key: string): T[] {
  return documents.flatMap((d) => {
    const v = d[key];
    return v === undefined ? [] : Array.isArray(v) ? (v as T[]) : [v as T];
  });
}
