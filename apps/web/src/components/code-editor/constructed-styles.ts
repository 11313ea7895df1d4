import { StyleModule } from 'style-mod';

const adopted = new WeakSet<Document>();

/**
 * Makes CodeMirror's runtime styles (style-mod) a constructed stylesheet of the document instead of a `<style>`
 * element. The page's CSP (`style-src 'self'`) refuses inline `<style>` elements but does not govern constructed
 * stylesheets; style-mod uses one for any root without a `<head>` and keeps the first style set it made for a root.
 * So the document's set is made once with `head` hidden for that moment, and every later editor reuses it.
 */
export function adoptCodeMirrorStyles(doc: Document): void {
  if (adopted.has(doc)) return;
  Object.defineProperty(doc, 'head', { configurable: true, get: () => null });
  try {
    StyleModule.mount(doc, []);
  } finally {
    Reflect.deleteProperty(doc, 'head');
  }
  adopted.add(doc);
}
