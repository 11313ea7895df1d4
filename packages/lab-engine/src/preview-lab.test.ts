import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewLab } from './preview-lab.ts';
import { testCtx } from './test-ctx.ts';

const TEXT = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');

describe('previewLab', () => {
  it('renders a good lab for the seed and self-tests it', () => {
    const preview = previewLab(TEXT, 'seed-a', testCtx(), testCtx());
    expect(preview).toMatchObject({ ok: true, findings: [], lab: { id: 'iam-s3-read-only' }, selfTest: { ok: true } });
    expect(preview.lab?.description).not.toContain('{{');
  });

  it('gives the findings of a text that does not load, at line and column, and nothing else', () => {
    const preview = previewLab(TEXT.replace(/^title: .*$/m, 'title: [unclosed'), 'seed-a', testCtx(), testCtx());
    expect(preview).toMatchObject({ ok: false, lab: null, params: null, selfTest: null });
    expect(preview.findings[0]?.range?.start.line).toBeGreaterThan(1);
  });

  it('fails a lab whose wrong answer fails more than it declares, and still renders it', () => {
    const broken = TEXT.replace('fails: [list-bucket, least-privilege]', 'fails: [list-bucket]');
    const preview = previewLab(broken, 'seed-a', testCtx(), testCtx());
    expect(preview).toMatchObject({ ok: false, lab: { id: 'iam-s3-read-only' }, selfTest: { ok: false } });
    expect(preview.selfTest?.runs.flatMap((run) => run.problems)).toContainEqual(expect.stringContaining('`least-privilege`'));
  });
});
