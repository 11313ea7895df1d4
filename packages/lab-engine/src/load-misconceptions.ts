import { issuesToFindings, loadYaml, locateNearest, misconceptionCatalogueSchema, type Finding, type Misconception } from '@skylab/validation';

/** The misconception catalogue by id. */
export type MisconceptionCatalogue = ReadonlyMap<string, Misconception>;

/**
 * Loads `labs/misconceptions.yaml`: the format, and ids unique. Every problem is a finding with line and
 * column (and `file` when given); `catalogue` is set only when there are no errors.
 */
export function loadMisconceptions(text: string, file?: string): { catalogue?: MisconceptionCatalogue; findings: Finding[] } {
  const withFile = (findings: Finding[]) => (file === undefined ? findings : findings.map((f) => ({ ...f, file })));
  const doc = loadYaml(text);
  if (doc.value === undefined) return { findings: withFile(doc.findings) };
  const parsed = misconceptionCatalogueSchema.safeParse(doc.value);
  if (!parsed.success) {
    return { findings: withFile([...doc.findings, ...issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'misconceptions', knownKeys: ['apiVersion', 'misconceptions', 'id', 'title', 'explanation', 'learnMore'] })]) };
  }
  const findings = [...doc.findings];
  const catalogue = new Map<string, Misconception>();
  parsed.data.misconceptions.forEach((entry, i) => {
    if (catalogue.has(entry.id)) {
      const path = ['misconceptions', i, 'id'];
      const range = locateNearest(doc, path);
      findings.push({ ruleId: 'misconceptions/duplicate-id', severity: 'error', path, ...(range ? { range } : {}), message: `duplicate misconception id \`${entry.id}\`` });
    }
    catalogue.set(entry.id, entry);
  });
  if (findings.some((f) => f.severity === 'error')) return { findings: withFile(findings) };
  return { catalogue, findings: withFile(findings) };
}
