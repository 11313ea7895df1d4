import type { Finding, PathSegment, SourceDocument } from '@skylab/validation';

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Fills `{{ name }}` placeholders in a string; unknown names stay as written. */
export function renderString(text: string, params: Readonly<Record<string, string>>): string {
  return text.replace(TEMPLATE, (whole, name: string) => (Object.hasOwn(params, name) ? (params[name] as string) : whole));
}

/** Fills placeholders in every string of a JSON-like value, returning a new value. */
export function renderDeep<T>(value: T, params: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return renderString(value, params) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => renderDeep(item, params)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, params)])) as T;
  }
  return value;
}

/** Findings for placeholders that name no declared param, or are not names at all, anywhere in a raw lab document. */
export function templateFindings(doc: SourceDocument, declared: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: doc.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (typeof value === 'string') {
      for (const match of value.matchAll(TEMPLATE)) {
        const name = match[1] ?? '';
        if (NAME.test(name) && declared.has(name)) continue;
        const range = doc.locate(path);
        findings.push({
          ruleId: 'lab/unknown-template-variable',
          severity: 'error',
          path,
          ...(range ? { range } : {}),
          message: NAME.test(name) ? `unknown template variable \`${name}\`: declare it under \`params\`` : `\`${match[0]}\` is not a template variable: write \`{{ name }}\``,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
    }
  }
  return findings.sort((a, b) => (a.range?.start.offset ?? 0) - (b.range?.start.offset ?? 0));
}
