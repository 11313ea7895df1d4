import { MalformedXML } from '../s3/errors.ts';
import type { XmlElement } from './xml-parse.ts';
import { escapeXml } from './xml.ts';

// REST-XML documents are read and written by shape, as the service model describes them
// (https://smithy.io/2.0/spec/protocol-traits.html#xmlflattened-trait): a list is either wrapped (an element
// holding one child per item) or flattened (its items repeated directly in the parent under their own name,
// as S3 writes a lifecycle configuration's `<Rule>`s).

type Scalar = 'string' | 'integer' | 'boolean';
/** The shape of an XML value: text in one of the scalar types, a structure or a list. */
export type XmlShape = Scalar | XmlStruct | XmlList;
/** A structure: its members by name, in the order they are written. */
export interface XmlStruct {
  struct: Record<string, XmlShape>;
}
/** A list: flattened under the item name `flat`, or wrapped with items named `item`. */
export type XmlList = { list: XmlShape; flat: string } | { list: XmlShape; item: string };

const elementName = (member: string, shape: XmlShape) => (typeof shape === 'object' && 'list' in shape && 'flat' in shape ? shape.flat : member);

function scalar(element: XmlElement, type: Scalar, path: string): string | number | boolean {
  if (element.children.length > 0) throw new MalformedXML(`\`${path}\` must be text, not elements`);
  const text = element.text.trim();
  if (type === 'string') return element.text;
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new MalformedXML(`\`${path}\` must be \`true\` or \`false\`, not \`${text.slice(0, 64)}\``);
    return text === 'true';
  }
  if (!/^-?\d{1,15}$/.test(text)) throw new MalformedXML(`\`${path}\` must be a whole number, not \`${text.slice(0, 64)}\``);
  return Number(text);
}

function readItems(elements: XmlElement[], shape: XmlShape, path: string): unknown[] {
  return elements.map((e, i) => readXml(e, shape, `${path}[${i}]`));
}

/**
 * The value an element holds in the given shape. An element the structure does not name, a member given
 * twice or text where a number belongs is `MalformedXML`, as S3 answers a document off its schema.
 */
export function readXml(element: XmlElement, shape: XmlShape, path = element.name): unknown {
  if (typeof shape === 'string') return scalar(element, shape, path);
  if ('list' in shape) {
    if ('flat' in shape) throw new MalformedXML(`\`${path}\` cannot be read on its own`);
    if (element.children.some((c) => c.name !== shape.item)) throw new MalformedXML(`\`${path}\` holds only \`<${shape.item}>\` elements`);
    return readItems(element.children, shape.list, `${path}.${shape.item}`);
  }
  const out: Record<string, unknown> = {};
  const members = Object.entries(shape.struct);
  for (const child of element.children) {
    const entry = members.find(([name, member]) => elementName(name, member) === child.name);
    if (!entry) throw new MalformedXML(`\`${path}\` has no member \`${child.name}\``);
    const [name, member] = entry;
    if (typeof member === 'object' && 'flat' in member) {
      const items = (out[name] ??= []) as unknown[];
      items.push(readXml(child, member.list, `${path}.${child.name}[${items.length}]`));
    } else if (Object.hasOwn(out, name)) {
      throw new MalformedXML(`\`${path}.${name}\` is given more than once`);
    } else {
      out[name] = readXml(child, member, `${path}.${name}`);
    }
  }
  return out;
}

function writeContent(value: unknown, shape: XmlShape): string {
  if (typeof shape === 'string') return value === undefined || value === null ? '' : escapeXml(String(value));
  if ('list' in shape) {
    if (!Array.isArray(value)) return '';
    return value.map((item) => writeXml('flat' in shape ? shape.flat : shape.item, item, shape.list)).join('');
  }
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  return Object.entries(shape.struct)
    .map(([name, member]) => {
      const field = Object.hasOwn(record, name) ? record[name] : undefined;
      if (field === undefined || field === null) return '';
      return typeof member === 'object' && 'flat' in member ? writeContent(field, member) : writeXml(name, field, member);
    })
    .join('');
}

/** The element `name` holding `value` in the given shape; members the shape does not name are left out. */
export function writeXml(name: string, value: unknown, shape: XmlShape, attributes = ''): string {
  return `<${name}${attributes}>${writeContent(value, shape)}</${name}>`;
}
