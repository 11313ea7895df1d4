import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant } from './mutant.ts';

// Mutants of an `s3-bucket` answer: each lifecycle day moved a day either way, each storage class swapped
// for its neighbour, each filter widened to the whole bucket or moved off its prefix, each expiration
// dropped, a rule disabled; each Block Public Access setting flipped; each policy statement dropped, its
// principal widened to `*` or to its whole account, its actions to `s3:*`, its objects to the whole
// bucket, its conditions dropped; encryption switched or its
// Bucket Key flipped; versioning switched. A section dropped leaves the setup's configuration.

type Doc = Record<string, unknown>;
type Emit = (description: string, next: Doc) => void;

const CLASSES = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'];
const neighbour = (c: string) => CLASSES[(CLASSES.indexOf(c) + 1) % CLASSES.length] ?? 'GLACIER';

function daysMutants(rule: Doc, name: string, emitRule: (description: string, next: Doc) => void): void {
  for (const field of ['Transitions', 'NoncurrentVersionTransitions'] as const) {
    const list = asList(rule[field] as Doc[] | undefined);
    list.forEach((t, j) => {
      const key = t.Days !== undefined ? 'Days' : 'NoncurrentDays';
      const days = Number(t[key] ?? 0);
      for (const delta of [-1, 1]) if (days + delta >= 0) emitRule(`${name}: ${field}[${j}] ${key} ${days} → ${days + delta}`, { ...rule, [field]: replaceAt(list, j, { ...t, [key]: days + delta }) });
      emitRule(`${name}: ${field}[${j}] to ${neighbour(String(t.StorageClass))} instead of ${String(t.StorageClass)}`, { ...rule, [field]: replaceAt(list, j, { ...t, StorageClass: neighbour(String(t.StorageClass)) }) });
      emitRule(`${name}: ${field}[${j}] dropped`, { ...rule, [field]: replaceAt(list, j, undefined) });
    });
  }
  for (const [field, key] of [['Expiration', 'Days'], ['NoncurrentVersionExpiration', 'NoncurrentDays']] as const) {
    const action = rule[field] as Doc | undefined;
    if (!action) continue;
    const { [field]: _dropped, ...rest } = rule;
    emitRule(`${name}: ${field} dropped`, rest);
    const days = action[key];
    if (typeof days === 'number') for (const delta of [-1, 1]) if (days + delta >= 1) emitRule(`${name}: ${field} ${key} ${days} → ${days + delta}`, { ...rule, [field]: { ...action, [key]: days + delta } });
  }
}

function lifecycleMutants(doc: Doc, emit: Emit): void {
  const config = doc.LifecycleConfiguration as Doc | undefined;
  const rules = asList(config?.Rules as Doc[] | undefined);
  rules.forEach((rule, i) => {
    const name = `lifecycle rule ${typeof rule.ID === 'string' ? `\`${rule.ID}\`` : i + 1}`;
    const emitRule = (description: string, next: Doc) => emit(description, { ...doc, LifecycleConfiguration: { ...config, Rules: replaceAt(rules, i, next) } });
    daysMutants(rule, name, emitRule);
    emitRule(`${name}: filter widened to every object`, { ...rule, Filter: {} });
    const prefix = (rule.Filter as Doc | undefined)?.Prefix;
    if (typeof prefix === 'string' && prefix !== '') emitRule(`${name}: prefix \`${prefix}\` → \`x${prefix}\``, { ...rule, Filter: { ...(rule.Filter as Doc), Prefix: `x${prefix}` } });
    emitRule(`${name}: disabled`, { ...rule, Status: 'Disabled' });
  });
}

