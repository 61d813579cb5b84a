import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '@/lib/csv/write-csv';

describe('writeCsv', () => {
  it('writes plain and empty cells as they are, every line ending in CRLF', () => {
    expect(
      writeCsv({
        rows: [
          ['row', 'phone', 'note'],
          ['2', '0412 345 678', ''],
        ],
      }),
    ).toBe('row,phone,note\r\n2,0412 345 678,\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(writeCsv({ rows: [] })).toBe('');
  });

  it('quotes cells holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(writeCsv({ rows: [['Lee, Ann', 'say "hi"', 'two\nlines', 'old\r\nmac\rbreaks', "O'Brien"]] })).toBe(
      '"Lee, Ann","say ""hi""","two\nlines","old\r\nmac\rbreaks",O\'Brien\r\n',
    );
  });

  it('reads back with csv-parse to the same cells', () => {
    const rows = [
      ['a,b', '"quoted"', 'x\ny', 'x\r\ny', 'é ü 😀', ''],
      ['plain', 'a=b', 'Smith-Jones', 'me@example.com', 'x+1', ' '],
    ];
    expect(parse(writeCsv({ rows }))).toEqual(rows);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+61 412 345 678', "'+61 412 345 678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
  ])('makes %j text a spreadsheet will not run: %j', (cell, written) => {
    expect(writeCsv({ rows: [[cell]] })).toBe(`${written}\r\n`);
  });

  it('neutralises a formula and still quotes it when it holds quotes, commas or a CR', () => {
    expect(writeCsv({ rows: [['=HYPERLINK("http://evil.example","Click")', '\r=1']] })).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Click"")","'\r=1"\r\n`,
    );
  });

  it('leaves formula characters alone anywhere but at the start of a cell', () => {
    expect(writeCsv({ rows: [['a=b', 'x+1', 'Smith-Jones', 'me@example.com', ' =1']] })).toBe(
      'a=b,x+1,Smith-Jones,me@example.com, =1\r\n',
    );
  });
});
