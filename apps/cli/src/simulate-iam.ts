import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { explainResult, simulateCustomPolicy, type EvaluationResult, type SimulateCustomPolicyRequest, type SimulateCustomPolicyResponse } from '@skylab/emulator';
import type { SimulateIo } from './simulate-input.ts';

const USAGE = `usage: skylab simulate iam <file|-> [--jsonl]
  input: one JSON request, or JSON Lines (one request per line, answered line by line), shaped like IAM's
         SimulateCustomPolicy: "PolicyInputList", "PermissionsBoundaryPolicyInputList", "ResourcePolicy",
         "ResourceOwner", "CallerArn", "ActionNames", "ResourceArns", "ContextEntries", plus
         "SessionPolicyInputList" and "ServiceControlPolicyLevels" (one list per organization level, root first)
  output: "EvaluationResults" as IAM returns them ("EvalActionName", "EvalResourceName", "EvalDecision",
          "MatchedStatements" …), each with our "Explanation"; a malformed policy answers with
          "MalformedPolicyDocument" and its findings (line and column). Exit 1 when any request failed`;

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
  const answers: Answer[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]?.trim() ?? '';
    if (row === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (error) {
      answers.push({ Error: { Code: 'InvalidInput', Message: `line ${i + 1}: ${(error as Error).message.toLowerCase()}` } });
      continue;
    }
    answers.push(simulate(value));
  }
  return answers;
}

/** `skylab simulate iam`: SimulateCustomPolicy requests in, IAM's evaluation results with explanations out. */
export function simulateIam(args: readonly string[], io: SimulateIo, stdin: () => string = () => readFileSync(0, 'utf8')): number {
  const flags = args.filter((a) => a.startsWith('--'));
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || flags.some((f) => f !== '--jsonl')) {
    io.err(USAGE);
    return 2;
  }
  const file = files[0] as string;
  let text: string;
  try {
    text = file === '-' ? stdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`cannot read \`${file}\``);
    return 2;
  }
  let single: unknown;
  let lines = flags.includes('--jsonl');
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
  if (lines) for (const a of answers) io.out(JSON.stringify(a));
  else io.out(JSON.stringify(answers[0], null, 2));
  return answers.some((a) => 'Error' in a) ? 1 : 0;
}
