/**
 * One headline figure: a label, a big value, and the lines that qualify it (parts, "as of").
 */
import type { ReactNode } from 'react';

export interface FigureCardProps {
  label: string;
  value: string;
  valueTestId: string;
  children?: ReactNode;
}

/** A labelled big number; `children` are the small print under it. */
export function FigureCard({ label, value, valueTestId, children }: FigureCardProps) {
  const labelId = `${valueTestId}-label`;
  return (
    <section className="card figure" aria-labelledby={labelId}>
      <h2 id={labelId} className="figure-label">
        {label}
      </h2>
      <p className="figure-value" data-testid={valueTestId}>
        {value}
      </p>
      {children}
    </section>
  );
}
