import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsErrorCode } from '../test-ctx.ts';
import { parseXml, XML_LIMITS } from './xml-parse.ts';
import { readXml, writeXml, type XmlShape } from './xml-shapes.ts';
import { escapeXml } from './xml.ts';

describe('parseXml', () => {
  it('reads the document the SDK sends for PutPublicAccessBlock', () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><BlockPublicPolicy>false</BlockPublicPolicy></PublicAccessBlockConfiguration>');
    expect(root).toEqual({ name: 'PublicAccessBlockConfiguration', text: '', children: [{ name: 'BlockPublicPolicy', text: 'false', children: [] }] });
  });

  it.each([
    ['entities and character references', '<a>&lt;&amp;&#65;&#x42;&quot;</a>', '<&AB"'],
    ['CDATA', '<a><![CDATA[<b>&amp;</b>]]></a>', '<b>&amp;</b>'],
    ['comments and a prefix', '<!-- c --><s3:a xmlns:s3="x">t<!-- in --></s3:a>', 't'],
    ['an empty element', '<a/>', ''],
  ])('%s', (_, xml, text) => {
    expect(parseXml(xml).text).toBe(text);
  });

  it.each([
    ['a DOCTYPE (no entity can be declared)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown entity', '<a>&x;</a>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['no end tag', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text before the root', 'x<a/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['nesting over the limit', '<a>'.repeat(XML_LIMITS.maxDepth + 1) + '</a>'.repeat(XML_LIMITS.maxDepth + 1)],
  ])('refuses %s with MalformedXML', (_, xml) => {
    expect(awsErrorCode(() => parseXml(xml))).toBe('MalformedXML');
  });

  it('never throws anything but MalformedXML, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[<>/a-z&;![\]?"= -]{0,40}$/)), (text) => {
        try {
          parseXml(text);
        } catch (error) {
          expect(awsErrorCode(() => {
            throw error;
          })).toBe('MalformedXML');
        }
      }),
      { numRuns: 500 },
    );
  });
});

const TAG: XmlShape = { struct: { Key: 'string', Value: 'string' } };
const CONFIG: XmlShape = {
  struct: {
    Rules: { list: { struct: { ID: 'string', Days: 'integer', On: 'boolean', Tags: { list: TAG, flat: 'Tag' } } }, flat: 'Rule' },
    TagSet: { list: TAG, item: 'Tag' },
  },
};

describe('readXml and writeXml', () => {
  it('read flattened and wrapped lists, numbers and booleans by shape', () => {
    const xml = '<C><Rule><ID>a</ID><Days>30</Days><On>true</On><Tag><Key>k</Key><Value>v</Value></Tag></Rule><Rule><ID>b</ID></Rule><TagSet><Tag><Key>x</Key><Value></Value></Tag></TagSet></C>';
    expect(readXml(parseXml(xml), CONFIG)).toEqual({
      Rules: [{ ID: 'a', Days: 30, On: true, Tags: [{ Key: 'k', Value: 'v' }] }, { ID: 'b' }],
      TagSet: [{ Key: 'x', Value: '' }],
    });
  });

  it.each([
    ['an unknown member', '<C><Rule><Nope/></Rule></C>'],
    ['a member given twice', '<C><Rule><ID>a</ID><ID>b</ID></Rule></C>'],
    ['text where a number belongs', '<C><Rule><Days>ten</Days></Rule></C>'],
    ['a boolean that is not true or false', '<C><Rule><On>yes</On></Rule></C>'],
    ['another element in a wrapped list', '<C><TagSet><Key/></TagSet></C>'],
  ])('refuse %s', (_, xml) => {
    expect(awsErrorCode(() => readXml(parseXml(xml), CONFIG))).toBe('MalformedXML');
  });

  it('round-trip any value of the shape', () => {
    // Text XML can carry: escapeXml turns the rest into U+FFFD.
    const text = fc.string({ maxLength: 12 }).filter((s) => !escapeXml(s).includes('\ufffd'));
    const tag = fc.record({ Key: text, Value: text });
    const rule = fc.record({ ID: text, Days: fc.integer({ min: -1e9, max: 1e9 }), On: fc.boolean(), Tags: fc.array(tag, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.record({ Rules: fc.array(rule, { minLength: 1, maxLength: 3 }), TagSet: fc.array(tag, { maxLength: 3 }) }), (value) => {
        expect(readXml(parseXml(writeXml('C', value, CONFIG)), CONFIG)).toEqual(value);
      }),
    );
  });
});
