import type { ReactNode } from 'react';
import { ScrollBox } from '../layout/scroll-box';
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
 * a named, focusable region with a cue when it is wider than the screen (layout/scroll-box.tsx).
 * Charts point at it as their text.
 */
export function FigureTable({ id, caption, head, rows }: FigureTableProps) {
  const { t } = useDashboardText();
  return (
    <ScrollBox id={id} className="table-scroll" label={t('table.scroll', { name: caption })} cue={t('table.scrollCue')}>
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
    </ScrollBox>
  );
}
