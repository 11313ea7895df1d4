import type { Finding } from './finding.ts';
import { validatePolicy } from './iam-policy/validate-policy.ts';
import { parseJson } from './json/parse-json.ts';
import { ALL_RULES } from './rules/registry.ts';
import type { LintOptions, Rule, RuleContext } from './rules/rule.ts';
import { iamCatalogue } from './catalogue/iam-catalogue.ts';
import { KIND_SPECS, POLICY_KINDS, isPolicyKind, type ArtifactKind } from './schemas/artifact-kinds.ts';
import type { SourceDocument } from './source.ts';
import { loadYaml } from './yaml/load-yaml.ts';
import { issuesToFindings, locateNearest, sourcePath } from './zod-findings.ts';

/** The outcome of linting one text: every finding, and the parsed value when the text matched its schema. */
export interface LintResult {
  findings: Finding[];
  value?: unknown;
}

/** Parses JSON when the text starts like JSON, else YAML (a JSON superset), keeping positions either way. */
export function parseText(text: string): SourceDocument {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' ? parseJson(text) : loadYaml(text);
}

const RULES_BY_KIND = new Map<ArtifactKind, Rule<unknown>[]>();
for (const rule of ALL_RULES as readonly Rule<unknown>[]) {
  for (const kind of rule.kinds) RULES_BY_KIND.set(kind, [...(RULES_BY_KIND.get(kind) ?? []), rule]);
}

function runRules(kind: ArtifactKind, input: unknown, doc: SourceDocument, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES_BY_KIND.get(kind) ?? []) {
    for (const hit of rule.check(input, ctx)) {
      const path = sourcePath(doc.value, hit.path);
      const range = hit.onKey ? (doc.locateKey(path) ?? locateNearest(doc, path)) : locateNearest(doc, path);
      findings.push({ ruleId: rule.id, severity: rule.severity, path, ...(range ? { range } : {}), message: hit.message, help: hit.help ?? rule.help, learnMore: rule.learnMore });
    }
  }
  return findings;
}

function byPosition(a: Finding, b: Finding): number {
  return (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1);
}

/**
 * Lints one learner artifact written as text: parse errors, schema violations and rule findings, each
 * placed at its line and column. Never throws on any input; the loaders' size, depth and node limits apply.
 */
export function lint(kind: ArtifactKind, text: string, options: LintOptions = {}): LintResult {
  const ctx: RuleContext = { kind, catalogue: options.catalogue ?? iamCatalogue, options, text };
  if (isPolicyKind(kind)) {
    const validation = validatePolicy(text, { policyType: POLICY_KINDS[kind] });
    if (!validation.policy) return { findings: validation.findings };
    const findings = [...validation.findings, ...runRules(kind, { policy: validation.policy, text }, validation.document, ctx)];
    return { findings: findings.sort(byPosition), value: validation.policy };
  }
  const spec = KIND_SPECS[kind];
  if (!spec) return { findings: [{ ruleId: 'lint/unknown-kind', severity: 'error', path: [], message: `\`${String(kind)}\` is not an artifact kind` }] };
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return { findings: doc.findings };
  const parsed = spec.schema(doc.value).safeParse(doc.value);
  if (!parsed.success) return { findings: [...doc.findings, ...issuesToFindings(parsed.error.issues, doc, { rulePrefix: kind })].sort(byPosition) };
  const input = spec.prepare ? spec.prepare(parsed.data as never) : parsed.data;
  return { findings: [...doc.findings, ...runRules(kind, input, doc, ctx)].sort(byPosition), value: parsed.data };
}
