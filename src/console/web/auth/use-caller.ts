import { useEffect, useState } from 'react';
import { ME_QUERY } from '../api/documents';
import { graphql } from '../api/graphql';
import type { Caller } from '../api/types';

/** One question per signed-in token, shared by the header and the pages. */
const asked = new Map<string, Promise<Caller | null>>();

/**
 * What the signed-in officer may do, as the server answers it (Query.me, from the access table the
 * mutations apply): undefined until it answers, null when it cannot. The console keeps no copy of
 * who opens cases or who has a queue.
 */
export function useCaller(token: string | null): Caller | null | undefined {
  const [caller, setCaller] = useState<Caller | null | undefined>(undefined);
  useEffect(() => {
    setCaller(undefined);
    if (!token) return;
    let current = true;
    if (!asked.has(token)) {
      asked.set(token, graphql<{ me: Caller | null }>(ME_QUERY).then((data) => data.me, () => (asked.delete(token), null)));
    }
    void asked.get(token)!.then((answer) => current && setCaller(answer));
    return () => {
      current = false;
    };
  }, [token]);
  return caller;
}
