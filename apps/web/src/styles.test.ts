import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A brace lost in a merge turns every later rule into garbage the browser drops without a word (it once took
// the charts' and the course pages' styles with it): the stylesheet's blocks must close where they open.

/** The line of every block that opens inside a plain rule, or the depth left at the end. */
function nestingProblems(css: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let line = 1;
  let selector = '';
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))) {
    if (ch === '\n') line++;
    if (ch === '{') {
      const head = selector.trim();
      // Only at-rules (@media, @supports, @keyframes) hold other rules.
      if (stack.length > 0 && !stack.at(-1)!.startsWith('@')) problems.push(`line ${line}: \`${head}\` opens inside \`${stack.at(-1)}\``);
      stack.push(head);
      selector = '';
    } else if (ch === '}') {
      if (stack.pop() === undefined) problems.push(`line ${line}: a \`}\` closes nothing`);
      selector = '';
    } else if (ch === ';') selector = '';
    else selector += ch;
  }
  if (stack.length > 0) problems.push(`${stack.length} block(s) never closed, the last \`${stack.at(-1)}\``);
  return problems;
}

describe('styles.css', () => {
  it('closes every block where it opens: no rule swallowed by the one before it', () => {
    expect(nestingProblems(readFileSync(resolve(import.meta.dirname, 'styles.css'), 'utf8'))).toEqual([]);
  });

  it('finds the lost brace it guards against', () => {
    expect(nestingProblems('.a {\n  color: red;\n\n.b {\n  color: blue;\n}\n')).toEqual(['line 4: `.b` opens inside `.a`', '1 block(s) never closed, the last `.a`']);
  });
});
