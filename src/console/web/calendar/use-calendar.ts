import { useCallback, useEffect, useState } from 'react';
import { HOLIDAY_CALENDAR_QUERY, MAY_PUBLISH_CALENDAR_QUERY } from '../api/documents';
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

/** One question per signed-in token, shared by the header and the calendar page. */
const asked = new Map<string, Promise<boolean>>();

/**
 * Whether this officer may publish the calendar, as the server answers it (Query.mayPublishCalendar,
 * by the rule publishCalendar applies): false until it answers, and when it cannot.
 */
export function useMayPublishCalendar(token: string | null): boolean {
  const [may, setMay] = useState(false);
  useEffect(() => {
    setMay(false);
    if (!token) return;
    let current = true;
    if (!asked.has(token)) {
      asked.set(token, graphql<{ mayPublishCalendar: boolean }>(MAY_PUBLISH_CALENDAR_QUERY).then((data) => data.mayPublishCalendar, () => (asked.delete(token), false)));
    }
    void asked.get(token)!.then((answer) => current && setMay(answer));
    return () => {
      current = false;
    };
  }, [token]);
  return may;
}
