import { useMemo, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../api/types.ts';
import { readAnswer, rowSpecFor, writeAnswer } from './answer-document.ts';
import { findingsByCell, type Column, type Row } from './rule-rows.ts';

/** The props of the rule table: the answer's text in and out, the findings on it, and the editor's label. */
export interface RuleTableProps {
  id: string;
  taskKind: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly Finding[];
}

function CellFindings({ id, findings }: { id: string; findings: Finding[] }) {
  return (
    <ul id={id} class="cell-findings">
      {findings.map((f, i) => (
        <li key={i} class={`cell-finding cell-finding-${f.severity === 'error' ? 'error' : 'warning'}`}>
          <span aria-hidden="true">{f.severity === 'error' ? '✗ ' : '! '}</span>
          <span class="visually-hidden">{f.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

interface CellProps {
  id: string;
  column: Column;
  rowNumber: number;
  value: string;
  options: { value: string; label: string }[];
  findings: Finding[];
  /** Set when the cell cannot hold a value yet (a description needs a source): the reason. */
  waiting?: string;
  onInput: (value: string) => void;
}

function Cell({ id, column, rowNumber, value, options, findings, waiting, onInput }: CellProps) {
  // While the learner types, the cell shows their keystrokes, not the text read back: `/a,` on its way to
  // `/a, /b` would otherwise lose its comma to the round trip. Leaving the cell shows what the text says.
  const [draft, setDraft] = useState<string | null>(null);
  const label = `${column.label}, rule ${rowNumber}`;
  const described = findings.length > 0 ? `${id}-findings` : undefined;
  const common = { id, 'aria-label': label, 'aria-invalid': findings.some((f) => f.severity === 'error'), 'aria-describedby': described, 'data-column': column.id };
  let input;
  if (column.input === 'checkbox') {
    input = <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => onInput(e.currentTarget.checked ? 'true' : 'false')} />;
  } else if (column.input === 'select') {
    // A value the list does not offer (a typo in the text) is shown as it is, so the table never changes it unasked.
    const choices = options.some((o) => o.value === value) ? options : [...options, { value, label: value === '' ? '(none)' : value }];
    input = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        {choices.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  } else {
    input = (
      <input
        type="text"
        {...common}
        value={draft ?? value}
        placeholder={waiting ?? column.placeholder}
        disabled={waiting !== undefined}
        spellcheck={false}
        autocomplete="off"
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          onInput(e.currentTarget.value);
        }}
        onBlur={() => setDraft(null)}
      />
    );
  }
  return (
    <td class={findings.length > 0 ? 'rule-cell rule-cell-flagged' : 'rule-cell'}>
      {input}
      {described === undefined ? null : <CellFindings id={described} findings={findings} />}
    </td>
  );
}

/**
 * The answer's rules as a table: one row per rule, a labelled input per cell, the findings of each cell
 * under it. Every edit writes the whole answer back as text, in the format it was in; a text the table
 * cannot show leaves it off, saying why.
 */
export function RuleTable({ id, taskKind, label, value, onChange, findings }: RuleTableProps) {
  const spec = rowSpecFor(taskKind);
  const doc = useMemo(() => (spec === undefined ? undefined : readAnswer(spec, value)), [spec, value]);
  const tableRef = useRef<HTMLTableElement>(null);
  if (spec === undefined || doc === undefined) return null;
  if (!doc.ok) {
    return (
      <div class="notice notice-warning rule-table-off" role="status">
        <p class="notice-title">The table is off for this answer</p>
        <p>{doc.problem}. Switch to the text to fix it; the table comes back once the text parses.</p>
      </div>
    );
  }
  const rows: Row[] = doc.read.rows;
  const cells = rows.map((r) => r.cells);
  const write = (next: Record<string, string>[]) => onChange(writeAnswer(spec, doc, next));
  const focusRow = (index: number) =>
    requestAnimationFrame(() => {
      const target = tableRef.current?.querySelector<HTMLElement>(`tbody tr[data-row="${index}"] input, tbody tr[data-row="${index}"] select`) ?? document.getElementById(`${id}-add`);
      target?.focus();
    });
  const add = () => {
    write([...cells, spec.blank(cells)]);
    focusRow(cells.length);
  };
  const remove = (index: number) => {
    write(cells.filter((_, i) => i !== index));
    focusRow(Math.min(index, cells.length - 2));
  };
  const captionId = `${id}-caption`;
  return (
    <div class="rule-table-block stack">
      {doc.comments ? (
        <p class="notice notice-warning small" role="note">
          <span aria-hidden="true">! </span>Your YAML has comments: an edit in the table writes the text again without them.
        </p>
      ) : null}
      <div class="table-scroll rule-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table class="rule-table" ref={tableRef} id={id}>
          <caption id={captionId} class="rule-table-caption">{label}</caption>
          <thead>
            <tr>
              {spec.columns.map((c) => <th key={c.id} scope="col">{c.label}</th>)}
              <th scope="col"><span class="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={spec.columns.length + 1} class="muted">No rules yet: add one.</td>
              </tr>
            ) : null}
            {rows.map((row, r) => {
              const flagged = findingsByCell(row, findings);
              return [
                <tr key={`r${r}`} data-row={r}>
                  {spec.columns.map((column) => (
                    <Cell
                      key={column.id}
                      id={`${id}-${r}-${column.id}`}
                      column={column}
                      rowNumber={r + 1}
                      value={row.cells[column.id] ?? ''}
                      options={column.options ?? doc.read.options?.[column.id] ?? []}
                      findings={flagged[column.id] ?? []}
                      {...(column.requires !== undefined && (row.cells[column.requires] ?? '') === '' ? { waiting: `needs a ${column.requires} first` } : {})}
                      onInput={(text) => write(cells.map((c, i) => (i === r ? { ...c, [column.id]: text } : c)))}
                    />
                  ))}
                  <td>
                    <button type="button" class="link-button small" onClick={() => remove(r)}>
                      Remove<span class="visually-hidden"> rule {r + 1}</span>
                    </button>
                  </td>
                </tr>,
                flagged.row === undefined ? null : (
                  <tr key={`f${r}`} class="rule-row-findings">
                    <td colSpan={spec.columns.length + 1}>
                      <span class="visually-hidden">Rule {r + 1}: </span>
                      <CellFindings id={`${id}-${r}-row-findings`} findings={flagged.row} />
                    </td>
                  </tr>
                ),
              ];
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" id={`${id}-add`} class="button button-outline button-small" onClick={add}>Add a rule</button>
      </p>
    </div>
  );
}
