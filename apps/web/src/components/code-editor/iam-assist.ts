import { CATALOGUE_SERVICES, conditionKeyType, expandActionPattern, GLOBAL_CONDITION_KEYS, iamCatalogue } from '@skylab/validation';
import type { CatalogueAction, CatalogueResourceType } from '@skylab/validation';
import { conditionKeyUrl, serviceReferenceUrl } from './aws-doc-links.ts';
import { policyContextAt } from './policy-context.ts';
import type { PolicyContext } from './policy-context.ts';

/** One suggestion; a `snippet` has `${Name}` fields the learner fills in (the placeholders of an ARN format or a tag key). */
export interface AssistOption {
  label: string;
  type: 'namespace' | 'function' | 'variable' | 'constant';
  detail?: string;
  info?: string;
  snippet?: string;
  boost?: number;
}

/** Suggestions replacing the text from `from` to `to`, still valid while the typed text matches `validFor`. */
export interface AssistCompletions {
  from: number;
  to: number;
  options: AssistOption[];
  validFor: RegExp;
}

/** What hovering an action or a condition key explains, with the page of the AWS documentation about it. */
export interface AssistHover {
  from: number;
  to: number;
  title: string;
  lines: string[];
  url: string;
}

const isPattern = (action: string): boolean => /[*?]/.test(action);
const prefixOf = (action: string): string => action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();

/** A listing that stays short: the first few names, then how many more. */
function listing(names: readonly string[], max = 6): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function resourceSummary(action: CatalogueAction): string {
  if (action.resourceTypes.length === 0) return 'No resource-level permissions: the statement needs "Resource": "*"';
  return `Resource types: ${action.resourceTypes.map((type) => (type.required === true ? `${type.name} (required)` : type.name)).join(', ')}`;
}

function actionOptions(typed: string): AssistOption[] {
  const colon = typed.indexOf(':');
  if (colon < 0) return CATALOGUE_SERVICES.map((prefix) => ({ label: `${prefix}:`, type: 'namespace', detail: 'service' }));
  const prefix = typed.slice(0, colon).toLowerCase();
  const actions = iamCatalogue.actions(prefix) ?? [];
  return actions.map((action) => ({ label: `${prefix}:${action.name}`, type: 'function', detail: action.accessLevel, info: resourceSummary(action) }));
}

/** The catalogue actions a statement's `Action` values name, wildcards expanded. */
function statementActions(actions: readonly string[]): string[] {
  return [...new Set(actions.flatMap((action) => (isPattern(action) ? expandActionPattern(action) : iamCatalogue.action(action) === undefined ? [] : [action])))];
}

/** An ARN format of the reference as a snippet: the partition filled in, every other placeholder a field. */
const arnSnippet = (arn: string): string => arn.replace('${Partition}', 'aws');

function resourceOptions(actions: readonly string[]): AssistOption[] {
  const types = new Map<string, CatalogueResourceType & { service: string }>();
  for (const action of statementActions(actions)) {
    for (const type of iamCatalogue.action(action)?.resourceTypes ?? []) if (!types.has(type.arn)) types.set(type.arn, { ...type, service: prefixOf(action) });
  }
  const star: AssistOption = { label: '*', type: 'constant', detail: 'every resource' };
  return [star, ...[...types.values()].map((type): AssistOption => ({ label: arnSnippet(type.arn), snippet: arnSnippet(type.arn), type: 'variable', detail: `${type.service} ${type.name}` }))];
}

/** Tag keys are spelled `…/<key>` or `…/${TagKey}` in the reference and `…/team` in a policy; all become a `${TagKey}` field. */
function keySnippet(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : `${key.slice(0, slash)}/\${TagKey}`;
}

function conditionKeyOptions(actions: readonly string[]): AssistOption[] {
  const keys = new Map<string, AssistOption>();
  const add = (key: string, detail: string, boost: number) => {
    const snippet = keySnippet(key);
    if (!keys.has(snippet.toLowerCase())) keys.set(snippet.toLowerCase(), { label: snippet, snippet, type: 'variable', detail, boost });
  };
  for (const action of actions) {
    const prefix = prefixOf(action);
    const service = iamCatalogue.service(prefix);
    const named = isPattern(action) ? service?.conditionKeys.map((key) => key.key) : iamCatalogue.action(action)?.conditionKeys;
    for (const key of named ?? []) add(key, `${conditionKeyType(key) ?? 'String'} · ${prefixOf(key)}`, 1);
  }
  for (const { key, type } of GLOBAL_CONDITION_KEYS) add(key, `${type} · global`, 0);
  return [...keys.values()];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Actions depend on the service typed before the colon; ARNs and condition keys on the statement only. */
function validFor(context: PolicyContext): RegExp {
  if (context.slot !== 'action') return /^[^"]*$/;
  const colon = context.typed.indexOf(':');
  return colon < 0 ? /^[\w-]*$/ : new RegExp(`^${escapeRegExp(context.typed.slice(0, colon + 1))}[\\w*?]*$`, 'i');
}

function optionsFor(context: PolicyContext): AssistOption[] {
  if (context.slot === 'action') return actionOptions(context.typed);
  if (context.slot === 'resource') return resourceOptions(context.actions);
  return conditionKeyOptions(context.actions);
}

/** What to suggest at `pos` in a JSON IAM policy: actions, the ARN formats of the statement's actions, or condition keys; `null` elsewhere. */
export function iamCompletions(text: string, pos: number): AssistCompletions | null {
  const context = policyContextAt(text, pos);
  if (context === null) return null;
  const closed = text[context.to] === '"';
  return { from: context.from, to: closed ? context.to : pos, options: optionsFor(context), validFor: validFor(context) };
}

function actionHover(value: string): Omit<AssistHover, 'from' | 'to'> | null {
  const prefix = prefixOf(value);
  const url = serviceReferenceUrl(prefix, 'actions-as-permissions');
  if (isPattern(value)) {
    const matched = expandActionPattern(value);
    if (matched.length === 0) return null;
    return { title: value, lines: [`Matches ${matched.length} ${matched.length === 1 ? 'action' : 'actions'}: ${listing(matched)}`], url };
  }
  const action = iamCatalogue.action(value);
  if (action === undefined) return null;
  const keys = action.conditionKeys ?? [];
  return {
    title: `${prefix}:${action.name}`,
    lines: [`Access level: ${action.accessLevel ?? 'unknown'}`, resourceSummary(action), ...(keys.length === 0 ? [] : [`Condition keys: ${listing(keys)}`])],
    url,
  };
}

function conditionKeyHover(key: string): Omit<AssistHover, 'from' | 'to'> | null {
  const global = GLOBAL_CONDITION_KEYS.find((entry) => keySnippet(entry.key).toLowerCase() === keySnippet(key).toLowerCase());
  if (global !== undefined) {
    const presence = global.alwaysPresent ? 'Present in every request' : 'Not present in every request';
    return { title: key, lines: [`Global condition key · ${global.type}`, presence], url: conditionKeyUrl(key) };
  }
  const type = conditionKeyType(key);
  return type === undefined ? null : { title: key, lines: [`Condition key of ${prefixOf(key)} · ${type}`], url: conditionKeyUrl(key) };
}

/** The help for the action or condition key under `pos` in a JSON IAM policy, or `null` when there is nothing known to explain. */
export function iamHover(text: string, pos: number): AssistHover | null {
  const context = policyContextAt(text, pos);
  if (context === null || context.slot === 'resource') return null;
  const help = context.slot === 'action' ? actionHover(context.value) : conditionKeyHover(context.value);
  return help === null ? null : { from: context.from, to: context.to, ...help };
}
