import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_FILE, readDataModelDiagram } from '@/scripts/support/data-model-diagram';

describe('docs/data-model.md', () => {
  it('is the diagram schema.prisma gives today (run `npm run docs:data-model` after a schema change)', async () => {
    expect(await readFile(DIAGRAM_FILE, 'utf8')).toBe(await readDataModelDiagram());
  });

  it('draws every table and its foreign keys', async () => {
    const diagram = await readDataModelDiagram();
    expect(diagram).toContain('  contacts {');
    expect(diagram).toContain('  tenants ||--o{ contacts : "tenantId"');
    expect(diagram).toContain('  contacts |o--o{ inbound_messages : "contactId"');
    expect(diagram).toContain('  backup_runs {');
  });
});
