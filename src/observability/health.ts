/** Readiness lives behind a token so the projection can report itself without a module cycle. */
export const PROJECTION_HEALTH = Symbol('PROJECTION_HEALTH');
export interface ProjectionHealth {
  readonly healthy: boolean;
  readonly position: bigint;
}

/** The holiday calendar's state (src/case/calendar), behind a token for the same reason. */
export const CALENDAR_HEALTH = Symbol('CALENDAR_HEALTH');
export interface CalendarHealth {
  status(): Promise<{ warning: string | null }>;
}
