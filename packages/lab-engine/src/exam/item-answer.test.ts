import { describe, expect, it } from 'vitest';
import { fixtureExam, repositoryLabs } from '../../test/exam-fixtures.ts';
import { drawPaper } from './draw-paper.ts';
import { readItemAnswer } from './item-answer.ts';

const exam = fixtureExam();
const paper = drawPaper({ ...exam, sections: exam.sections.map((s) => ({ ...s, pools: s.pools.map((p) => ({ ...p, draw: p.items.length })) })) }, { seed: 'learner-1', labs: repositoryLabs() });

describe('readItemAnswer', () => {
  it.each([
    ['a single pick', 'root-user', { picks: ['admin-role'] }],
    ['two picks of a multiple-choice item', 'mfa-factors', { picks: ['totp', 'sms'] }],
    ['nothing picked yet', 'mfa-factors', { picks: [] }],
    ['part of an order', 'nacl-order', { order: ['igw', 'sg'] }],
    ['one pair', 'gateway-match', { pairs: { inbound: 'nat' } }],
    ['a hands-on text', 's3-reader', { text: '{}' }],
  ])('accepts %s', (_name, item, answer) => {
    expect(readItemAnswer(paper, item, answer)).toEqual({ answer, findings: [] });
  });

  it.each([
    ['an item not on the paper', 'no-such-item', { picks: ['a'] }, ['no-such-item'], 'there is no item `no-such-item` on this paper'],
    ['two picks of a single-choice item', 'root-user', { picks: ['root', 'admin-role'] }, ['root-user', 'picks'], 'item `root-user` takes one option, not 2'],
    ['an unknown option', 'deny-wins', { picks: ['maybe'] }, ['deny-wins', 'picks', 0], 'there is no option `maybe`'],
    ['a step twice', 'nacl-order', { order: ['igw', 'igw'] }, ['nacl-order', 'order'], 'a step is given twice'],
    ['an unknown prompt', 'gateway-match', { pairs: { outbound: 'nat' } }, ['gateway-match', 'pairs', 'outbound'], 'there is no prompt `outbound`'],
    ['an unknown target', 'gateway-match', { pairs: { inbound: 'vpn' } }, ['gateway-match', 'pairs', 'inbound'], 'there is no target `vpn`'],
    ['the shape of another kind', 'nacl-order', { picks: ['igw'] }, ['nacl-order'], 'the answer to a `ordering` item is `{ order }`'],
    ['no known shape', 'root-user', { choice: 'root' }, ['root-user'], 'an answer is `{ picks }`, `{ order }`, `{ pairs }` or `{ text }`'],
    ['a hands-on answer over 64 KiB', 's3-reader', { text: 'x'.repeat(64 * 1024 + 1) }, ['s3-reader', 'text'], 'a hands-on answer must be at most 64 KiB'],
  ])('refuses %s', (_name, item, answer, path, message) => {
    const { answer: read, findings } = readItemAnswer(paper, item, answer);
    expect(read).toBeUndefined();
    expect(findings.map((f) => ({ path: f.path, message: f.message }))).toContainEqual({ path, message });
  });
});
