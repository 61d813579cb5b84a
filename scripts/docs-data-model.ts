// `npm run docs:data-model`: rewrites docs/data-model.md from prisma/schema.prisma.
import { writeFile } from 'node:fs/promises';
import { DIAGRAM_FILE, readDataModelDiagram } from './support/data-model-diagram';

await writeFile(DIAGRAM_FILE, await readDataModelDiagram());
console.log(`wrote ${DIAGRAM_FILE}`);
