import { describe, expect, it } from 'vitest';
import { explanationMarkdown } from './explanation-text.ts';

describe('explanationMarkdown', () => {
  it.each([
    ['one line', 'no path: blocked', 'no path: blocked'],
    ['plain lines become paragraphs', 'the load rose\nInService by the hour: 2', 'the load rose\n\nInService by the hour: 2'],
    ['a list follows its heading line as it is (a list may interrupt a paragraph)', 'key events:\n- 08:00 launch\n- 09:00 alarm', 'key events:\n- 08:00 launch\n- 09:00 alarm'],
    ['a line after a list starts a paragraph', '- a\nassumed: x', '- a\n\nassumed: x'],
    ['an indented continuation stays in its item', '- a\n  more of a', '- a\n  more of a'],
    ['fenced code keeps its lines', 'why:\n```\nline 1\nline 2\n```\nafter', 'why:\n\n```\nline 1\nline 2\n```\n\nafter'],
  ])('%s', (_what, text, markdown) => {
    expect(explanationMarkdown(text)).toBe(markdown);
  });
});
