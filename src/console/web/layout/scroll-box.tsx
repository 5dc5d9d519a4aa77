import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways on a phone rather than squeezing a table: a named, focusable region
 * so keyboard users can scroll it too. When its content is wider than the screen, a line above it
 * (`cue`) says so and shadows at its edges show that more lies beyond (styles.css, .scroll-wide).
 */
export function ScrollBox({ id, label, cue, className, children }: { id: string; label: string; cue: string; className?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setWide(element.scrollWidth > element.clientWidth + 1);
    check();
    // The box's own width (a turned phone) and its content's (new rows) both change the answer.
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {wide ? (
        <p className="scroll-cue" id={`${id}-scroll-cue`}>
          {cue} <span aria-hidden="true">→</span>
        </p>
      ) : null}
      <div
        ref={box}
        className={[className, 'scroll-box', wide ? 'scroll-wide' : ''].filter(Boolean).join(' ')}
        role="region"
        aria-label={label}
        aria-describedby={wide ? `${id}-scroll-cue` : undefined}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
