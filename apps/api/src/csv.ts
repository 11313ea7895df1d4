// RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): fields with a comma, a quote or a line break are
// quoted, quotes doubled, lines end in CRLF. A cell a spreadsheet would read as a formula (starting with
// = + - @, or a tab or carriage return) gets a leading `'`, as OWASP's CSV Injection page advises
// (https://owasp.org/www-community/attacks/CSV_Injection): names and titles are user input.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, defused against formula injection and quoted as RFC 4180 requires. */
export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV document, CRLF after every record. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
