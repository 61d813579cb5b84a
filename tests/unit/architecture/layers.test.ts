import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The folders of lib/ from the bottom up. A module may import its own folder and
// any folder on a lower layer, never one on its own layer or above: so the
// capabilities read as layers, and a change low down never needs one higher up.
const LAYERS: readonly (readonly string[])[] = [
  ['generated'],
  ['env', 'errors', 'time', 'csv', 'security-headers', 'format'],
  ['db'],
  ['auth'],
  ['tenants', 'rate-limit'],
  ['providers'],
  ['contacts'],
  ['links'],
  ['messages'],
  ['sending-numbers'],
  ['segments'],
  ['audiences'],
  ['sending'],
  ['campaign-stats'],
  ['campaigns', 'imports', 'inbound', 'delivery-status', 'reports', 'users', 'health', 'conversations'],
  ['operations'],
];

const LIB = path.resolve(import.meta.dirname, '../../../lib');

function layerOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** lib/<folder>/… or lib/<file>.ts → the folder (or the file's name without extension). */
function folderOf(file: string): string {
  return path
    .relative(LIB, file)
    .split(path.sep)[0]
    .replace(/\.tsx?$/, '');
}

function importedLibFolders(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.flatMap((spec) => {
    const target = spec.startsWith('@/lib/')
      ? path.join(LIB, spec.slice('@/lib/'.length))
      : spec.startsWith('.')
        ? path.resolve(path.dirname(file), spec)
        : null;
    if (!target || !target.startsWith(LIB + path.sep)) return [];
    return [folderOf(target)];
  });
}

describe('lib/ layering', () => {
  const files = sourceFiles(LIB);

  it('names every folder of lib/ in exactly one layer', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect(folders.filter((f) => layerOf(f) === -1)).toEqual([]);
    const named = LAYERS.flat();
    expect(new Set(named).size).toBe(named.length);
  });

  it('imports only from the same folder or a lower layer', () => {
    const upward = files.flatMap((file) => {
      const from = folderOf(file);
      return importedLibFolders(file)
        .filter((to) => to !== from && layerOf(to) >= layerOf(from))
        .map((to) => `${path.relative(LIB, file)} imports ${to} (layer ${layerOf(to)} ≥ ${layerOf(from)})`);
    });
    expect(upward).toEqual([]);
  });
});
