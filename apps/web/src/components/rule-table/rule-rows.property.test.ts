import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerText, readAnswer, rowSpecFor, writeAnswer } from './answer-document.ts';
import type { RowSpec } from './rule-rows.ts';

// Round trips: any rows the table can hold, written into a document and read back, are the same rows (in
// JSON and in YAML); and a document read and written back unedited is the same document.

const port = fc.oneof(fc.constant(''), fc.integer({ min: -1, max: 65535 }).map(String));
const word = fc.stringMatching(/^[a-z][a-z0-9*./-]{0,11}$/);
const cidr = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 32 })).map(([a, b, bits]) => `${a}.${b}.0.0/${bits}`);
const description = fc.string({ maxLength: 20 });

const securityGroupRow = fc
  .record({
    group: fc.constantFrom('0', '1'),
    direction: fc.constantFrom('ingress', 'egress'),
    protocol: fc.constantFrom('tcp', 'udp', 'icmp', '-1', '6', ''),
    fromPort: port,
    toPort: port,
    source: fc.oneof(cidr, fc.constantFrom('2001:db8::/32', 'pl-0123abcd', 'sg-0123456789abcdef0'), word.filter((w) => !/^(pl|sg)-/.test(w) && !/^[\d.]/.test(w) && !w.includes('/'))),
    description,
  })
  .chain((row) => (row.source === '' ? fc.constant({ ...row, description: '' }) : fc.constant(row)));

const naclRow = fc.record({
  ruleNumber: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 32767 }).map(String)),
  egress: fc.constantFrom('true', 'false'),
  action: fc.constantFrom('allow', 'deny'),
  protocol: fc.constantFrom('6', '17', '1', '-1', 'tcp'),
  cidr: fc.oneof(cidr, fc.constant('::/0'), fc.constant('')),
  fromPort: port,
  toPort: port,
});

const condition = fc.oneof(
  fc.tuple(fc.constantFrom('path-pattern', 'host-header', 'http-request-method', 'source-ip'), fc.array(word, { minLength: 1, maxLength: 3 })).map(([field, values]) => `${field}: ${values.join(', ')}`),
  fc.tuple(fc.stringMatching(/^X-[A-Za-z]{1,8}$/), fc.array(word, { minLength: 1, maxLength: 2 })).map(([name, values]) => `http-header ${name}: ${values.join(', ')}`),
  fc.array(fc.tuple(fc.option(word, { nil: undefined }), word), { minLength: 1, maxLength: 2 }).map((pairs) => `query-string: ${pairs.map(([k, v]) => (k === undefined ? v : `${k}=${v}`)).join(', ')}`),
);
const action = fc.oneof(
  word.map((tg) => `forward ${tg}`),
  fc.array(fc.tuple(word, fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 3 }).map((groups) => `forward ${groups.map(([tg, w]) => `${tg}=${w}`).join(', ')}`),
  fc.constantFrom('redirect HTTP_301', 'redirect HTTP_302 HTTPS:443', 'redirect HTTP_301 #{protocol}:8443', 'fixed-response 404', 'fixed-response 503'),
);
const listenerRow = fc.record({
  priority: fc.oneof(fc.constant('default'), fc.integer({ min: 1, max: 50000 }).map(String)),
  conditions: fc.array(condition, { maxLength: 3 }).map((list) => list.join('; ')),
  action: fc.array(action, { minLength: 1, maxLength: 2 }).map((list) => list.join('; ')),
});

// Security group rows come back grouped: by group, inbound before outbound, in the order they were in.
const byGroup = (rows: Record<string, string>[]) => [...rows].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || (a.direction === b.direction ? 0 : a.direction === 'ingress' ? -1 : 1));

const CASES: [string, string, fc.Arbitrary<Record<string, string>[]>][] = [
  ['security-groups', 'SecurityGroups:\n  - GroupName: web-sg\n  - GroupName: app-sg\n    IpPermissionsEgress: []\n', fc.array(securityGroupRow, { maxLength: 8 }).map(byGroup)],
  ['nacl-entries', 'Entries: []\n', fc.array(naclRow, { maxLength: 8 })],
  ['alb-listener-rules', 'Rules: []\n', fc.array(listenerRow, { maxLength: 6 })],
];

function visible(spec: RowSpec, rows: Record<string, string>[]) {
  return rows.map((r) => Object.fromEntries(spec.columns.map((c) => [c.id, r[c.id]])));
}

describe.each(CASES)('%s rows', (kind, empty, rowsArbitrary) => {
  const spec = rowSpecFor(kind) as RowSpec;

  it.each(['yaml', 'json'] as const)('round-trip through %s text unchanged', (format) => {
    fc.assert(
      fc.property(rowsArbitrary, (rows) => {
        const base = readAnswer(spec, empty);
        if (!base.ok) throw new Error(base.problem);
        const text = writeAnswer(spec, { ...base, format }, rows);
        const back = readAnswer(spec, text);
        if (!back.ok) throw new Error(back.problem);
        expect(visible(spec, back.read.rows.map((r) => r.cells))).toEqual(visible(spec, rows));
        // Read and written back again without an edit, the text is the same text.
        expect(writeAnswer(spec, back, back.read.rows.map((r) => r.cells))).toBe(answerText(back.value, format));
        expect(writeAnswer(spec, back, back.read.rows.map((r) => r.cells))).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
