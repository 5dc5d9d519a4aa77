import { useEffect, useState } from 'react';
import { ApiError } from '../api/graphql';
import type { DashboardFilters } from './filters';
import { loadCurve, loadDashboard } from './load';
import type { CurvePoint, DashboardData } from './types';

export interface DashboardState {
  data: DashboardData | null;
  /** Arrives after the figures: many as-of reads of the history take longer than one. */
  curve: CurvePoint[] | null;
  error: ApiError | null;
  /** The figures for the current choice are on their way (older ones may still be shown). */
  loading: boolean;
  reload(): void;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('NETWORK', String(e)));

/** Loads the figures, then the curve, again on every change of filters or reload; late answers to an old choice are dropped. */
export function useDashboard(filters: DashboardFilters): DashboardState {
  const [data, setData] = useState<DashboardData | null>(null);
  const [curve, setCurve] = useState<CurvePoint[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // The choice the shown figures answer: on the render where the choice changes, before the effect
  // below marks it loading, the old figures are already said to be on their way out.
  const [answered, setAnswered] = useState<DashboardFilters | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    setCurve(null);
    setLoading(true);
    void (async () => {
      try {
        const loaded = await loadDashboard(filters, new Date());
        if (!current) return;
        setData(loaded);
        setAnswered(filters);
        setLoading(false);
        const points = await loadCurve(filters, loaded);
        if (current) setCurve(points);
      } catch (e) {
        if (!current) return;
        setError(asApiError(e));
        setAnswered(filters);
        setLoading(false);
      }
    })();
    return () => {
      current = false;
    };
  }, [filters, generation]);

  return { data, curve, error, loading: loading || answered !== filters, reload: () => setGeneration((g) => g + 1) };
}
