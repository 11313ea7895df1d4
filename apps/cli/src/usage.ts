/** What every command's `--help` ends with: the exit codes are the same across the command line. */
export const EXIT_CODES = `exit codes:
  0  done, nothing failed
  1  done, and the answer is a failure: lint or validation errors, a failed self-test, a request or batch line that failed
  2  nothing done: bad arguments, an unreadable file, input that is not what the command takes`;

/** A command's help: its usage, then examples, then the exit codes. */
export function helpText(usage: string, examples: readonly string[]): string {
  return `${usage}\nexamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n${EXIT_CODES}`;
}

/** `--help` or `-h` anywhere in the arguments asks for help rather than for work. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
