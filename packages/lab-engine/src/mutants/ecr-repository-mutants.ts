import { parseText } from '@skylab/validation';
import { trustPolicyMutants } from './iam-policy-mutants.ts';
import { render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of an `ecr-repository` answer: each setting flipped, the repository policy's mistakes (a principal
// widened to `*`, another account or service trusted, an action widened, a statement dropped — the same as a
// trust policy's, since both are resource-based policies naming who), and the lifecycle policy's: a rule
// dropped, a count or an age off by one, neighbouring priorities swapped, a rule selecting `any` image, a
// prefix shortened (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html).

type Doc = Record<string, unknown>;
type Rule = { rulePriority: number; selection: Doc & { tagStatus?: string; countType?: string; countNumber?: number; tagPrefixList?: string[]; tagPatternList?: string[] } };

function asDocument(value: unknown): Doc | undefined {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Doc;
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' ? (value as Doc) : undefined;
}

function selectionMutants(rule: Rule, at: (description: string, next: Rule) => void): void {
  const selection = rule.selection;
  const n = selection.countNumber ?? 1;
  at(`\`countNumber\` raised to ${n + 1}`, { ...rule, selection: { ...selection, countNumber: n + 1 } });
  if (n > 1) at(`\`countNumber\` lowered to ${n - 1}`, { ...rule, selection: { ...selection, countNumber: n - 1 } });
  if (selection.tagStatus !== 'any') {
    const { tagPrefixList: _p, tagPatternList: _t, ...rest } = selection;
    at('`tagStatus: any` (every image)', { ...rule, selection: { ...rest, tagStatus: 'any' } });
  }
  const byAge = selection.countType === 'sinceImagePushed';
  const { countUnit: _unit, ...noUnit } = selection;
  at(byAge ? 'counting images instead of days' : 'counting days instead of images', { ...rule, selection: byAge ? { ...noUnit, countType: 'imageCountMoreThan' } : { ...selection, countType: 'sinceImagePushed', countUnit: 'days' } });
  (selection.tagPrefixList ?? []).forEach((prefix, i, list) => {
    if (prefix.length > 1) at(`prefix \`${prefix}\` shortened to \`${prefix.slice(0, -1)}\``, { ...rule, selection: { ...selection, tagPrefixList: replaceAt(list, i, prefix.slice(0, -1)) } });
  });
  (selection.tagPatternList ?? []).forEach((pattern, i, list) => {
    if (pattern !== '*') at(`pattern \`${pattern}\` widened to \`*${pattern.replace(/^\*/, '')}\``, { ...rule, selection: { ...selection, tagPatternList: replaceAt(list, i, `*${pattern.replace(/^\*/, '')}`) } });
  });
}

function lifecycleMutants(policy: Doc, emit: (description: string, next: Doc) => void): void {
  const rules = Array.isArray(policy.rules) ? (policy.rules as Rule[]) : [];
  const byPriority = [...rules].sort((a, b) => a.rulePriority - b.rulePriority);
  rules.forEach((rule, i) => {
    const at = (description: string, next: Rule) => emit(`lifecycle rule ${rule.rulePriority}: ${description}`, { ...policy, rules: replaceAt(rules, i, next) });
    if (rules.length > 1) emit(`lifecycle rule ${rule.rulePriority} dropped`, { ...policy, rules: replaceAt(rules, i, undefined) });
    selectionMutants(rule, at);
  });
  byPriority.slice(1).forEach((rule, i) => {
    const before = byPriority[i] as Rule;
    const swapped = rules.map((r) => (r === rule ? { ...r, rulePriority: before.rulePriority } : r === before ? { ...r, rulePriority: rule.rulePriority } : r));
    emit(`lifecycle rules ${before.rulePriority} and ${rule.rulePriority} swapped`, { ...policy, rules: swapped });
  });
}

/** The mutants of an `ecr-repository` answer. */
export function ecrRepositoryMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const doc = parseText(text).value as Doc | undefined;
  if (!doc || typeof doc !== 'object') return [];
  const mutants: Mutant[] = [];
  const emit = (description: string, next: Doc) => mutants.push({ task, description, answer: render(next) });
  emit(`\`imageTagMutability\` set to \`${doc.imageTagMutability === 'IMMUTABLE' ? 'MUTABLE' : 'IMMUTABLE'}\``, { ...doc, imageTagMutability: doc.imageTagMutability === 'IMMUTABLE' ? 'MUTABLE' : 'IMMUTABLE' });
  const scanOnPush = (doc.imageScanningConfiguration as Doc | undefined)?.scanOnPush === true;
  emit(`\`scanOnPush\` set to \`${!scanOnPush}\``, { ...doc, imageScanningConfiguration: { scanOnPush: !scanOnPush } });
  const kms = (doc.encryptionConfiguration as Doc | undefined)?.encryptionType === 'KMS';
  emit(`\`encryptionType\` set to \`${kms ? 'AES256' : 'KMS'}\``, { ...doc, encryptionConfiguration: { encryptionType: kms ? 'AES256' : 'KMS' } });
  const policy = asDocument(doc.policyText);
  if (policy) {
    for (const mutant of trustPolicyMutants(task, JSON.stringify(policy), context)) emit(`repository policy: ${mutant.description}`, { ...doc, policyText: JSON.parse(mutant.answer) as Doc });
    const { policyText: _dropped, ...rest } = doc;
    emit('the repository policy left out', rest);
  }
  const lifecycle = asDocument(doc.lifecyclePolicyText);
  if (lifecycle) lifecycleMutants(lifecycle, (description, next) => emit(description, { ...doc, lifecyclePolicyText: next }));
  return mutants;
}
