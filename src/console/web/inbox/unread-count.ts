import { useEffect, useState } from 'react';
import type { Route } from '../router';
import { loadUnreadCount, onInboxChange } from './inbox-queries';

/**
 * The unit's unread lines for the header: counted at sign-in, on every page change (something may
 * have arrived) and whenever a line is marked read. Null while unknown or signed out.
 */
export function useUnreadCount(token: string | null, route: Route): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => onInboxChange(() => setChanges((n) => n + 1)), []);
  useEffect(() => {
    if (!token) {
      setCount(null);
      return;
    }
    let live = true;
    // A count that cannot be read leaves the link without a number rather than the header with an error.
    loadUnreadCount().then((n) => live && setCount(n), () => live && setCount(null));
    return () => {
      live = false;
    };
  }, [token, route, changes]);
  return count;
}
