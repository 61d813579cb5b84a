import { parse } from 'csv-parse/sync';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileFormat {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  delimiter: string;
  hasHeader: boolean;
  headers: string[];
  preview: string[][];
}

/** A file we refuse before reading it, with the reason a person can act on. */
export class UnreadableFileError extends Error {}

export const MAX_LINE_BYTES = 1_000_000;
const DELIMITERS = [',', ';', '\t', '|'];

export function detectEncoding(sample: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a BOM: ASCII text then has a zero byte in every other position.
  const pairs = Math.min(512, Math.floor(sample.length / 2));
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (sample[2 * i] === 0) zeroEven += 1;
    if (sample[2 * i + 1] === 0) zeroOdd += 1;
  }
  if (pairs > 8 && zeroOdd > pairs * 0.6 && zeroEven === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs > 8 && zeroEven > pairs * 0.6 && zeroOdd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  try {
    // A sample may end inside a multi-byte character; only what precedes it must be valid.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteUtf8(sample)));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

function lastCompleteUtf8(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needed > back) end -= back;
    break;
  }
  return end;
}

/** Refuses what is plainly not a CSV text file: spreadsheets, archives, PDFs, web pages. */
export function assertLooksLikeCsv(sample: Uint8Array, text: string): void {
  const head = Buffer.from(sample.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new UnreadableFileError(
      'This is an Excel workbook or zip file, not a CSV. In Excel choose File › Save As › CSV UTF-8, then upload that file.',
    );
  }
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new UnreadableFileError(
      'This is an old Excel (.xls) file, not a CSV. Save it as CSV UTF-8 and upload that file.',
    );
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new UnreadableFileError('This is a PDF, not a CSV file of contacts.');
  const probe = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < probe.length; i += 1) {
    const code = probe.charCodeAt(i);
    if (code === 0 || (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  if (probe.length > 0 && control / probe.length > 0.02) {
    throw new UnreadableFileError(
      'This file is not text: it looks like binary data. Upload a CSV file (comma- or semicolon-separated text).',
    );
  }
  const start = probe.trimStart().slice(0, 15).toLowerCase();
  if (start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<?xml')) {
    throw new UnreadableFileError('This is a web page or XML document, not a CSV file.');
  }
  if ((start.startsWith('{') || start.startsWith('[')) && /^[[{]\s*["{[]/.test(probe.trimStart())) {
    throw new UnreadableFileError('This is a JSON document, not a CSV file.');
  }
}

/** The delimiter that splits the first lines into the same number of columns most often. */
export function detectDelimiter(lines: string[]): string {
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => splitOutsideQuotes(l, delimiter));
    if (counts.every((c) => c === 0)) continue;
    const first = counts[0];
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 100 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function splitOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}

const HEADER_WORDS =
  /phone|mobile|cell|number|name|first|last|surname|email|e-mail|tag|consent|opt|source|date|zone|state|post/i;

/** A first row is a header when it names columns rather than holding a phone number. */
export function looksLikeHeader(first: string[], second: string[] | undefined): boolean {
  const digitHeavy = (cell: string) => (cell.replace(/\D/g, '').length >= 6 ? 1 : 0);
  const firstDigits = first.reduce((n, c) => n + digitHeavy(c), 0);
  if (first.some((c) => HEADER_WORDS.test(c)) && firstDigits === 0) return true;
  if (!second) return firstDigits === 0;
  return firstDigits < second.reduce((n, c) => n + digitHeavy(c), 0);
}

/** Reads the start of an upload: encoding, delimiter, header and a preview. */
export function inspectFile(sample: Uint8Array, fileSize: number): FileFormat {
  if (fileSize === 0 || sample.length === 0) throw new UnreadableFileError('The file is empty.');
  const { encoding, bomLength } = detectEncoding(sample);
  const body = sample.subarray(bomLength);
  // Streaming mode on purpose: Node 20's one-shot windows-1252 decode takes a
  // Latin-1 shortcut that turns 0x80–0x9F (’ “ ” – €) into control characters;
  // the streaming decoder, which the import itself reads with, maps them right.
  const text = new TextDecoder(encoding).decode(
    body.subarray(
      0,
      encoding === 'utf-8'
        ? lastCompleteUtf8(body)
        : body.length - (body.length % (encoding === 'windows-1252' ? 1 : 2)),
    ),
    { stream: true },
  );
  assertLooksLikeCsv(sample, text);
  if (!text.trim()) throw new UnreadableFileError('The file is empty.');
  const firstBreak = text.search(/\r|\n/);
  if ((firstBreak === -1 && sample.length >= MAX_LINE_BYTES) || firstBreak > MAX_LINE_BYTES) {
    throw new UnreadableFileError(
      'The first line is longer than 1 MB, so this is not a list of contacts. Check that you chose the right file.',
    );
  }
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, 20);
  const complete = sample.length >= fileSize ? lines : lines.slice(0, -1);
  const delimiter = detectDelimiter(complete.length ? complete : lines);
  let rows: string[][];
  try {
    rows = parse((complete.length ? complete : lines).join('\n'), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    rows = (complete.length ? complete : lines).map((l) => l.split(delimiter));
  }
  const hasHeader = looksLikeHeader(rows[0] ?? [], rows[1]);
  const width = Math.max(...rows.map((r) => r.length));
  const headers = hasHeader
    ? rows[0].map((h, i) => h.trim() || `Column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  if (hasHeader && rows.length === 1 && sample.length >= fileSize) {
    throw new UnreadableFileError('The file has a header row but no contacts under it.');
  }
  return {
    encoding,
    bomLength,
    delimiter,
    hasHeader,
    headers,
    preview: rows.slice(hasHeader ? 1 : 0, hasHeader ? 6 : 5),
  };
}
