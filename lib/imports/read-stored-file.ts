import 'server-only';
import { pipeline, Readable, Transform } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { pgPool } from '../db/pg-pool';
import { MAX_LINE_BYTES, UnreadableFileError, type TextEncoding } from './file-format';

export interface StoredFile {
  batchId: string;
  tenantId: string;
  encoding: TextEncoding;
  delimiter: string;
}

// node-postgres returns bytea as hex text: a whole 4 MB chunk would be an 8 MB string in
// V8's large-object space, collected only by a full GC. Pieces this size keep that garbage small.
const PIECE_BYTES = 256 * 1024;

/** The uploaded file's bytes, a piece of a stored chunk at a time (never the whole file in memory). */
export function readStoredBytes(file: Pick<StoredFile, 'batchId' | 'tenantId'>): Readable {
  let seq = 0;
  let offset = 0;
  return new Readable({
    async read() {
      try {
        for (;;) {
          const { rows } = await pgPool().query<{ data: Buffer }>(
            'SELECT substring(data FROM $4 FOR $5) AS data FROM import_file_chunks WHERE "batchId" = $1 AND "tenantId" = $2 AND seq = $3',
            [file.batchId, file.tenantId, seq, offset + 1, PIECE_BYTES],
          );
          const piece = rows[0]?.data;
          if (!piece) return void this.push(null);
          if (piece.length < PIECE_BYTES) {
            seq += 1;
            offset = 0;
          } else offset += PIECE_BYTES;
          // A chunk whose length is a whole number of pieces ends with an empty one.
          if (piece.length) return void this.push(piece);
        }
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

// TextDecoder drops a leading byte-order mark itself and carries characters split
// across chunk boundaries over to the next chunk.
function decoder(encoding: TextEncoding): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

function explain(error: unknown): Error {
  if (!(error instanceof CsvError)) return error as Error;
  const line = (error as CsvError & { lines?: number }).lines;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UnreadableFileError(
        `A quote (") opened in the file is never closed, so everything after it would run together (from around line ${line ?? '?'}). Fix the quote and upload again.`,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new UnreadableFileError(
        `Line ${line ?? '?'} is longer than 1 MB, so this is not a list of contacts. Check that you chose the right file.`,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new UnreadableFileError(
        `Line ${line ?? '?'} has a quote (") in the wrong place: a quoted value must end with a quote followed by the delimiter.`,
      );
    default:
      return new UnreadableFileError(`The file could not be read as CSV near line ${line ?? '?'}: ${error.message}`);
  }
}

/** Settles once the stream has something to read, has ended, or has failed. */
function readableAgain(stream: Readable): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored);
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('readable', ready);
      stream.off('end', ready);
      stream.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const ready = () => settle();
    stream.on('readable', ready);
    stream.on('end', ready);
    stream.on('error', settle);
  });
}

/**
 * Every record of the stored file, in order, as cells of text, as many at a time as
 * the parser has ready: awaiting each record of a million on its own cost the dry
 * run most of a second.
 */
export async function* readRecordBatches(file: StoredFile): AsyncGenerator<string[][]> {
  const bytes = readStoredBytes(file);
  // The parser reads UTF-8 bytes itself (dropping a byte-order mark, keeping characters split
  // across chunks whole); decoding each chunk to text first would have it encode the text back.
  const parser = parse({
    bom: true,
    delimiter: file.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_LINE_BYTES,
  });
  // A failed read of the stored file fails the parser with it, rather than leaving it waiting.
  const done = () => {};
  if (file.encoding === 'utf-8') pipeline(bytes, parser, done);
  else pipeline(bytes, decoder(file.encoding), parser, done);
  try {
    for (;;) {
      const records: string[][] = [];
      for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null)
        records.push(record);
      if (records.length) yield records;
      else if (parser.readableEnded) return;
      else await readableAgain(parser);
    }
  } catch (error) {
    throw explain(error);
  } finally {
    parser.destroy();
  }
}
