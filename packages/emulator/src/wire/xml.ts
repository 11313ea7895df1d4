// XML output for the Query protocols. Text is escaped, and characters XML 1.0 cannot carry at all
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so a response always parses.

// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Text safe inside an element or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\ufffd').replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c);
}

/** How lists are written: `<member>` in the AWS Query protocol, `<item>` in EC2's dialect. */
export interface XmlListStyle {
  itemName: string;
}

/**
 * The children of an output structure as XML: fields in their order, lists wrapped item by item,
 * booleans as `true`/`false`, undefined and null left out. Throws on a field name that is not an XML name:
 * that is a bug in an operation's output, never a learner's input.
 */
export function xmlFields(value: Record<string, unknown>, style: XmlListStyle): string {
  let out = '';
  for (const [name, field] of Object.entries(value)) out += xmlElement(name, field, style);
  return out;
}

function xmlElement(name: string, value: unknown, style: XmlListStyle): string {
  if (value === undefined || value === null) return '';
  if (!ELEMENT_NAME.test(name)) throw new Error(`\`${name}\` is not an XML element name`);
  return `<${name}>${xmlContent(value, style)}</${name}>`;
}

function xmlContent(value: unknown, style: XmlListStyle): string {
  if (Array.isArray(value)) return value.map((item) => xmlElement(style.itemName, item, style)).join('');
  // Timestamps are ISO 8601 in the XML protocols (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html).
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return xmlFields(value as Record<string, unknown>, style);
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new Error(`a ${typeof value} cannot be written as XML`);
}
