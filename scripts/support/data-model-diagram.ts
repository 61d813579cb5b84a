import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
export const DIAGRAM_FILE = path.resolve(import.meta.dirname, '../../docs/data-model.md');

interface Field {
  name: string;
  type: string;
  list: boolean;
  optional: boolean;
  id: boolean;
  unique: boolean;
  relationFields: string[] | null;
}

function parseModels(schema: string): Map<string, { table: string; fields: Field[] }> {
  const models = new Map<string, { table: string; fields: Field[] }>();
  for (const match of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const [, name, body] = match;
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const fields: Field[] = [];
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith('@@')) continue;
      const [, fieldName, type, list, optional, rest] = field;
      const relation = /@relation\([^)]*fields:\s*\[([^\]]+)\]/.exec(rest);
      fields.push({
        name: fieldName,
        type,
        list: Boolean(list),
        optional: Boolean(optional),
        id: /@id\b/.test(rest),
        unique: /@unique\b/.test(rest),
        relationFields: relation ? relation[1].split(',').map((f) => f.trim()) : null,
      });
    }
    models.set(name, { table, fields });
  }
  return models;
}

/**
 * The data model as a Mermaid entity-relationship diagram, generated from
 * schema.prisma: every table with its columns, and every foreign key as a line.
 * Git hosts draw Mermaid in Markdown; `npm run docs:data-model` rewrites the file
 * and a unit test fails when it is stale.
 */
export function dataModelDiagram(schema: string): string {
  const models = parseModels(schema);
  const lines = [
    '# Data model',
    '',
    '<!-- Generated from prisma/schema.prisma by `npm run docs:data-model`; a unit test fails when it is stale. -->',
    '',
    'Every table of `prisma/schema.prisma` with its columns; a line is a foreign key, from the table holding',
    'it to the table it names. `send_jobs` keeps its references without foreign keys (a launch writes a',
    'million rows in one statement), so its lines to contacts and campaigns are not drawn. The comments in',
    'the schema say what each table and column is for.',
    '',
    '```mermaid',
    'erDiagram',
  ];
  const relations: string[] = [];
  for (const [, model] of models) {
    lines.push(`  ${model.table} {`);
    for (const field of model.fields) {
      if (models.has(field.type)) continue;
      const keys = [
        field.id ? 'PK' : null,
        model.fields.some((f) => f.relationFields?.includes(field.name)) ? 'FK' : null,
        field.unique ? 'UK' : null,
      ].filter(Boolean);
      const type = `${field.type}${field.list ? '_list' : ''}`;
      lines.push(
        `    ${type} ${field.name}${keys.length ? ` ${keys.join(', ')}` : ''}${field.optional ? ' "optional"' : ''}`,
      );
    }
    lines.push('  }');
    for (const field of model.fields) {
      if (!field.relationFields) continue;
      const target = models.get(field.type)!;
      const many = field.optional ? '|o' : '||';
      relations.push(`  ${target.table} ${many}--o{ ${model.table} : "${field.relationFields.join(', ')}"`);
    }
  }
  lines.push(...relations, '```', '');
  return lines.join('\n');
}

export async function readDataModelDiagram(): Promise<string> {
  return dataModelDiagram(await readFile(SCHEMA_FILE, 'utf8'));
}
