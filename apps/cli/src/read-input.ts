import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where a command reads relative paths from and reports what it cannot read. */
export interface ReadIo {
  cwd: string;
  err(line: string): void;
}

/** The text of the input file, `-` for stdin; undefined, with the error printed, when it cannot be read. */
export function readInput(file: string, io: ReadIo, stdin: () => string): string | undefined {
  try {
    return file === '-' ? stdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`cannot read \`${file}\``);
    return undefined;
  }
}

/**
 * All of a stream, however large, decoded once at the end so no character is split between chunks.
 * Reading stdin with `readFileSync(0)` instead stops with EAGAIN after the first 64 KB of a pipe.
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
