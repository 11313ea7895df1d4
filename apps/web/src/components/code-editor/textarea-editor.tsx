import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { indent, lineCount, lineRange, newline, outdent } from '../../lib/editor-ops.ts';
import type { Edit } from '../../lib/editor-ops.ts';

/** A line with a finding: errors stop grading, warnings are advice. */
export interface LineMark {
  line: number;
  level: 'error' | 'warning';
}

/** Asks the editor to select a line and bring it into view; `request` changes for every new ask. */
export interface RevealRequest {
  line: number;
  request: number;
}

interface TextareaEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Lines that have findings: marked in the gutter and behind the text. */
  marks: LineMark[];
  reveal: RevealRequest | null;
  onSubmitShortcut: () => void;
  describedBy?: string;
}

/**
 * Applies an edit through `insertText` so the textarea's own undo stack keeps working; `setRangeText`
 * is the fallback where that command is unavailable.
 */
function applyEdit(textarea: HTMLTextAreaElement, edit: Edit): void {
  textarea.setSelectionRange(edit.from, edit.to);
  const inserted = edit.insert !== textarea.value.slice(edit.from, edit.to) && document.execCommand('insertText', false, edit.insert);
  if (!inserted && edit.insert !== textarea.value.slice(edit.from, edit.to)) {
    textarea.setRangeText(edit.insert, edit.from, edit.to, 'end');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

const MIN_ROWS = 10;
const MAX_ROWS = 32;

/** The plain editor: what the learner types into while the CodeMirror chunk loads, or if it cannot load. */
export function TextareaEditor({ id, label, value, onChange, marks, reveal, onSubmitShortcut, describedBy }: TextareaEditorProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const scrollLayerRefs = useRef<HTMLDivElement[]>([]);
  // Tab indents; Escape first lets the next Tab leave the editor, so the keyboard is never trapped.
  const tabReleased = useRef(false);
  const lines = lineCount(value);
  const hintId = `${id}-keys`;

  const syncScroll = () => {
    const textarea = textareaRef.current;
    if (textarea === null) return;
    // Gutter numbers and line marks span the full width, so only vertical scrolling has to be mirrored.
    for (const layer of scrollLayerRefs.current) layer.style.transform = `translateY(${-textarea.scrollTop}px)`;
  };

  // Layout effect: the selection and scroll position must be in place before the browser paints.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (reveal === null || textarea === null) return;
    const { start, end } = lineRange(textarea.value, reveal.line);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (reveal.line - 1) * lineHeight - textarea.clientHeight / 3);
    textarea.scrollLeft = 0;
    syncScroll();
    textarea.scrollIntoView({ block: 'nearest' });
  }, [reveal?.request]);

  useEffect(syncScroll, [value]);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    const textarea = event.currentTarget;
    const { selectionStart: start, selectionEnd: end } = textarea;
    if (event.key === 'Escape') {
      tabReleased.current = true;
      return;
    }
    if (event.key === 'Tab' && !tabReleased.current && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      applyEdit(textarea, event.shiftKey ? outdent(textarea.value, start, end) : indent(textarea.value, start, end));
      return;
    }
    tabReleased.current = false;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmitShortcut();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing) {
      event.preventDefault();
      applyEdit(textarea, newline(textarea.value, start, end));
    }
  };

  // One mark per line; an error outranks a warning on the same line.
  const marked = new Map<number, LineMark['level']>();
  for (const mark of marks) if (mark.line <= lines && marked.get(mark.line) !== 'error') marked.set(mark.line, mark.level);
  const hasErrors = [...marked.values()].includes('error');
  const setLayer = (index: number) => (element: HTMLDivElement | null) => {
    if (element !== null) scrollLayerRefs.current[index] = element;
  };

  return (
    <div class="editor-block">
      <label for={id} class="editor-label">{label}</label>
      <div class={hasErrors ? 'editor editor-has-errors' : 'editor'}>
        <div class="editor-gutter" aria-hidden="true">
          <div ref={setLayer(0)}>
            {Array.from({ length: lines }, (_, index) => (
              <div key={index} class={marked.has(index + 1) ? `gutter-line gutter-line-${marked.get(index + 1)}` : 'gutter-line'}>
                {index + 1}
              </div>
            ))}
          </div>
        </div>
        <div class="editor-body">
          <div class="editor-marks" aria-hidden="true">
            <div ref={setLayer(1)}>
              {[...marked].map(([line, level]) => (
                <div key={line} class={`line-mark line-mark-${level}`} data-line={line} style={{ '--line': line }} />
              ))}
            </div>
          </div>
          <textarea
            ref={textareaRef}
            id={id}
            class="editor-input"
            value={value}
            rows={Math.min(MAX_ROWS, Math.max(MIN_ROWS, lines + 1))}
            wrap="off"
            spellcheck={false}
            autocomplete="off"
            autocapitalize="off"
            aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
            aria-invalid={hasErrors}
            onInput={(event) => onChange(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onScroll={syncScroll}
          />
        </div>
      </div>
      <p id={hintId} class="editor-keys">
        <kbd>Tab</kbd> indents · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> submits
      </p>
    </div>
  );
}
