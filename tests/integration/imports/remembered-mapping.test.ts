import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { analyseImport } from '@/lib/imports/analyse-import';
import type { ColumnMapping } from '@/lib/imports/column-mapping';
import { getImportBatch } from '@/lib/imports/get-import-batch';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor, uploadFile } from '../../support/import-fixtures';

const FILE = 'Cell,Given,Opt,Shop\n0412 345 001,Ann,Y,Bondi\n';

describe('a remembered column mapping', () => {
  let actor: Actor;
  beforeEach(async () => {
    const tenant = await createTenant('Mappings');
    actor = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
  });

  it('proposes for the next file with the same columns the mapping chosen for the last one, in this workspace only', async () => {
    const first = await uploadFile(actor, FILE);
    const proposed = await analyseImport({ actor, batchId: first });
    expect(proposed.remembered).toBe(false);
    const chosen: ColumnMapping = {
      fields: { phone: 0, firstName: 1, consentStatus: 2 },
      custom: [{ column: 3, name: 'store' }],
      defaultConsent: null,
      consentSource: 'shop sign-up',
      overwriteConsent: false,
      hasHeader: true,
    };
    await startDryRun({ actor, batchId: first, mapping: chosen });

    const second = await uploadFile(actor, ' cell , GIVEN,Opt,Shop\n0412 345 002,Bob,N,Manly\n');
    expect(await analyseImport({ actor, batchId: second })).toMatchObject({ remembered: true, mapping: chosen });
    expect(await getImportBatch({ actor, batchId: second })).toMatchObject({
      mappingRemembered: true,
      mapping: chosen,
    });

    const otherColumns = await uploadFile(actor, 'Cell,Given,Opt\n0412 345 003,Cy,Y\n');
    expect((await analyseImport({ actor, batchId: otherColumns })).remembered).toBe(false);

    const elsewhere = await actorFor(await signedInMember((await createTenant('Other')).id, 'STAFF'), 'STAFF');
    const theirs = await uploadFile(elsewhere, FILE);
    expect((await analyseImport({ actor: elsewhere, batchId: theirs })).remembered).toBe(false);
  });
});
