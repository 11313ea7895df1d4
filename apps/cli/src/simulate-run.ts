import { AwsError } from '@skylab/emulator';
import { InputError, isObject, jsonLines, readDocuments, type InputDocument, type JsonLine } from './json-input.ts';
import { readInput } from './read-input.ts';
import { fileArguments, keyProblem, writeResults, type FileArguments, type KeyShape, type SimulateIo } from './simulate-input.ts';

/** One `simulate` command over EC2/ELBv2/Auto Scaling documents: its arguments, its keys, its answer to a scenario. */
export interface SimulateCommand {
  usage: string;
  /** Boolean flags besides `--jsonl` and `--batch`, which every such command takes. */
  flags: readonly string[];
  options?: readonly string[];
  /** The top-level keys a document may hold: anything else is a mistake worth naming. */
  keys: Readonly<Record<string, KeyShape>>;
  /** Leave unknown keys to the emulator, which refuses them itself and knows which Describe* members to pass over. */
  emulatorChecksKeys?: boolean;
  /** The results for one scenario, its documents merged in order; throws InputError or AwsError on bad input. */
  answer(documents: Record<string, unknown>[], args: FileArguments): unknown[];
  /** The JSON Lines to print for the results, when that is not one line per result. */
  jsonLines?(results: unknown[]): unknown[];
  /** Throws when one document is bad on its own, so an error in merged input can name its line. */
  check?(document: Record<string, unknown>): void;
}

/** What one batch line answers: its results, or why it has none. */
type BatchAnswer = { Line: number; Results: unknown[] } | { Line: number; Error: { Code: string; Message: string } };

function reason(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (error instanceof AwsError) return `${error.code}: ${error.message}`;
  throw error;
}

/** The document to blame for an error in merged input, the first that fails on its own, and its own error. */
function culprit(command: SimulateCommand, documents: InputDocument[]): { where?: string; error: unknown } | undefined {
  if (!command.check || documents.length < 2) return undefined;
  for (const document of documents) {
    try {
      command.check(document.value);
    } catch (error) {
      return { ...(document.where ? { where: document.where } : {}), error };
    }
  }
  return undefined;
}

function prefix(file: string, where: string | undefined): string {
  return where ? `\`${file}\`: ${where}` : `\`${file}\``;
}

/** Every document of the input is one scenario: answer them together, as one value or JSON Lines. */
function runMerged(command: SimulateCommand, args: FileArguments, text: string, io: SimulateIo): number {
  let input: ReturnType<typeof readDocuments>;
  try {
    input = readDocuments(text);
  } catch (error) {
    io.err(`${prefix(args.file, undefined)}: ${reason(error)}`);
    return 2;
  }
  for (const document of input.documents) {
    const problem = keyProblem(document.value, command.keys, command.emulatorChecksKeys);
    if (problem) {
      io.err(`${prefix(args.file, document.where)}: ${problem}`);
      return 2;
    }
  }
  let results: unknown[];
  try {
    results = command.answer(input.documents.map((d) => d.value), args);
  } catch (error) {
    const blamed = error instanceof AwsError ? culprit(command, input.documents) : undefined;
    io.err(`${prefix(args.file, blamed?.where)}: ${reason(blamed?.error ?? error)}`);
    return 2;
  }
  const lines = input.lines || args.flags.has('--jsonl');
  writeResults(lines && command.jsonLines ? command.jsonLines(results) : results, lines, io);
  return 0;
}

function invalid(line: number, message: string): BatchAnswer {
  return { Line: line, Error: { Code: 'InvalidInput', Message: message } };
}

/** One batch line answered on its own; a bad line gets an error answer and never stops the batch. */
function answerLine(command: SimulateCommand, line: JsonLine, args: FileArguments): BatchAnswer {
  if ('error' in line) return invalid(line.line, line.error);
  if (!isObject(line.value)) return invalid(line.line, 'a scenario must be a json object');
  const problem = keyProblem(line.value, command.keys, command.emulatorChecksKeys);
  if (problem) return invalid(line.line, problem);
  try {
    return { Line: line.line, Results: command.answer([line.value], args) };
  } catch (error) {
    if (error instanceof InputError) return invalid(line.line, error.message);
    if (error instanceof AwsError) return { Line: line.line, Error: { Code: error.code, Message: error.message } };
    // Input nobody foresaw must not cost the thousands of scenarios after it: say so and go on.
    return { Line: line.line, Error: { Code: 'InternalError', Message: (error as Error).message } };
  }
}

/** `--batch`: every line is a whole scenario, answered by one JSON line that names the input line. */
function runBatch(command: SimulateCommand, args: FileArguments, text: string, io: SimulateIo): number {
  const lines = jsonLines(text);
  if (lines.length === 0) {
    io.err(`${prefix(args.file, undefined)}: the input is empty`);
    return 2;
  }
  let failed = false;
  for (const line of lines) {
    const answer = answerLine(command, line, args);
    failed ||= 'Error' in answer;
    io.out(JSON.stringify(answer));
  }
  return failed ? 1 : 0;
}

/** Runs a `simulate network|alb|asg` command and returns its exit code. */
export function runSimulate(command: SimulateCommand, args: readonly string[], io: SimulateIo, stdin: () => string): number {
  const parsed = fileArguments(args, { flags: [...command.flags, '--jsonl', '--batch'], ...(command.options ? { options: command.options } : {}) });
  if (!parsed) {
    io.err(command.usage);
    return 2;
  }
  const text = readInput(parsed.file, io, stdin);
  if (text === undefined) return 2;
  return parsed.flags.has('--batch') ? runBatch(command, parsed, text, io) : runMerged(command, parsed, text, io);
}

/** The `--batch` paragraph of every `simulate network|alb|asg` usage. */
export const BATCH_USAGE = `  --batch: every line of the JSON Lines input is a scenario of its own (documents and questions), answered by
           one line {"Line", "Results": [ … ]} or {"Line", "Error": {"Code", "Message"}}; a bad line does not
           stop the others, and the exit code is 1 when any line failed`;
