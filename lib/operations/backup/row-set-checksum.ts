import { createHash } from 'node:crypto';

const LANE = (1n << 64n) - 1n;

/**
 * Counts and fingerprints the rows of a COPY text stream, whatever order they come in:
 * each row's SHA-256 is added into two 64-bit lanes, so the same set of rows (duplicates
 * included) gives the same checksum from a backup's file and from the restored table,
 * without sorting a million rows on either side. COPY escapes newlines inside values, so
 * every 0x0A ends a row.
 */
export class RowSetChecksum {
  rows = 0;
  private high = 0n;
  private low = 0n;
  private carry: Buffer = Buffer.alloc(0);

  update(chunk: Buffer): void {
    let data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      this.addRow(data.subarray(start, end));
      start = end + 1;
    }
    data = data.subarray(start);
    this.carry = Buffer.from(data);
  }

  private addRow(row: Buffer): void {
    const digest = createHash('sha256').update(row).digest();
    this.high = (this.high + digest.readBigUInt64BE(0)) & LANE;
    this.low = (this.low + digest.readBigUInt64BE(8)) & LANE;
    this.rows += 1;
  }

  /** `sum:<32 hex digits>`. A last row without its newline is counted too. */
  digest(): string {
    if (this.carry.length) {
      this.addRow(this.carry);
      this.carry = Buffer.alloc(0);
    }
    return `sum:${this.high.toString(16).padStart(16, '0')}${this.low.toString(16).padStart(16, '0')}`;
  }
}
