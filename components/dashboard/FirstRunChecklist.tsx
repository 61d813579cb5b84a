import Link from 'next/link';
import type { ChecklistStep } from '@/lib/reports/get-first-run-checklist';

interface FirstRunChecklistProps {
  steps: ChecklistStep[];
}

/** The way to a first campaign, shown until every step is done. */
export function FirstRunChecklist({ steps }: FirstRunChecklistProps) {
  const remaining = steps.filter((s) => !s.done).length;
  if (!remaining) return null;
  return (
    <section className="panel" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading" style={{ marginTop: 0 }}>
        Getting started
      </h2>
      <p className="muted">
        {steps.length - remaining} of {steps.length} done.
      </p>
      <ol className="checklist" aria-label="Getting started steps">
        {steps.map((step) => (
          <li key={step.label} className={step.done ? 'done' : undefined}>
            <span aria-hidden="true">{step.done ? '✓' : '○'}</span>{' '}
            {step.done ? (
              <>
                {step.label} <span className="visually-hidden">(done)</span>
              </>
            ) : (
              <Link href={step.href}>{step.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
