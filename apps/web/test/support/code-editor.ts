import type { Locator } from 'playwright-core';

/**
 * Replaces the answer in the CodeMirror editor the way a learner does: select all, paste. Playwright's `fill`
 * types through the browser's own contenteditable editing, which can clone a line with an inline `style`
 * attribute before CodeMirror redraws it: a CSP refusal no learner ever causes, since CodeMirror handles paste
 * and Enter itself. Waits for the editor to have replaced the textarea it loads behind.
 */
export async function pasteAnswer(editor: Locator, text: string): Promise<void> {
  await editor.and(editor.page().locator('.cm-content')).waitFor();
  await editor.press('ControlOrMeta+a');
  if (text === '') {
    await editor.press('Delete');
    return;
  }
  await editor.evaluate((element, pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** The answer's text, line by line (CodeMirror draws each line as its own element), once the editor has loaded. */
export async function answerText(editor: Locator): Promise<string> {
  const content = editor.and(editor.page().locator('.cm-content'));
  await content.waitFor();
  return content.locator('.cm-line').evaluateAll((lines) => lines.map((line) => line.textContent).join('\n'));
}
