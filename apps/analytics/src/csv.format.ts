type CsvValue = string | number | boolean | null | undefined;

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection): =, +, -, @, tab and carriage return. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One field, quoted per RFC 4180 when it holds a comma, a quote or a line break (quotes doubled). Text that a
 * spreadsheet would run as a formula (a track title like `=HYPERLINK(...)`) is neutralised as OWASP advises:
 * a single quote before it, and the field quoted. Only text: numbers (a negative one too) stay numbers.
 */
function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.has(value.charAt(0))) return `"'${value.replace(/"/g, '""')}"`;
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
