import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode, type Range as YamlRange } from 'yaml';
import type { Finding, PathSegment, Range } from '../finding.ts';
import { SOURCE_LIMITS, childKey, failedDocument, pathKey, setMember, sizeFinding, type SourceDocument } from '../source.ts';

// Tags of the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#103-core-schema); anything else is refused.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

class LimitReached {}

/**
 * Loads one YAML document as plain data with positions, using the `yaml` package's core schema.
 * Lab files are data, not programs: aliases, anchors, custom tags and merge keys (`<<`) are refused,
 * and the same size, depth and node limits as JSON apply.
 */
export function loadYaml(text: string): SourceDocument {
  const tooBig = sizeFinding(text, 'yaml/too-large');
  if (tooBig) return failedDocument([tooBig]);
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, merge: false, uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false });
  } catch {
    return failedDocument([{ ruleId: 'yaml/syntax', severity: 'error', path: [], message: 'the YAML parser gave up on this text' }]);
  }
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(end);
    return { start: { line: s.line, column: s.col, offset: start }, end: { line: e.line, column: e.col, offset: end } };
  };
  // Offsets are kept per path and turned into lines and columns only for the elements a finding points at.
  const valueRanges = new Map<string, YamlRange>();
  const keyRanges = new Map<string, YamlRange>();
  const findings: Finding[] = [];
  const rangeOf = (span: YamlRange | undefined) => (span ? toRange(span[0], span[1]) : undefined);
  const result: SourceDocument = {
    findings,
    locate: (path) => rangeOf(valueRanges.get(pathKey(path))),
    locateKey: (path) => rangeOf(keyRanges.get(pathKey(path)) ?? valueRanges.get(pathKey(path))),
  };
  for (const error of doc.errors) {
    findings.push({
      ruleId: 'yaml/syntax',
      severity: 'error',
      path: [],
      range: toRange(error.pos[0], error.pos[1]),
      message: lowerFirst(firstLine(error.message)),
    });
  }
  if (findings.length > 0) return result;

  let nodes = 0;
  const refuse = (path: PathSegment[], node: YamlNode | null | undefined, ruleId: string, message: string) => {
    findings.push({ ruleId, severity: 'error', path, message, ...(node?.range ? { range: toRange(node.range[0], node.range[1]) } : {}) });
  };
  const convert = (node: YamlNode | null, path: PathSegment[], key: string, depth: number): unknown => {
    nodes++;
    if (nodes > SOURCE_LIMITS.maxNodes) {
      refuse(path, node, 'yaml/too-many-nodes', `the document has more than ${SOURCE_LIMITS.maxNodes} values`);
      throw new LimitReached();
    }
    if (node === null) return null;
    if (node.range) valueRanges.set(key, node.range);
    if (isAlias(node)) {
      refuse(path, node, 'yaml/alias', `aliases (\`*${node.source}\`) are not allowed: write the value out`);
      return undefined;
    }
    if (node.anchor) refuse(path, node, 'yaml/anchor', `anchors (\`&${node.anchor}\`) are not allowed: write values out`);
    if (node.tag && !CORE_TAGS.has(node.tag)) refuse(path, node, 'yaml/custom-tag', `custom tags (\`${node.tag}\`) are not allowed`);
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        refuse(path, node, 'yaml/non-finite-number', `\`${String(node.source ?? node.value)}\` is not a finite number`);
      }
      return node.value;
    }
    if (depth >= SOURCE_LIMITS.maxDepth) {
      refuse(path, node, 'yaml/too-deep', `the document nests deeper than ${SOURCE_LIMITS.maxDepth} levels`);
      throw new LimitReached();
    }
    if (isSeq(node)) return node.items.map((item, i) => convert(item as YamlNode | null, [...path, i], childKey(key, i), depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          refuse(path, keyNode, 'yaml/complex-key', 'map keys must be plain strings');
          continue;
        }
        const name = String(keyNode.value);
        const childPath = [...path, name];
        const memberKey = childKey(key, name);
        if (keyNode.range) keyRanges.set(memberKey, keyNode.range);
        if (name === '<<' && keyNode.type === 'PLAIN') {
          refuse(childPath, keyNode, 'yaml/merge-key', 'merge keys (`<<`) are not allowed: write the members out');
          continue;
        }
        // Duplicates are found here in one pass; the yaml package's own `uniqueKeys` check is quadratic.
        if (Object.hasOwn(out, name)) refuse(childPath, keyNode, 'yaml/duplicate-key', `duplicate key \`${name}\`: only one may be given`);
        setMember(out, name, convert(pair.value as YamlNode | null, childPath, memberKey, depth + 1));
      }
      return out;
    }
    refuse(path, node, 'yaml/unsupported', 'this YAML construct is not supported');
    return undefined;
  };
  try {
    const value = convert(doc.contents as YamlNode | null, [], '', 0);
    if (!findings.some((f) => f.severity === 'error')) result.value = value;
  } catch (error) {
    if (!(error instanceof LimitReached)) throw error;
  }
  return result;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
