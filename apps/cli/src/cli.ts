import { examsSchema, examsTest, examsValidate, EXAMS_HELP } from './exams.ts';
import { labsTest, labsValidate, LABS_HELP, type LabsIo } from './labs.ts';
import { lintCommand, LINT_HELP } from './lint.ts';
import { schemaCommand, SCHEMA_HELP } from './schema.ts';
import { ALB_HELP, simulateAlb } from './simulate-alb.ts';
import { ASG_HELP, simulateAsg } from './simulate-asg.ts';
import { IAM_HELP, simulateIam } from './simulate-iam.ts';
import { NETWORK_HELP, simulateNetwork } from './simulate-network.ts';
import { EXIT_CODES, wantsHelp } from './usage.ts';
import { USERS_HELP } from './users-help.ts';

/** Where the CLI reads and writes, which directory relative paths start from, and the text piped in; tests pass their own. */
export interface CliIo extends LabsIo {
  stdin(): string;
}

const USAGE = `usage: skylab labs validate [dir]   check every <dir>/<lab-id>/lab.yaml (default dir: labs)
       skylab labs test [dir]       run every lab's self-test: solution 100%, wrong answers fail as declared
       skylab labs schema           print the JSON Schema of lab.yaml, for editors (same as skylab schema lab)
       skylab exams validate [dir]  check every <dir>/<exam-id>/exam.yaml (default dir: exams) against the labs
       skylab exams test [dir]      every item's key scores full marks; drawn papers score 100% with the key, 0 empty
       skylab exams schema          print the JSON Schema of exam.yaml, for editors
       skylab simulate iam <file|-> [--jsonl]   SimulateCustomPolicy requests (JSON or JSON Lines): IAM's evaluation results with explanations
       skylab simulate network <file|-> [--exposure] [--jsonl] [--batch]   reachability on EC2 Describe* JSON
       skylab simulate alb <file|-> [--jsonl] [--batch]   route requests through ELBv2 Describe* rules: the rule walk
       skylab simulate asg <file|-> [--group <name>] [--jsonl] [--batch]   run an Auto Scaling group through a load: the timeline
       skylab lint <file|-> [--kind <kind>] [--json]   lint a policy, security group, ASG, ALB … (JSON or YAML)
       skylab schema <kind>         print the JSON Schema of an artifact kind (the kinds skylab lint takes), for editors
       skylab users promote <email> <learner|instructor|admin>   set an account's role (the first admin)
       skylab <command> --help      what a command takes and prints, with examples
${EXIT_CODES}`;

interface Command {
  words: readonly string[];
  help: string;
  run(args: readonly string[], io: CliIo): number;
}

function labsSchema(args: readonly string[], io: CliIo): number {
  if (args.length === 0) return schemaCommand(['lab'], io);
  io.err(LABS_HELP);
  return 2;
}

const COMMANDS: readonly Command[] = [
  { words: ['labs', 'validate'], help: LABS_HELP, run: labsValidate },
  { words: ['labs', 'test'], help: LABS_HELP, run: labsTest },
  { words: ['labs', 'schema'], help: LABS_HELP, run: labsSchema },
  { words: ['exams', 'validate'], help: EXAMS_HELP, run: examsValidate },
  { words: ['exams', 'test'], help: EXAMS_HELP, run: examsTest },
  { words: ['exams', 'schema'], help: EXAMS_HELP, run: examsSchema },
  { words: ['simulate', 'iam'], help: IAM_HELP, run: (args, io) => simulateIam(args, io, io.stdin) },
  { words: ['simulate', 'network'], help: NETWORK_HELP, run: (args, io) => simulateNetwork(args, io, io.stdin) },
  { words: ['simulate', 'alb'], help: ALB_HELP, run: (args, io) => simulateAlb(args, io, io.stdin) },
  { words: ['simulate', 'asg'], help: ASG_HELP, run: (args, io) => simulateAsg(args, io, io.stdin) },
  { words: ['lint'], help: LINT_HELP, run: (args, io) => lintCommand(args, io, io.stdin) },
  { words: ['schema'], help: SCHEMA_HELP, run: schemaCommand },
];

/** Every command's help by its words; `users` runs apart (main.ts: it is asynchronous and opens the database). */
const HELP: readonly Pick<Command, 'words' | 'help'>[] = [...COMMANDS, { words: ['users'], help: USERS_HELP }];

function find<T extends Pick<Command, 'words'>>(commands: readonly T[], args: readonly string[]): T | undefined {
  return commands.find((c) => c.words.every((word, i) => args[i] === word));
}

/** `skylab help <command>` and `skylab <command> --help` print the command's help on stdout; anything unknown the whole usage. */
function help(args: readonly string[], io: CliIo): number {
  const words = (args[0] === 'help' ? args.slice(1) : args).filter((a) => !a.startsWith('-'));
  io.out(find(HELP, words)?.help ?? USAGE);
  return 0;
}

function asksForHelp(args: readonly string[]): boolean {
  return args[0] === 'help' || wantsHelp(args);
}

/** Whether the command will read stdin: then the caller reads it first. Asking for help never waits on a terminal. */
export function readsStdin(args: readonly string[]): boolean {
  return args.includes('-') && !asksForHelp(args);
}

/** Runs the `skylab` command line (all but `users`) and returns its exit code. */
export function runCli(args: readonly string[], io: CliIo): number {
  if (asksForHelp(args)) return help(args, io);
  const command = find(COMMANDS, args);
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  return command.run(args.slice(command.words.length), io);
}
