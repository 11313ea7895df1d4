import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../api/types.ts';
import type { EditorHandle, EditorLanguage, mountEditor } from './mount-editor.ts';
import { TextareaEditor } from './textarea-editor.tsx';
import type { LineMark, RevealRequest } from './textarea-editor.tsx';

export type { EditorLanguage } from './mount-editor.ts';
export type { RevealRequest } from './textarea-editor.tsx';

interface EditorModule {
  mountEditor: typeof mountEditor;
}

let editorModule: Promise<EditorModule> | undefined;
/** Once loaded, an editor shown again (the rule table's Text view) starts as CodeMirror, without the textarea in between. */
let loadedModule: EditorModule | null = null;

/** CodeMirror and the IAM catalogue in their own chunk, fetched once, when the first editor shows. */
function loadEditor(): Promise<EditorModule> {
  editorModule ??= import('./mount-editor.ts').then((module) => (loadedModule = module));
  return editorModule;
}

/** The textarea's gutter marks: one per line that has a placed finding. */
function marksOf(findings: readonly Finding[]): LineMark[] {
  return findings.flatMap((finding) => (finding.range === undefined ? [] : [{ line: finding.range.start.line, level: finding.severity === 'error' ? 'error' : 'warning' } as const]));
}

/** What a page gives an answer editor; a rule table that edits the same answer can swap in for it. */
export interface CodeEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  language: EditorLanguage;
  /** Findings about `value`, underlined where their range points (live lint, the last submission's). */
  findings: readonly Finding[];
  reveal?: RevealRequest | null;
  /** Ctrl/Cmd+Enter. */
  onSubmitShortcut?: () => void;
  describedBy?: string;
}

const noop = () => undefined;

/**
 * The answer editor: CodeMirror with the findings underlined, IAM completion and hover help, loaded lazily.
 * Until its chunk arrives (or if it never does) the learner types into the plain textarea editor.
 */
export function CodeEditor({ id, label, value, onChange, language, findings, reveal = null, onSubmitShortcut = noop, describedBy }: CodeEditorProps) {
  const [module, setModule] = useState<EditorModule | null>(loadedModule);
  const hostRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<EditorHandle | null>(null);
  const focusOnMount = useRef(false);
  // The editor is created once; these let it call the page's latest callbacks.
  const callbacks = useRef({ onChange, onSubmitShortcut });
  callbacks.current = { onChange, onSubmitShortcut };
  const labelId = `${id}-label`;
  const hintId = `${id}-keys`;

  useEffect(() => {
    if (module !== null) return;
    let current = true;
    loadEditor().then(
      (loaded) => {
        if (!current) return;
        // Swapping the textarea out must not drop the learner's focus.
        focusOnMount.current = document.activeElement?.id === id;
        setModule(loaded);
      },
      // Without the chunk the textarea stays: every answer can still be typed and submitted.
      noop,
    );
    return () => {
      current = false;
    };
  }, []);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (module === null || host === null) return;
    const handle = module.mountEditor(host, {
      value,
      language,
      labelledBy: labelId,
      describedBy: [hintId, describedBy].filter(Boolean).join(' '),
      onChange: (text) => callbacks.current.onChange(text),
      onSubmitShortcut: () => callbacks.current.onSubmitShortcut(),
    });
    handleRef.current = handle;
    if (focusOnMount.current) handle.focus();
    return () => {
      handle.destroy();
      handleRef.current = null;
    };
  }, [module, language]);

  useEffect(() => handleRef.current?.setValue(value), [value, module]);
  // Set again only when the findings change: in between, CodeMirror moves the underlines along with the edits.
  const findingsKey = findings.map((finding) => `${finding.ruleId} ${finding.range?.start.offset}-${finding.range?.end.offset} ${finding.message}`).join('\n');
  useEffect(() => handleRef.current?.setFindings(findings), [findingsKey, module]);
  useEffect(() => {
    if (reveal !== null) handleRef.current?.reveal(reveal.line);
  }, [reveal?.request]);

  if (module === null) {
    return <TextareaEditor id={id} label={label} value={value} onChange={onChange} marks={marksOf(findings)} reveal={reveal} onSubmitShortcut={onSubmitShortcut} describedBy={describedBy} />;
  }
  return (
    <div class="editor-block code-editor">
      <span id={labelId} class="editor-label">{label}</span>
      <div class="code-editor-host" ref={hostRef} data-language={language} />
      <p id={hintId} class="editor-keys">
        <kbd>Tab</kbd> indents · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor · <kbd>Ctrl</kbd>+<kbd>Space</kbd> suggests · <kbd>F8</kbd> next problem ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> lists problems · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> submits
      </p>
    </div>
  );
}
