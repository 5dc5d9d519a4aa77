import { createContext, type ReactNode } from 'react';

/**
 * What changed on the case since the version a kept form was based on (after a CONFLICT and a
 * reload), as the page renders it: FormShell shows it under its "typed work kept" notice.
 */
export const ChangesSince = createContext<ReactNode>(null);
