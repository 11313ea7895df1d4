import type { AccessComparison, AccessDifference, AuthorizationRequest } from '@skylab/emulator';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';

// How an access comparison reads to the learner: the counts, then the plainest examples of what their
// side allows beyond the reference and what it misses, each explained by the statements that decided it.

/** What a difference looks like in the explanation; the learner's side is explained with its wildcards expanded. */
export type Explain = (request: AuthorizationRequest) => string;

function example(difference: AccessDifference, explain: Explain): string {
  const { action, resource, principalArn } = difference.request;
  const who = principalArn.startsWith('arn:') && action.startsWith('sts:') ? `\`${principalArn}\`: ` : '';
  return `- ${who}\`${action}\` on \`${resource}\`${contextText(difference.request)}\n${explain(difference.request).split('\n').map((line) => `  ${line}`).join('\n')}`;
}

function contextText(request: AuthorizationRequest): string {
  const entries = Object.entries(request.context ?? {});
  return entries.length === 0 ? '' : ` with ${entries.map(([k, v]) => `\`${k}\` = \`${Array.isArray(v) ? v.join(', ') : v}\``).join(', ')}`;
}

/** The smallest examples first: fewer context keys, then shorter resources, so the first one shown is the plainest. */
function plainestFirst(differences: AccessDifference[]): AccessDifference[] {
  const weight = (d: AccessDifference) => Object.keys(d.request.context ?? {}).length * 1000 + d.request.resource.length;
  return [...differences].sort((a, b) => weight(a) - weight(b));
}

function section(title: string, differences: AccessDifference[], explain: Explain, count: number): string[] {
  if (differences.length === 0) return [];
  const shown = plainestFirst(differences).slice(0, count).map((d) => example(d, explain));
  const more = differences.length > count ? [`… and ${differences.length - count} more`] : [];
  return [`${title} (${differences.length}):`, ...shown, ...more];
}

/** The check's result from a comparison of the learner's side (`onlyA`) with the reference (`onlyB`). */
export function comparisonResult(input: CheckInput, comparison: AccessComparison, explain: Explain, examples: number, unsupportedOf: (r: AuthorizationRequest) => string[]): CheckRun {
  if (comparison.evaluated + comparison.deniedActions === 0) return errored(input, LAB_PROBLEM, 'the universe of requests is empty');
  if (comparison.indeterminate.length > 0) {
    const unsupported = [...new Set(comparison.indeterminate.flatMap(unsupportedOf))];
    const first = comparison.indeterminate[0] as AuthorizationRequest;
    return errored(
      input,
      `this check could not be decided: ${comparison.indeterminate.length} of ${comparison.evaluated} requests use ${unsupported.join(', ') || 'something'} the simulator does not evaluate yet`,
      `for example \`${first.action}\` on \`${first.resource}\``,
      unsupported,
    );
  }
  const passed = comparison.onlyA.length === 0 && comparison.onlyB.length === 0;
  const denied = comparison.deniedActions > 0 ? `, and ${comparison.deniedActions} more actions that neither allows on any resource` : '';
  const summary = `compared on ${comparison.evaluated} requests: ${comparison.bothAllow} allowed by both, ${comparison.neitherAllows} by neither${denied}`;
  const lines = [
    summary,
    ...section('your policy allows what the reference does not', comparison.onlyA, explain, examples),
    ...section('your policy denies what the reference allows', comparison.onlyB, explain, examples),
  ];
  return decided(input, passed, lines.join('\n'));
}

