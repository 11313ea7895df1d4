import { describe, expect, it } from 'vitest';
import { examItemSchema } from './items.ts';

const question = { id: 'q', domain: 'iam', stem: 'Q?', learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/' };
const option = (id: string, correct = false) => ({ id, text: id, correct, rationale: `why ${id}` });
const entry = (id: string) => ({ id, text: id, rationale: `why ${id}` });

describe('examItemSchema', () => {
  it.each([
    ['single choice, one correct', { kind: 'single-choice', options: [option('a', true), option('b')] }, []],
    ['single choice, two correct', { kind: 'single-choice', options: [option('a', true), option('b', true)] }, ['a single-choice item needs exactly one correct option, `q` has 2']],
    ['which-wins, none correct', { kind: 'which-wins', options: [option('a'), option('b')] }, ['a which-wins item needs exactly one correct option, `q` has 0']],
    ['multiple choice, two correct', { kind: 'multiple-choice', partialCredit: 'per-option', options: [option('a', true), option('b', true), option('c')] }, []],
    ['multiple choice, none correct', { kind: 'multiple-choice', options: [option('a'), option('b')] }, ['a multiple-choice item needs at least one correct option, `q` has none']],
    ['a duplicate option', { kind: 'single-choice', options: [option('a', true), option('a')] }, ['duplicate option id `a`']],
    ['per-position credit on a choice item', { kind: 'single-choice', partialCredit: 'per-position', options: [option('a', true), option('b')] }, ['`partialCredit` must be `all-or-nothing` for this kind of item']],
    ['ordering, a step twice', { kind: 'ordering', steps: [entry('a'), entry('b'), entry('a')] }, ['duplicate step id `a`']],
    ['ordering, two steps', { kind: 'ordering', steps: [entry('a'), entry('b')] }, ['an ordering item needs at least three steps']],
    ['matching, a bijection', { kind: 'matching', prompts: [{ ...entry('p'), match: 'x' }, { ...entry('q'), match: 'y' }], targets: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] }, []],
    ['matching, an unknown target', { kind: 'matching', prompts: [{ ...entry('p'), match: 'x' }, { ...entry('q'), match: 'z' }], targets: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] }, ['there is no target `z`', 'no prompt matches target `y`: every target must be used once']],
    ['matching, a target never used', { kind: 'matching', prompts: [{ ...entry('p'), match: 'x' }, { ...entry('q'), match: 'x' }], targets: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] }, ['prompts `p` and `q` both match `x`: a matching key pairs each target once', 'no prompt matches target `y`: every target must be used once']],
    ['a link that is no URL', { kind: 'single-choice', learnMore: 'the docs', options: [option('a', true), option('b')] }, ['a documentation link must be a URL']],
  ])('%s', (_name, item, errors) => {
    const parsed = examItemSchema.safeParse({ ...question, ...item });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(errors);
  });

  it('gives a hands-on item 5 points and a question 1 by default', () => {
    expect(examItemSchema.parse({ id: 'h', kind: 'hands-on', domain: 'iam', lab: 'iam-s3-read-only', task: 'reader-policy' })).toMatchObject({ points: 5 });
    expect(examItemSchema.parse({ ...question, kind: 'single-choice', options: [option('a', true), option('b')] })).toMatchObject({ points: 1, partialCredit: 'all-or-nothing', exhibits: [] });
  });
});
