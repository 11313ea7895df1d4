import { isObject } from './json-input.ts';

/** Where a `simulate` command reads relative paths from and writes to. */
export interface SimulateIo {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

/** The arguments of a command that reads one input: the file (`-` for stdin), its boolean flags and its valued options. */
export interface FileArguments {
  file: string;
  flags: Set<string>;
  options: Map<string, string>;
}

/** Parses `<file|-> [--flag …] [--option value …]`; undefined when anything is off (the caller prints the usage). */
export function fileArguments(args: readonly string[], allowed: { flags: readonly string[]; options?: readonly string[] }): FileArguments | undefined {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (allowed.options?.includes(arg)) {
      const value = args[++i];
      if (value === undefined) return undefined;
      options.set(arg, value);
    } else if (allowed.flags.includes(arg)) flags.add(arg);
    else if (arg.startsWith('--')) return undefined;
    else files.push(arg);
  }
  return files.length === 1 ? { file: files[0] as string, flags, options } : undefined;
}

/** What a top-level key of an input document holds: a list (as the Describe* responses have) or one object. */
export type KeyShape = 'list' | 'object';

/**
 * Why a document's top-level keys are not the command's, naming the first key at fault; undefined when they are.
 * Unknown keys are left alone when `passUnknown` says another layer judges them.
 */
export function keyProblem(value: Record<string, unknown>, keys: Readonly<Record<string, KeyShape>>, passUnknown = false): string | undefined {
  for (const [key, v] of Object.entries(value)) {
    const shape = keys[key];
    if (!shape && passUnknown) continue;
    if (!shape) return `unknown key \`${key}\` (expected ${Object.keys(keys).join(', ')})`;
    if (shape === 'list' && !Array.isArray(v)) return `\`${key}\` must be a list`;
    if (shape === 'object' && !isObject(v)) return `\`${key}\` must be an object`;
  }
  return undefined;
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