function policyMutants(doc: Doc, emit: Emit): void {
  const policy = typeof doc.Policy === 'string' ? (parseText(doc.Policy).value as Doc | undefined) : (doc.Policy as Doc | undefined);
  if (!policy) return;
  const statements = asList(policy.Statement as Doc[] | undefined);
  const emitStatement = (description: string, i: number, next: Doc | undefined) => emit(description, { ...doc, Policy: { ...policy, Statement: replaceAt(statements, i, next) } });
  statements.forEach((s, i) => {
    const name = `statement ${typeof s.Sid === 'string' ? `\`${s.Sid}\`` : i + 1}`;
    if (statements.length > 1) emitStatement(`${name} dropped`, i, undefined);
    if (s.Principal !== '*') emitStatement(`${name}: principal widened to \`*\``, i, { ...s, Principal: '*' });
    emitStatement(`${name}: actions widened to \`s3:*\``, i, { ...s, Action: 's3:*' });
    const objects = asList(s.Resource as string | string[] | undefined).map((r) => r.replace(/^(arn:aws:s3:::[^/]+)\/.+$/, '$1/*'));
    if (objects.join() !== asList(s.Resource as string | string[] | undefined).join()) emitStatement(`${name}: objects widened to the whole bucket`, i, { ...s, Resource: objects });
    const aws = asList((s.Principal as Doc | undefined)?.AWS as string | string[] | undefined);
    const accounts = aws.map((a) => a.replace(/^arn:aws:iam::(\d{12}):.+$/, 'arn:aws:iam::$1:root'));
    if (accounts.join() !== aws.join()) emitStatement(`${name}: principal widened to its whole account`, i, { ...s, Principal: { ...(s.Principal as Doc), AWS: accounts } });
    if (s.Condition !== undefined) {
      const { Condition: _dropped, ...rest } = s;
      emitStatement(`${name}: condition dropped`, i, rest);
    }
  });
}

function settingsMutants(doc: Doc, emit: Emit): void {
  const bpa = doc.PublicAccessBlockConfiguration as Doc | undefined;
  for (const key of ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets']) {
    if (bpa) emit(`\`${key}\` flipped`, { ...doc, PublicAccessBlockConfiguration: { ...bpa, [key]: bpa[key] !== true } });
  }
  const sse = doc.ServerSideEncryptionConfiguration as { Rules?: Doc[] } | undefined;
  const rule = sse?.Rules?.[0];
  if (rule) {
    const byDefault = rule.ApplyServerSideEncryptionByDefault as Doc;
    const kms = byDefault.SSEAlgorithm !== 'AES256';
    emit(kms ? 'encryption switched to SSE-S3' : 'encryption switched to SSE-KMS', { ...doc, ServerSideEncryptionConfiguration: { Rules: [{ ...rule, ApplyServerSideEncryptionByDefault: kms ? { SSEAlgorithm: 'AES256' } : { SSEAlgorithm: 'aws:kms' } }] } });
    if (kms) emit('S3 Bucket Key flipped', { ...doc, ServerSideEncryptionConfiguration: { Rules: [{ ...rule, BucketKeyEnabled: rule.BucketKeyEnabled !== true }] } });
  }
  const versioning = doc.VersioningConfiguration as Doc | undefined;
  if (versioning) emit(`versioning ${versioning.Status === 'Enabled' ? 'suspended' : 'enabled'}`, { ...doc, VersioningConfiguration: { Status: versioning.Status === 'Enabled' ? 'Suspended' : 'Enabled' } });
}

/** The mutants of an `s3-bucket` answer; every section the answer has is also dropped once. */
export function s3BucketMutants(task: string, text: string): Mutant[] {
  const doc = parseText(text).value as Doc | undefined;
  if (!doc || typeof doc !== 'object') return [];
  const mutants: Mutant[] = [];
  const emit: Emit = (description, next) => mutants.push({ task, description, answer: render(next) });
  for (const section of Object.keys(doc)) {
    const { [section]: _dropped, ...rest } = doc;
    if (Object.keys(rest).length > 0) emit(`\`${section}\` left out`, rest);
  }
  lifecycleMutants(doc, emit);
  policyMutants(doc, emit);
  settingsMutants(doc, emit);
  return mutants;
}
