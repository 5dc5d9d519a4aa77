import { useEffect, useRef, useState, type ReactNode } from 'react';
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
 * When it is wider than the screen, a line above it says so and shadows at its edges show that
 * more columns lie beyond.
 */
export function FigureTable({ id, caption, head, rows }: FigureTableProps) {
  const { t } = useDashboardText();
  const overflows = useOverflow(rows.length, head.length);
  return (
    <>
      {overflows.wide ? (
        <p className="scroll-cue" id={`${id}-scroll-cue`}>
          {t('table.scrollCue')} <span aria-hidden="true">→</span>
        </p>
      ) : null}
      <div
        ref={overflows.box}
        className={overflows.wide ? 'table-scroll table-wide' : 'table-scroll'}
        role="region"
        aria-label={t('table.scroll', { name: caption })}
        aria-describedby={overflows.wide ? `${id}-scroll-cue` : undefined}
        tabIndex={0}
      >
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
    </>
  );
}

/** Whether the box is wider inside than on screen, again whenever its size or its table changes. */
function useOverflow(...changes: unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setWide(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, changes);
  return { box, wide };
}
