import { stringify, type Options } from 'csv-stringify/sync';

export interface WriteCsvOptions {
  /** One array of cells per line, in column order. */
  rows: string[][];
}

const FORMAT: Options = {
  // RFC 4180 lines, which Excel opens as they are.
  record_delimiter: 'windows',
  // Naming a record delimiter would otherwise leave a cell holding a lone \n or \r unquoted.
  quote_record_delimiter: true,
  // A spreadsheet runs a cell starting with = + - @, tab or CR as a formula (OWASP CSV
  // injection); a leading apostrophe makes it text. Opened files are our users' machines.
  escape_formulas: true,
};

/**
 * CSV text for the rows, every line ending in CRLF. Every CSV the app writes comes
 * from here; exports too large for memory call it once per page of rows.
 */
export function writeCsv({ rows }: WriteCsvOptions): string {
  return stringify(rows, FORMAT);
}
