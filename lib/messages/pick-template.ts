import type { Rotation } from '../generated/prisma/enums';

// A job's template is a function of its id, so a job held today and sent tomorrow
// goes out with the same text, and consecutive jobs spread over the templates.
const GOLDEN = 0.6180339887498949;

export function pickTemplate<T extends { weight: number }>(
  templates: readonly T[],
  rotation: Rotation,
  jobId: bigint,
): T {
  if (templates.length === 1) return templates[0];
  if (rotation === 'ROUND_ROBIN') return templates[Number(jobId % BigInt(templates.length))];
  // Weighted: a Weyl sequence over the total weight keeps shares within a job or
  // two of the weights for any run of consecutive ids.
  const total = templates.reduce((sum, t) => sum + t.weight, 0);
  let point = ((Number(jobId % 1_000_000_007n) * GOLDEN) % 1) * total;
  for (const template of templates) {
    point -= template.weight;
    if (point < 0) return template;
  }
  return templates[templates.length - 1];
}
