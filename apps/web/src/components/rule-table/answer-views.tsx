import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../../api/types.ts';
import type { RuleTableProps } from './rule-table.tsx';

/** Task kinds whose answers the rule table edits; kept here so the page knows without loading the table. */
const TABLE_KINDS = new Set(['security-groups', 'nacl-entries', 'alb-listener-rules']);

let tableModule: Promise<ComponentType<RuleTableProps>> | undefined;

/** The table (and the YAML writer it needs) in its own chunk, loaded the first time a learner asks for it. */
function loadTable(): Promise<ComponentType<RuleTableProps>> {
  tableModule ??= import('./rule-table.tsx').then((module) => module.RuleTable);
  return tableModule;
}

interface AnswerViewsProps {
  id: string;
  taskKind: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly Finding[];
  /** The text editor, shown in the text view. */
  children: ComponentChildren;
}

/**
 * A "Table / Text" switch beside the answer editor for rule answers: both views edit the same text, so
 * either can be used at any time and what is submitted is always the text.
 */
export function AnswerViews({ id, taskKind, label, value, onChange, findings, children }: AnswerViewsProps) {
  const [view, setView] = useState<'text' | 'table'>('text');
  const [Table, setTable] = useState<ComponentType<RuleTableProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (view === 'table' && Table === null) loadTable().then((component) => setTable(() => component), () => setFailed(true));
  }, [view, Table]);
  if (!TABLE_KINDS.has(taskKind)) return <>{children}</>;
  const option = (which: 'text' | 'table', text: string) => (
    <button type="button" class={view === which ? 'view-option view-option-current' : 'view-option'} aria-pressed={view === which} onClick={() => setView(which)}>
      {text}
    </button>
  );
  return (
    <div class="answer-views">
      <div class="view-switch" role="group" aria-label={`Edit ${label.charAt(0).toLowerCase()}${label.slice(1)} as`}>
        {option('table', 'Table')}
        {option('text', 'Text')}
      </div>
      {view === 'text' ? children : Table !== null ? (
        <Table id={`${id}-table`} taskKind={taskKind} label={label} value={value} onChange={onChange} findings={findings} />
      ) : (
        <p role="status" class="muted">{failed ? 'The table could not load: edit the text instead.' : 'Loading the table…'}</p>
      )}
    </div>
  );
}
