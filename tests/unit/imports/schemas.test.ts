import { describe, expect, it } from 'vitest';
import { ColumnMappingSchema } from '@/lib/imports/column-mapping';
import { CreateImportSchema } from '@/lib/imports/schemas';

const mapping = { fields: { phone: 0 }, defaultConsent: 'EXPLICIT', hasHeader: true };

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('import input the database would refuse', () => {
  it('refuses a NUL character in a file name', () => {
    expect(messages(CreateImportSchema.safeParse({ fileName: 'list\u0000.csv', fileSize: 10 }))).toEqual([
      'The file name cannot contain a NUL character.',
    ]);
  });

  it('refuses a NUL character in a custom field name or the consent source, which contacts keep', () => {
    expect(
      messages(ColumnMappingSchema.safeParse({ ...mapping, custom: [{ column: 1, name: 'sto\u0000re' }] })),
    ).toEqual(['A custom field name cannot contain a NUL character.']);
    expect(messages(ColumnMappingSchema.safeParse({ ...mapping, consentSource: 'web\u0000form' }))).toEqual([
      'The consent source cannot contain a NUL character.',
    ]);
    expect(ColumnMappingSchema.safeParse({ ...mapping, consentSource: 'web form' }).success).toBe(true);
  });
});
