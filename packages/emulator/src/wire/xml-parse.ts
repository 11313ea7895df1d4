import { MalformedXML } from '../s3/errors.ts';

// A small XML reader for the request bodies of REST-XML services (S3's configuration documents). It reads
// elements, text, CDATA, comments and the five predefined entities plus character references; namespaces
// are dropped (S3 accepts its documents with or without `xmlns`). A DOCTYPE is refused outright: no entity
// can be declared, so no entity expansion or external entity can be smuggled in.

/** Our limits on a request document; beyond them the document is `MalformedXML`. */
export const XML_LIMITS = {
  /** Nesting depth (S3's deepest document, a lifecycle `And` filter's tag, is 6). */
  maxDepth: 32,
  /** Elements in one document (1000 lifecycle rules of a dozen elements each fit). */
  maxElements: 20_000,
} as const;

/** An element: its local name, its child elements in order and its text (character data joined). */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function malformed(detail: string): MalformedXML {
  return new MalformedXML(`The XML you provided was not well-formed or did not validate against our published schema: ${detail}`);
}

function decodeText(raw: string): string {
  return raw.replace(/&([^;&<]{0,10});/g, (whole, ref: string) => {
    if (Object.hasOwn(ENTITIES, ref)) return ENTITIES[ref]!;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw malformed(`\`${whole}\` is not a known entity`);
    return String.fromCodePoint(code);
  });
}

class Reader {
  pos = 0;
  elements = 0;
  constructor(readonly text: string) {}

  fail(detail: string): never {
    throw malformed(`${detail} at character ${this.pos}`);
  }

  skipMisc(): void {
    for (;;) {
      const rest = this.text.slice(this.pos, this.pos + 9);
      if (/^\s/.test(rest)) this.pos++;
      else if (rest.startsWith('<?')) this.skipPast('?>');
      else if (rest.startsWith('<!--')) this.skipPast('-->');
      else if (rest.startsWith('<!DOCTYPE')) this.fail('a DOCTYPE is not allowed');
      else return;
    }
  }

  skipPast(end: string): string {
    const at = this.text.indexOf(end, this.pos);
    if (at < 0) this.fail(`\`${end}\` is missing`);
    const skipped = this.text.slice(this.pos, at);
    this.pos = at + end.length;
    return skipped;
  }

  name(): string {
    const m = NAME.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) this.fail('an element name is expected');
    this.pos += m[0].length;
    return m[0];
  }

  /** Attributes are read to be skipped: S3's documents carry only `xmlns`. */
  attributes(): void {
    for (;;) {
      while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
      const c = this.text[this.pos];
      if (c === '>' || c === '/' || c === undefined) return;
      this.name();
      while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
      if (this.text[this.pos] !== '=') this.fail('an attribute needs a value');
      this.pos++;
      while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('an attribute value must be quoted');
      this.pos++;
      const value = this.skipPast(quote);
      if (value.includes('<')) this.fail('`<` in an attribute value');
    }
  }

  element(depth: number): XmlElement {
    if (depth > XML_LIMITS.maxDepth) this.fail(`elements are nested deeper than ${XML_LIMITS.maxDepth} levels`);
    if (++this.elements > XML_LIMITS.maxElements) this.fail(`the document has more than ${XML_LIMITS.maxElements} elements`);
    if (this.text[this.pos] !== '<') this.fail('an element is expected');
    this.pos++;
    const qualified = this.name();
    this.attributes();
    const element: XmlElement = { name: qualified.slice(qualified.indexOf(':') + 1), children: [], text: '' };
    if (this.text.startsWith('/>', this.pos)) {
      this.pos += 2;
      return element;
    }
    if (this.text[this.pos] !== '>') this.fail(`\`<${qualified}\` is not closed`);
    this.pos++;
    for (;;) {
      const lt = this.text.indexOf('<', this.pos);
      if (lt < 0) this.fail(`\`<${qualified}>\` has no end tag`);
      element.text += decodeText(this.text.slice(this.pos, lt));
      this.pos = lt;
      if (this.text.startsWith('</', lt)) break;
      if (this.text.startsWith('<!--', lt)) this.skipPast('-->');
      else if (this.text.startsWith('<![CDATA[', lt)) {
        this.pos += 9;
        element.text += this.skipPast(']]>');
      } else if (this.text.startsWith('<?', lt)) this.skipPast('?>');
      else if (this.text.startsWith('<!', lt)) this.fail('a declaration is not allowed here');
      else element.children.push(this.element(depth + 1));
    }
    this.pos += 2;
    const end = this.name();
    if (end !== qualified) this.fail(`\`</${end}>\` closes \`<${qualified}>\``);
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
    if (this.text[this.pos] !== '>') this.fail(`\`</${end}\` is not closed`);
    this.pos++;
    return element;
  }
}

/** The root element of an XML document; throws `MalformedXML` for anything not well-formed or over our limits. */
export function parseXml(text: string): XmlElement {
  const reader = new Reader(text.replace(/^\ufeff/, ''));
  reader.skipMisc();
  const root = reader.element(1);
  reader.skipMisc();
  if (reader.pos < reader.text.length) reader.fail('content after the root element');
  return root;
}
