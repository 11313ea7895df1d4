import { describe, expect, it } from 'vitest';
import { InputError, readDocuments } from './json-input.ts';

describe('readDocuments', () => {
  it.each([
    { name: 'one object', text: '{"Vpcs": []}', where: [undefined], lines: false },
    { name: 'an array of objects', text: '[{"Vpcs": []}, {"Subnets": []}]', where: ['item 1', 'item 2'], lines: false },
    { name: 'json lines, blank lines skipped', text: '{"Vpcs": []}\n\n{"Subnets": []}\n', where: ['line 1', 'line 3'], lines: true },
    { name: 'one json line', text: '{"Vpcs": []}\n', where: [undefined], lines: false },
  ])('reads $name', ({ text, where, lines }) => {
    const input = readDocuments(text);
    expect(input.documents.map((d) => d.where)).toEqual(where);
    expect(input.lines).toBe(lines);
  });

  it.each([
    { name: 'a pretty-printed document with a syntax error', text: '{\n  "Vpcs": [\n    {"VpcId": "vpc-1",}\n  ]\n}', message: /^line 3, column 23: / },
    { name: 'a document cut short', text: '{\n  "Vpcs": [', message: /^line 2, column 12: unexpected end of json input$/i },
    { name: 'a bad json line after a good one', text: '{"Vpcs": []}\n{oops', message: /^line 2: / },
    { name: 'a json line that is not an object', text: '{"Vpcs": []}\n[1]', message: /^line 2: a document must be a json object$/ },
    { name: 'an array item that is not an object', text: '[{"Vpcs": []}, 3]', message: /^item 2: a document must be a json object$/ },
    { name: 'a lone string', text: '"vpc-1"', message: /^the input must be a json object/ },
    { name: 'nothing', text: ' \n\n', message: /^the input is empty$/ },
  ])('refuses $name, saying where', ({ text, message }) => {
    expect(() => readDocuments(text)).toThrow(InputError);
    expect(() => readDocuments(text)).toThrow(message);
  });
});
