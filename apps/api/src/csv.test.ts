import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each<[string, string | number | boolean | null, string]>([
    ['plain text as is', 'Ada', 'Ada'],
    ['a comma quoted (RFC 4180 §2.6)', 'a,b', '"a,b"'],
    ['quotes doubled (§2.7)', 'say "hi"', '"say ""hi"""'],
    ['a line break quoted', 'a\nb', '"a\nb"'],
    ['= defused', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+ defused', '+1', "'+1"],
    ['- defused', '-1', "'-1"],
    ['@ defused', '@cmd', "'@cmd"],
    ['a tab first defused', '\tx', "'\tx"],
    ['defused then quoted', '=a,b', `"'=a,b"`],
    ['a number is never a formula', -1, '-1'],
    ['a boolean', true, 'true'],
    ['null empty', null, ''],
  ])('%s', (_name, value, expected) => expect(csvCell(value)).toBe(expected));
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => expect(toCsv([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n'));
});
