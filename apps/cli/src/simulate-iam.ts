import { explainResult, simulateCustomPolicy, type EvaluationResult, type SimulateCustomPolicyRequest, type SimulateCustomPolicyResponse } from '@skylab/emulator';
import { jsonLines } from './json-input.ts';
import { readInput } from './read-input.ts';
import { fileArguments, writeResults, type SimulateIo } from './simulate-input.ts';
import { helpText } from './usage.ts';

const USAGE = `usage: skylab simulate iam <file|-> [--jsonl]
  input: one JSON request, or JSON Lines (one request per line, answered line by line), shaped like IAM's
         SimulateCustomPolicy: "PolicyInputList", "PermissionsBoundaryPolicyInputList", "ResourcePolicy",
         "ResourceOwner", "CallerArn", "ActionNames", "ResourceArns", "ContextEntries", plus
         "SessionPolicyInputList" and "ServiceControlPolicyLevels" (one list per organization level, root first)
  output: "EvaluationResults" as IAM returns them ("EvalActionName", "EvalResourceName", "EvalDecision",
          "MatchedStatements" …), each with our "Explanation"; a malformed policy answers with
          "MalformedPolicyDocument" and its findings (line and column). Exit 1 when any request failed`;

export const IAM_HELP = helpText(USAGE, [
  'skylab simulate iam request.json',
  'cat requests.jsonl | skylab simulate iam - > answers.jsonl',
]);

/** What the command prints for one request: IAM's response shape, our explanation in place of the internal result. */
type Answer = { EvaluationResults: (Omit<EvaluationResult, 'explanation'> & { Explanation: string })[]; IsTruncated: false } | { Error: { Code: string; Message: string } };

function answer(response: SimulateCustomPolicyResponse): Answer {
  if ('Error' in response) return response;
  return {
    EvaluationResults: response.EvaluationResults.map((result) => {
      const { explanation: _explanation, ...shape } = result;
      return { ...shape, Explanation: explainResult(result) };
    }),
    IsTruncated: false,
  };
}

function simulate(value: unknown): Answer {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { Error: { Code: 'InvalidInput', Message: 'a request must be a json object in the shape of SimulateCustomPolicy' } };
  return answer(simulateCustomPolicy(value as SimulateCustomPolicyRequest));
}

/** Answers each non-empty line on its own: a line that is not JSON gets an error and the others still run. */
function answerLines(text: string): Answer[] {
  return jsonLines(text).map((line) => ('error' in line ? { Error: { Code: 'InvalidInput', Message: `line ${line.line}: ${line.error}` } } : simulate(line.value)));
}

/** `skylab simulate iam`: SimulateCustomPolicy requests in, IAM's evaluation results with explanations out. */
export function simulateIam(args: readonly string[], io: SimulateIo, stdin: () => string): number {
  const command = fileArguments(args, { flags: ['--jsonl'] });
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  const { file, flags } = command;
  const text = readInput(file, io, stdin);
  if (text === undefined) return 2;
  let single: unknown;
  let lines = flags.has('--jsonl');
  if (!lines) {
    try {
      single = JSON.parse(text);
    } catch {
      lines = true;
    }
  }
  const answers = lines ? answerLines(text) : [simulate(single)];
  if (answers.length === 0) {
    io.err(`\`${file}\` holds no request`);
    return 2;
  }
  writeResults(answers, lines, io);
  return answers.some((a) => 'Error' in a) ? 1 : 0;
}
