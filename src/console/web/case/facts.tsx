import type { ReactNode } from 'react';

/** A description list of label/value pairs; pairs without a value are left out rather than shown empty. */
export function Facts({ items }: { items: Array<[string, ReactNode | null | undefined]> }) {
  return (
    <dl className="facts">
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
