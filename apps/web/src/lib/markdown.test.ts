import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref, splitRow } from './markdown.ts';
import type { Block, Inline } from './markdown.ts';

const text = (value: string): Inline => ({ type: 'text', text: value });

/** Every string that reaches the DOM, flattened: rendering turns each of these into a text node. */
function allText(nodes: (Block | Inline)[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'text':
      case 'code':
        return [node.text];
      case 'strong':
      case 'em':
      case 'link':
      case 'heading':
      case 'paragraph':
        return allText(node.children);
      case 'list':
        return node.items.flatMap((item) => [...allText(item.children), ...(item.sublist ? allText([item.sublist]) : [])]);
      case 'table':
        return [...node.header, ...node.rows.flat()].flatMap(allText);
    }
  });
}

function links(nodes: (Block | Inline)[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'link') return [node.href, ...links(node.children)];
    if ('children' in node) return links(node.children);
    if (node.type === 'list') return node.items.flatMap((item) => links(item.children));
    if (node.type === 'table') return [...node.header, ...node.rows.flat()].flatMap(links);
    return [];
  });
}

describe('parseMarkdown blocks', () => {
  it.each([
    ['# Title', [{ type: 'heading', level: 1, children: [text('Title')] }]],
    ['### Deep ###', [{ type: 'heading', level: 3, children: [text('Deep')] }]],
    ['one\ntwo\n\nthree', [{ type: 'paragraph', children: [text('one two')] }, { type: 'paragraph', children: [text('three')] }]],
    ['```json\n{ "a": 1 }\n  indented\n```', [{ type: 'code', lang: 'json', text: '{ "a": 1 }\n  indented' }]],
    ['```\nnever closed', [{ type: 'code', lang: '', text: 'never closed' }]],
    ['- a\n- b', [{ type: 'list', ordered: false, start: 1, items: [{ children: [text('a')] }, { children: [text('b')] }] }]],
    ['3. c\n4. d', [{ type: 'list', ordered: true, start: 3, items: [{ children: [text('c')] }, { children: [text('d')] }] }]],
    ['- a\n  continued\n- b', [{ type: 'list', ordered: false, start: 1, items: [{ children: [text('a continued')] }, { children: [text('b')] }] }]],
  ] as const)('%j', (source, expected) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  it.each([
    [
      'a pipe table with alignment, code spans holding pipes, and rows padded to the header',
      'intro line\n| tier | port | note |\n|:-----|-----:|:----:|\n| web | `443` | a \\| b |\n| db | `a|b` |',
      [
        { type: 'paragraph', children: [text('intro line')] },
        {
          type: 'table',
          align: ['left', 'right', 'center'],
          header: [[text('tier')], [text('port')], [text('note')]],
          rows: [
            [[text('web')], [{ type: 'code', text: '443' }], [text('a | b')]],
            [[text('db')], [{ type: 'code', text: 'a|b' }], []],
          ],
        },
      ],
    ],
    ['no outer pipes', 'a | b\n--- | ---\n1 | 2', [{ type: 'table', align: [null, null], header: [[text('a')], [text('b')]], rows: [[[text('1')], [text('2')]]] }]],
    ['a delimiter row of another width is no table', '| a | b |\n|---|\n| 1 | 2 |', [{ type: 'paragraph', children: [text('| a | b | |---| | 1 | 2 |')] }]],
  ] as const)('%s', (_name, source, expected) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  it('splits rows on pipes outside code spans and escapes', () => {
    expect(splitRow('| `x | y` | z \\| w |')).toEqual(['`x | y`', 'z | w']);
  });

  it('nests indented lists under their item', () => {
    const [list] = parseMarkdown('- allow\n  - `s3:GetObject`\n  - `s3:ListBucket`\n- deny the rest');
    expect(list).toMatchObject({
      type: 'list',
      items: [
        { children: [text('allow')], sublist: { items: [{ children: [{ type: 'code', text: 's3:GetObject' }] }, { children: [{ type: 'code', text: 's3:ListBucket' }] }] } },
        { children: [text('deny the rest')] },
      ],
    });
  });

  it('keeps a loose list together across blank lines and ends it at a paragraph', () => {
    const blocks = parseMarkdown('- a\n\n- b\n\nAfter.');
    expect(blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
    expect(blocks[0]).toMatchObject({ items: [{}, {}] });
  });

  it('turns a sentence followed by `- ` lines into a paragraph and a list (the simulator explanations)', () => {
    const explanation = '`s3:PutObject` on `arn:aws:s3:::b/x` is allowed\n- statement 1 of inline policy `p`, line 4 allows it\n- statement 2 does not apply: its `Action` does not cover `s3:PutObject`';
    const blocks = parseMarkdown(explanation);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(blocks[1]).toMatchObject({ items: [{}, {}] });
  });

  it('starts a heading or a fence right after a paragraph line', () => {
    expect(parseMarkdown('text\n## Next\n```\ncode\n```').map((b) => b.type)).toEqual(['paragraph', 'heading', 'code']);
  });

  it('normalises Windows line endings', () => {
    expect(parseMarkdown('# A\r\n\r\nb\r\n')).toEqual([
      { type: 'heading', level: 1, children: [text('A')] },
      { type: 'paragraph', children: [text('b')] },
    ]);
  });
});

describe('parseInline', () => {
  it.each([
    ['a `b` c', [text('a '), { type: 'code', text: 'b' }, text(' c')]],
    ['``has ` tick``', [{ type: 'code', text: 'has ` tick' }]],
    ['**bold** and *em*', [{ type: 'strong', children: [text('bold')] }, text(' and '), { type: 'em', children: [text('em')] }]],
    ['__bold__ _em_', [{ type: 'strong', children: [text('bold')] }, text(' '), { type: 'em', children: [text('em')] }]],
    ['snake_case_name', [text('snake_case_name')]],
    ['a * b * c', [text('a * b * c')]],
    ['** not bold**', [text('** not bold**')]],
    ['unclosed `tick', [text('unclosed `tick')]],
    ['\\*literal\\*', [text('*literal*')]],
    ['[IAM docs](https://docs.aws.amazon.com/IAM/ "title")', [{ type: 'link', href: 'https://docs.aws.amazon.com/IAM/', children: [text('IAM docs')] }]],
    ['[a (b)](https://x.test/a_(b))', [{ type: 'link', href: 'https://x.test/a_(b)', children: [text('a (b)')] }]],
    ['<https://aws.amazon.com>', [{ type: 'link', href: 'https://aws.amazon.com', children: [text('https://aws.amazon.com')] }]],
    ['`arn:aws:s3:::bucket/*`', [{ type: 'code', text: 'arn:aws:s3:::bucket/*' }]],
  ] as const)('%j', (source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });
});

describe('escaping: nothing becomes markup', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**<b>bold</b>**',
    '`<code>`',
    '# <h1>x</h1>',
    '- <li onclick="x">',
    '```html\n<iframe src="javascript:alert(1)"></iframe>\n```',
    '&lt;already&gt; &amp; entities',
    '| <th onclick=x> | b |\n|---|---|\n| <script>x</script> | [x](javascript:alert(1)) |',
  ];

  it.each(hostile)('%j stays literal text', (source) => {
    const blocks = parseMarkdown(source);
    const joined = allText(blocks).join('');
    // Angle brackets and ampersands survive verbatim as characters; the renderer emits them as text nodes.
    for (const char of source.match(/[<>&]/g) ?? []) expect(joined).toContain(char);
    expect(links(blocks)).toEqual([]);
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JavaScript:alert(1))',
    '[click]( javascript:alert(1) )',
    '[click](java\tscript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[click](vbscript:msgbox)',
  ])('drops the unsafe link in %j but keeps its text', (source) => {
    const blocks = parseMarkdown(source);
    expect(links(blocks)).toEqual([]);
    expect(allText(blocks).join('')).toBe('click');
  });

  it('leaves an autolink with another scheme as literal text', () => {
    const blocks = parseMarkdown('<javascript:alert(1)>');
    expect(links(blocks)).toEqual([]);
    expect(allText(blocks).join('')).toBe('<javascript:alert(1)>');
  });

  it('allows web, mail and same-site links', () => {
    expect(safeHref('https://docs.aws.amazon.com')).toBe('https://docs.aws.amazon.com');
    expect(safeHref('HTTP://example.test')).toBe('HTTP://example.test');
    expect(safeHref('mailto:help@example.test')).toBe('mailto:help@example.test');
    expect(safeHref('/labs/iam-s3-read-only')).toBe('/labs/iam-s3-read-only');
    expect(safeHref('#tasks')).toBe('#tasks');
    expect(safeHref('javascript:void(0)')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});
