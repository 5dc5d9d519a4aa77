import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.color = '#4f4f4f';
Chart.defaults.animation = false;

/** The console's --accent and --brand (styles.css); both meet WCAG AA on white. */
export const BAR_COLOUR = '#0b5394';
export const LINE_COLOUR = '#7a1f1f';

interface ChartCanvasProps {
  config: ChartConfiguration;
  /** What the chart shows, in one sentence. */
  label: string;
  /** The id of the table holding the same figures: the chart's text alternative. */
  describedBy: string;
  /** CSS height of the drawing area, e.g. "16rem". */
  height: string;
}

/** A Chart.js chart as an image with a name and a description; memoise `config`, a new one redraws. */
export function ChartCanvas({ config, label, describedBy, height }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} aria-describedby={describedBy}>
        {label}
      </canvas>
    </div>
  );
}
