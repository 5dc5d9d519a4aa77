import { useCallback, useEffect, useState } from 'react';
import { CASE_QUERY } from '../api/documents';
import { ApiError, graphql } from '../api/graphql';
import type { Case } from '../api/types';

export type CaseState = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; error: ApiError } | { status: 'ready'; c: Case };

/** Loads a case; `replace` takes the case a mutation returned (read-your-writes), `reload` fetches it again. */
export function useCase(id: string) {
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const data = await graphql<{ case: Case | null }>(CASE_QUERY, { id });
      setState(data.case ? { status: 'ready', c: data.case } : { status: 'missing' });
    } catch (error) {
      setState({ status: 'failed', error: error instanceof ApiError ? error : new ApiError('NETWORK', String(error)) });
    }
  }, [id]);
  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
  }, [reload]);
  const replace = (c: Case) => setState({ status: 'ready', c });
  return { state, reload, replace };
}
