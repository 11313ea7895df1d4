import { describe, expect, it } from 'vitest';
import type { ExposureMatrixVisual } from '../api/types.ts';
import { cellText, reachOf, tierMembers } from './exposure-matrix-text.ts';

const visual: ExposureMatrixVisual = {
  kind: 'exposure-matrix',
  grouping: 'security-group',
  tiers: [
    { name: 'internet', instances: [], probes: 0 },
    { name: 'web-sg', instances: ['web-1', 'web-2'], probes: 3 },
    { name: 'app-sg', instances: ['app-1'], probes: 1 },
  ],
  services: ['tcp 80', 'tcp 443', 'tcp 8080', 'icmp'],
  cells: [
    { source: 0, destination: 1, service: 0, paths: 2, learner: 2, reference: 2 },
    { source: 0, destination: 1, service: 1, paths: 2, learner: 2, reference: 2 },
    { source: 1, destination: 2, service: 2, paths: 10, learner: 4, reference: 10 },
    { source: 1, destination: 2, service: 3, paths: 10, learner: 5, reference: 5 },
    ...[0, 1, 2, 3].map((service) => ({ source: 2, destination: 0, service, paths: 1, learner: 1, reference: 1 })),
  ],
  closedServices: [],
  examples: [],
  differences: 6,
};

describe('exposure matrix text', () => {
  it.each([
    [0, 5, 'blocked'],
    [5, 5, 'allowed'],
    [2, 5, 'partly'],
  ] as const)('%i of %i open paths read as %s', (open, paths, reach) => {
    expect(reachOf(open, paths)).toBe(reach);
  });

  it.each([
    ['services both networks open are grouped', 0, 1, { same: [{ reach: 'allowed', services: ['tcp 80', 'tcp 443'] }], different: [] }],
    ['a difference names both counts', 1, 2, { same: [{ reach: 'partly', services: ['icmp'] }], different: [{ service: 'tcp 8080', learner: 'partly (4 of 10 paths)', reference: 'allowed' }] }],
    ['a cell nothing opens is empty: blocked', 2, 1, { same: [], different: [] }],
    ['a cell open on every service says so', 2, 0, { same: [{ reach: 'allowed', services: ['every port and protocol'] }], different: [] }],
  ])('%s', (_what, source, destination, text) => {
    expect(cellText(visual, source, destination)).toEqual(text);
  });

  it('names a tier by its instances and its probes', () => {
    expect(tierMembers(visual.tiers[1]!)).toBe('web-1, web-2, 3 probe instances');
    expect(tierMembers(visual.tiers[0]!)).toBe('');
  });
});
