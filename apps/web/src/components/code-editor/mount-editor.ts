// The editor's own chunk, loaded on demand (see `load-editor.ts`): CodeMirror, its languages and the IAM
// catalogue behind completion never weigh on the first paint. zod must be made jitless before the
// validation package builds its schemas, as in the lint chunk.
import '../../lib/zod-jitless.ts';
import { autocompletion, completionKeymap, snippetCompletion } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { Tooltip } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import type { Finding } from '../../api/types.ts';
import { adoptCodeMirrorStyles } from './constructed-styles.ts';
import { findingDiagnostics } from './finding-diagnostics.ts';
import { iamCompletions, iamHover } from './iam-assist.ts';
import type { AssistHover, AssistOption } from './iam-assist.ts';

/** The answer's language, as the lab declares it. */
export type EditorLanguage = 'json' | 'yaml' | 'text';

export interface EditorOptions {
  value: string;
  language: EditorLanguage;
  /** The id of the element naming the editor, and of those describing it. */
  labelledBy: string;
  describedBy: string;
  onChange: (value: string) => void;
  onSubmitShortcut: () => void;
}

/** A mounted editor, driven by the component that owns it. */
export interface EditorHandle {
  setValue: (value: string) => void;
  setFindings: (findings: readonly Finding[]) => void;
  /** Selects a line, scrolls it into view and focuses the editor. */
  reveal: (line: number) => void;
  focus: () => void;
  destroy: () => void;
}

function completion(option: AssistOption): Completion {
  const { snippet, ...rest } = option;
  return snippet === undefined ? rest : snippetCompletion(snippet, rest);
}

function iamCompletionSource(context: CompletionContext): CompletionResult | null {
  const result = iamCompletions(context.state.doc.toString(), context.pos);
  return result === null ? null : { from: result.from, to: result.to, options: result.options.map(completion), validFor: result.validFor };
}

function hoverDom(help: AssistHover): HTMLElement {
  const box = document.createElement('div');
  box.className = 'code-editor-hover';
  const title = box.appendChild(document.createElement('p'));
  title.className = 'code-editor-hover-title';
  title.textContent = help.title;
  for (const line of help.lines) box.appendChild(document.createElement('p')).textContent = line;
  const link = box.appendChild(document.createElement('a'));
  link.href = help.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'AWS documentation';
  return box;
}

const iamHoverHelp = hoverTooltip((view, pos): Tooltip | null => {
  const help = iamHover(view.state.doc.toString(), pos);
  return help === null ? null : { pos: help.from, end: help.to, above: true, create: () => ({ dom: hoverDom(help) }) };
});

const LANGUAGES: Readonly<Record<EditorLanguage, () => Extension>> = {
  // Completion and hover read the text as JSON; a YAML answer gets highlighting and findings only.
  json: () => [json(), autocompletion({ override: [iamCompletionSource], icons: false }), iamHoverHelp],
  yaml: () => yaml(),
  text: () => [],
};

/** How many of its own changes the editor remembers while the page has not rendered them yet. */
const MAX_ECHOES = 200;

/** Mounts CodeMirror into `parent` with the answer, its language and the page's keyboard conventions. */
export function mountEditor(parent: HTMLElement, options: EditorOptions): EditorHandle {
  adoptCodeMirrorStyles(parent.ownerDocument);
  let applying = false;
  const emitted: string[] = [];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        lintGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        indentUnit.of('  '),
        // Token classes (`tok-string` …) coloured in styles.css for the dark editor, where contrast is checked.
        syntaxHighlighting(classHighlighter),
        EditorView.darkTheme.of(true),
        LANGUAGES[options.language](),
        // Tab indents as in the textarea; CodeMirror lets Escape then Tab leave, which the hint under the editor says.
        keymap.of([
          { key: 'Mod-Enter', run: () => (options.onSubmitShortcut(), true) },
          ...completionKeymap,
          ...lintKeymap,
          ...historyKeymap,
          ...defaultKeymap,
          indentWithTab,
        ]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-labelledby': options.labelledBy, 'aria-describedby': options.describedBy, spellcheck: 'false', autocapitalize: 'off' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || applying) return;
          const text = update.state.doc.toString();
          emitted.push(text);
          if (emitted.length > MAX_ECHOES) emitted.shift();
          options.onChange(text);
        }),
      ],
    }),
  });
  return {
    setValue: (value) => {
      // The page renders after the learner has typed on: a value the editor itself sent is an echo, never a reset.
      const echo = emitted.indexOf(value);
      if (echo >= 0) {
        emitted.splice(0, echo + 1);
        return;
      }
      if (value === view.state.doc.toString()) return;
      emitted.length = 0;
      applying = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
      applying = false;
    },
    setFindings: (findings) => view.dispatch(setDiagnostics(view.state, findingDiagnostics(findings, view.state.doc.length))),
    reveal: (line) => {
      const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
      view.dispatch({ selection: EditorSelection.range(target.from, target.to), effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
      view.focus();
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
