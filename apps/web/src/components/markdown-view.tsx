import type { ComponentChildren } from 'preact';
import { parseInline, parseMarkdown } from '../lib/markdown.ts';
import type { Block, Inline, ListBlock, TableBlock } from '../lib/markdown.ts';

function isExternal(href: string): boolean {
  return /^https?:/i.test(href);
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return <>{nodes.map((node, index) => renderInline(node, index))}</>;
}

function renderInline(node: Inline, key: number): ComponentChildren {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'strong':
      return <strong key={key}><InlineNodes nodes={node.children} /></strong>;
    case 'em':
      return <em key={key}><InlineNodes nodes={node.children} /></em>;
    case 'link':
      return isExternal(node.href) ? (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
          <InlineNodes nodes={node.children} />
          <span class="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <a key={key} href={node.href}><InlineNodes nodes={node.children} /></a>
      );
  }
}

function ListView({ list }: { list: ListBlock }) {
  const items = list.items.map((item, index) => (
    <li key={index}>
      <InlineNodes nodes={item.children} />
      {item.sublist === undefined ? null : <ListView list={item.sublist} />}
    </li>
  ));
  return list.ordered ? <ol start={list.start === 1 ? undefined : list.start}>{items}</ol> : <ul>{items}</ul>;
}

function TableView({ table }: { table: TableBlock }) {
  const style = (column: number) => (table.align[column] ? { textAlign: table.align[column] } : undefined);
  // The wrapper scrolls sideways on narrow screens instead of the whole page.
  return (
    <div class="table-scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>{table.header.map((cell, c) => <th key={c} scope="col" style={style(c)}><InlineNodes nodes={cell} /></th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>{row.map((cell, c) => <td key={c} style={style(c)}><InlineNodes nodes={cell} /></td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BlockView({ block, headingOffset }: { block: Block; headingOffset: number }) {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h2';
      return <Tag><InlineNodes nodes={block.children} /></Tag>;
    }
    case 'paragraph':
      return <p><InlineNodes nodes={block.children} /></p>;
    case 'code':
      return (
        <pre class="code-block" tabIndex={0}>
          <code class={block.lang === '' ? undefined : `language-${block.lang}`}>{block.text}</code>
        </pre>
      );
    case 'list':
      return <ListView list={block} />;
    case 'table':
      return <TableView table={block} />;
  }
}

/**
 * Lab-authored Markdown, rendered as elements and text nodes only (never innerHTML). Headings shift down
 * by `headingOffset` so an author's `#` sits below the page's own h1.
 */
export function MarkdownView({ source, headingOffset = 1, class: className }: { source: string; headingOffset?: number; class?: string }) {
  return (
    <div class={className === undefined ? 'prose' : `prose ${className}`}>
      {parseMarkdown(source).map((block, index) => <BlockView key={index} block={block} headingOffset={headingOffset} />)}
    </div>
  );
}

/** One-line messages (check results, findings) where authors quote user input in backticks. */
export function InlineMarkdown({ text }: { text: string }) {
  return <InlineNodes nodes={parseInline(text)} />;
}
