import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabSources } from '../src/lab-registry.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const PATH = 'labs/iam-s3-read-only/lab.yaml';
const TEXT = readFileSync(join(REPO_ROOT, PATH), 'utf8');

describe('loadLabSources', () => {
  it('registers a valid lab under its id with a content hash as version', () => {
    const { registry, problems } = loadLabSources([{ path: PATH, text: TEXT }]);
    expect(problems).toEqual([]);
    expect(registry.list().map((lab) => lab.id)).toEqual(['iam-s3-read-only']);
    expect(registry.get('iam-s3-read-only')?.version).toMatch(/^[0-9a-f]{64}$/);
    expect(registry.get('nope')).toBeUndefined();
  });

  it('changes the version when the text changes', () => {
    const a = loadLabSources([{ path: PATH, text: TEXT }]).registry.get('iam-s3-read-only')?.version;
    const b = loadLabSources([{ path: PATH, text: `${TEXT}\n# a comment\n` }]).registry.get('iam-s3-read-only')?.version;
    expect(a).not.toBe(b);
  });

  it('skips a lab whose id is not its folder name, pointing at the id', () => {
    const { registry, problems } = loadLabSources([{ path: 'labs/renamed/lab.yaml', text: TEXT }]);
    expect(registry.list()).toEqual([]);
    const line = TEXT.split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    expect(problems).toEqual([`labs/renamed/lab.yaml:${line}:5 error lab/id-matches-folder the lab id \`iam-s3-read-only\` differs from its folder \`renamed\``]);
  });

  it('skips a lab that does not validate and keeps the others', () => {
    const broken = TEXT.replace('difficulty: beginner', 'difficulty: impossible');
    const { registry, problems } = loadLabSources([
      { path: 'labs/broken/lab.yaml', text: broken.replace('id: iam-s3-read-only', 'id: broken') },
      { path: PATH, text: TEXT },
    ]);
    expect(registry.list().map((lab) => lab.id)).toEqual(['iam-s3-read-only']);
    const line = broken.split('\n').findIndex((l) => l.startsWith('difficulty:')) + 1;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^labs/broken/lab\\.yaml:${line}:\\d+ error \\S+ \\S`));
  });

  it('checks every lab\'s misconception tags against the catalogue among the sources, and serves the catalogue', () => {
    const catalogue = readFileSync(join(REPO_ROOT, 'labs/misconceptions.yaml'), 'utf8');
    const whole = loadLabSources([{ path: 'labs/misconceptions.yaml', text: catalogue }, { path: PATH, text: TEXT }]);
    expect(whole.problems).toEqual([]);
    expect(whole.registry.misconceptions().find((m) => m.id === 'bucket-arn-vs-object-arn')?.title).toMatch(/bucket/i);

    const lacking = catalogue.replace('- id: bucket-arn-vs-object-arn\n', '- id: some-other-belief\n');
    const { registry, problems } = loadLabSources([{ path: 'labs/misconceptions.yaml', text: lacking }, { path: PATH, text: TEXT }]);
    expect(registry.list()).toEqual([]);
    expect(problems.some((p) => /^labs\/iam-s3-read-only\/lab\.yaml:\d+:\d+ error lab\/unknown-misconception there is no misconception `bucket-arn-vs-object-arn`/.test(p))).toBe(true);
  });

  it('reports a broken catalogue', () => {
    const { registry, problems } = loadLabSources([{ path: 'labs/misconceptions.yaml', text: 'apiVersion: skylab.dev/v1\nmisconceptions: 3\n' }]);
    expect(registry.misconceptions()).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^labs\/misconceptions\.yaml:2:\d+ error misconceptions\/\S+ /)]);
  });
});
