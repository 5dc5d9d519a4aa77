import type { ReactNode } from 'react';
import { useDashboardText } from './use-text';

export interface FigureRow {
  key: string;
  /** The row's name (a region, a stage, a date): a row header. */
  name: ReactNode;
  /** Figures, right-aligned. */
  cells: ReactNode[];
}

interface FigureTableProps {
  id: string;
  caption: string;
  head: string[];
  rows: FigureRow[];
}

/**
 * A table of figures that scrolls sideways on a phone rather than squeezing: the scrolling box is
 * a named, focusable region so keyboard users can scroll it too. Charts point at it as their text.
 */
export function FigureTable({ id, caption, head, rows }: FigureTableProps) {
  const { t } = useDashboardText();
  return (
    <div className="table-scroll" role="region" aria-label={t('table.scroll', { name: caption })} tabIndex={0}>
      <table id={id} className="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((name, i) => (
              <th key={name} scope="col" className={i > 0 ? 'num' : undefined}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, i) => (
                <td key={i} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
