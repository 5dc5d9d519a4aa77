/**
 * "Now" for what Netra decides and warns about. The real clock in production; a test may start
 * Netra on another day (e.g. 1 Jan 2027) through startNetra's options, never through the environment.
 */
export type Clock = () => Date;

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = () => new Date();
