import { describe, expect, it } from 'vitest';
import { proposeMapping } from '@/lib/imports/column-mapping';
import { UnreadableFileError, detectEncoding, inspectFile } from '@/lib/imports/file-format';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  if (bigEndian) body.swap16();
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
}

function inspect(bytes: Uint8Array) {
  return inspectFile(bytes, bytes.length);
}

describe('inspectFile', () => {
  const csv = 'Mobile,First Name,Surname,Consent\n0412 345 678,Zoë,Nguyễn,yes\n0412 345 679,Bob,Ray,no\n';

  it.each([
    ['UTF-8', utf8(csv), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv)]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(csv, false, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(csv, true, true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(csv, false, false), 'utf-16le'],
  ])('reads %s and finds the header', (_name, bytes, encoding) => {
    const format = inspect(bytes);
    expect(format.encoding).toBe(encoding);
    expect(format.hasHeader).toBe(true);
    expect(format.headers).toEqual(['Mobile', 'First Name', 'Surname', 'Consent']);
    expect(format.preview[0]).toEqual(['0412 345 678', 'Zoë', 'Nguyễn', 'yes']);
  });

  it('reads Windows-1252 (Excel on Windows) text', () => {
    const bytes = Buffer.from('phone;name\n0412345678;Ren\xe9e\n', 'latin1');
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
    const format = inspect(bytes);
    expect(format.delimiter).toBe(';');
    expect(format.preview[0]).toEqual(['0412345678', 'Renée']);
  });

  it('shows Windows-1252 punctuation (’ “ ” – €) in the preview as the characters they are', () => {
    const bytes = Buffer.from('phone,name,note\n0412345678,O\x92Brien,\x93VIP\x94 \x96 \x80100\n', 'latin1');
    expect(inspect(bytes).preview[0]).toEqual(['0412345678', 'O’Brien', '“VIP” – €100']);
  });

  it.each([
    ['tab', '0412345678\tAnn\n0412345679\tBob\n', '\t'],
    ['pipe', 'phone|name\n0412345678|Ann\n', '|'],
    ['comma with quoted commas', 'phone,name\n0412345678,"Lee, Ann"\n0412345679,"Ray, Bob"\n', ','],
  ])('detects the %s delimiter', (_name, text, delimiter) => {
    expect(inspect(utf8(text)).delimiter).toBe(delimiter);
  });

  it('treats a first row of numbers as data and names the columns', () => {
    const format = inspect(utf8('0412345678,Ann\n0412345679,Bob\n'));
    expect(format.hasHeader).toBe(false);
    expect(format.headers).toEqual(['Column 1', 'Column 2']);
    expect(format.preview).toHaveLength(2);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'The file is empty.'],
    ['a file of blank lines', utf8('\n\n  \n'), 'The file is empty.'],
    ['a header without rows', utf8('phone,name\n'), 'The file has a header row but no contacts under it.'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), /Excel workbook/],
    ['a PDF', utf8('%PDF-1.7\n...'), /PDF/],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), /not text/],
    ['a web page', utf8('<!DOCTYPE html><html><body>hi</body></html>'), /web page/],
    ['JSON', utf8('[{"phone": "0412345678"}]'), /JSON/],
    ['a 10 MB single line', utf8('x'.repeat(10 * 1024 * 1024)), /longer than 1 MB/],
  ])('refuses %s with a clear message', (_name, bytes, message) => {
    expect(() => inspect(bytes)).toThrow(UnreadableFileError);
    expect(() => inspect(bytes)).toThrow(message);
  });
});

describe('proposeMapping', () => {
  it('maps common header names to fields', () => {
    const mapping = proposeMapping(
      ['Mobile Number', 'First Name', 'Surname', 'E-mail', 'SMS Consent', 'Tags', 'Postcode'],
      [],
      true,
    );
    expect(mapping.fields).toEqual({
      phone: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      consentStatus: 4,
      tags: 5,
      postcode: 6,
    });
  });

  it.each(['Opted In', 'opted-in', 'Opt In Status', 'SMS opt-in', 'Marketing OK', 'Accepts SMS'])(
    'maps a column headed %j to consent',
    (header) => {
      expect(proposeMapping(['Phone', header], [], true).fields.consentStatus).toBe(1);
    },
  );

  it('maps a column to consent by its Yes/No/Y/true values when its header only mentions consent', () => {
    const preview = [
      ['0412 345 678', 'Yes', 'no'],
      ['0412 345 679', 'N', 'yes'],
      ['0412 345 680', 'true', ''],
    ];
    expect(proposeMapping(['Phone', 'Happy to get SMS?', 'VIP'], preview, true).fields).toEqual({
      phone: 0,
      consentStatus: 1,
    });
    expect(proposeMapping(['Phone', 'SMS permission', 'VIP'], [['0412 345 678', 'maybe', 'yes']], true).fields).toEqual(
      { phone: 0 },
    );
  });

  it('finds the phone column of a headerless file by its contents', () => {
    expect(
      proposeMapping(
        ['Column 1', 'Column 2'],
        [
          ['Ann', '0412 345 678'],
          ['Bob', '0412 345 679'],
        ],
        false,
      ).fields.phone,
    ).toBe(1);
  });
});
