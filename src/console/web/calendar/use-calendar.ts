import { useCallback, useEffect, useState } from 'react';
import { HOLIDAY_CALENDAR_QUERY } from '../api/documents';
import { ApiError, graphql } from '../api/graphql';
import type { CalendarYear } from '../api/types';

export type CalendarState = { status: 'loading' } | { status: 'loaded'; years: CalendarYear[] } | { status: 'failed'; error: ApiError };

/** The holiday calendar as Netra counts with it now, each year from its data file or its latest publication. */
export function useCalendar() {
  const [state, setState] = useState<CalendarState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const data = await graphql<{ holidayCalendar: CalendarYear[] }>(HOLIDAY_CALENDAR_QUERY);
      setState({ status: 'loaded', years: data.holidayCalendar });
    } catch (error) {
      setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError('NETWORK', String(error)) });
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
}

/** Who publishes a year (CALENDAR_PUBLISHERS in src/case/case-access.ts): a national KemenPANRB unit only. */
export const mayPublishCalendar = (session: { agency: string; region: string | null }) => session.agency === 'KEMENPANRB' && session.region === null;
