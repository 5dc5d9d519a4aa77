import { createContext, useContext, useEffect, useState } from 'react';
import { currentSession, onSessionChange, type Session } from './session';

/** The session as React state: sign-in, sign-out and an expired token re-render the app. */
export function useSessionState(): Session | null {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  useEffect(() => {
    if (!session?.expiresAt) return;
    const timer = setTimeout(() => setSession(currentSession()), Math.max(0, session.expiresAt - Date.now()) + 1000);
    return () => clearTimeout(timer);
  }, [session]);
  return session;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in officer; pages below the sign-in gate always have one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
