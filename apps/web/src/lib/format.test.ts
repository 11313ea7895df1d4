import { describe, expect, it } from 'vitest';
import type { Finding } from '../api/types.ts';
import { findingLocation, formatDeduction, formatMinutes, formatPath, formatPercent, formatPoints, splitFindingsByTask } from './format.ts';

const finding = (path: Finding['path'], line?: number): Finding => ({
  ruleId: 'r',
  severity: 'error',
  path,
  message: 'm',
  ...(line === undefined ? {} : { range: { start: { line, column: 3, offset: 0 }, end: { line, column: 4, offset: 1 } } }),
});

describe('formatting', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [0.29, '29%'],
    [2 / 3, '66%'],
    [0.999, '99%'],
  ])('formatPercent(%d) = %s', (score, expected) => {
    expect(formatPercent(score)).toBe(expected);
  });

  it.each([
    [1, '\u22121 point'],
    [3, '\u22123 points'],
  ])('formatDeduction(%d) = %s', (points, expected) => {
    expect(formatDeduction(points)).toBe(expected);
  });

  it('formats points, minutes, paths and locations', () => {
    expect(formatPoints(1, 1)).toBe('1 / 1 point');
    expect(formatPoints(3, 10)).toBe('3 / 10 points');
    expect(formatMinutes(15)).toBe('15 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatPath(['Statement', 0, 'Action'])).toBe('Statement[0].Action');
    expect(formatPath([])).toBe('');
    expect(findingLocation(finding([], 4))).toBe('4:3');
    expect(findingLocation(finding([]))).toBeNull();
  });
});

describe('splitFindingsByTask', () => {
  it('gives every finding to the only task', () => {
    const { byTask, general } = splitFindingsByTask([finding(['Statement', 0]), finding([])], ['policy']);
    expect(byTask.get('policy')).toHaveLength(2);
    expect(general).toEqual([]);
  });

  it('routes findings by their leading task id and strips it', () => {
    const { byTask, general } = splitFindingsByTask([finding(['trust', 'Statement']), finding(['policy']), finding(['elsewhere'])], ['policy', 'trust']);
    expect(byTask.get('trust')).toEqual([finding(['Statement'])]);
    expect(byTask.get('policy')).toEqual([finding([])]);
    expect(general).toEqual([finding(['elsewhere'])]);
  });
});
