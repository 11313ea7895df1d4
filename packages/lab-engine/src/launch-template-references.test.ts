import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const GOOD = readFileSync(resolve(import.meta.dirname, '../../../labs/ec2-imdsv2-launch-template/lab.yaml'), 'utf8');

describe('launch template references in a lab', () => {
  it.each<[string, string, string, string]>([
    ['a template the setup lacks', 'version of {{ app }}-lt\n    LaunchTemplateName: "{{ app }}-lt"', 'version of {{ app }}-lt\n    LaunchTemplateName: web-lt', 'the setup creates no launch template called `web-lt`'],
    ['a resource the setup lacks', 'name: "{{ app }}-lt", path: LaunchTemplateData.MetadataOptions.HttpTokens', 'name: web-lt, path: LaunchTemplateData.MetadataOptions.HttpTokens', 'the setup creates no launch template called `web-lt`'],
    ['a subnet the setup lacks', 'equivalent-launch-template: { task: template }', 'equivalent-launch-template: { task: template, subnet: app-b }', 'the setup creates no subnet called `app-b`'],
  ])('reports %s', (_name, from, to, message) => {
    const text = GOOD.replace(from, to);
    expect(text).not.toBe(GOOD);
    const { lab, findings } = loadLab(text);
    expect(lab).toBeUndefined();
    const finding = findings.find((f) => f.ruleId === 'lab/unknown-resource' && f.message === message);
    expect(finding, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(finding?.range?.start.line).toBe(text.slice(0, text.indexOf(to) + to.length).split('\n').length);
  });
});
