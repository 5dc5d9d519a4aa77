import type { CaseCommand } from './steps';
import { tracksOf } from './case-effective-time';
import type { CaseEvent } from './case-events';
import { findTrack, type OpenedCase } from './case-state';

/**
 * Per-track concurrency (shared/CONTRACT.md, CONFLICT). `expectedVersion` is the case version the
 * caller saw; a command is stale only when an event after it touched one of the command's own tracks,
 * or the case as a whole. Two officers deciding different respondents of one case do not conflict.
 */

/** The tracks an event touches for concurrency: null for the case as a whole (report, study, erasure). */
export function tracksTouched(event: CaseEvent): readonly string[] | null {
  return event.type === 'PersonalDataErased' ? null : tracksOf(event);
}

/** The tracks a command acts on, from its input: one `respondentId`, a list of `respondentIds`, else null (the whole case). */
export function commandTracks(command: CaseCommand): readonly string[] | null {
  const input = command.input as { respondentId?: unknown; respondentIds?: unknown };
  if (typeof input.respondentId === 'string') return [input.respondentId];
  if (Array.isArray(input.respondentIds) && input.respondentIds.every((id) => typeof id === 'string')) return input.respondentIds as string[];
  return null;
}

/** Why a command pinned to `expectedVersion` is stale on this state, or null when it may be decided on it. */
export function staleness(state: OpenedCase | { status: 'empty'; version: 0 }, command: CaseCommand, expectedVersion: number): string | null {
  const version = state.version;
  if (expectedVersion === version) return null;
  const atVersion = `the case is at version ${version}, not ${expectedVersion}`;
  if (expectedVersion > version || state.status !== 'opened') return `${atVersion}: reload it`;
  const tracks = commandTracks(command);
  if (tracks === null) return `${atVersion}: it moved on since; reload it`;
  for (const id of tracks) {
    const track = findTrack(state, id);
    if (track && track.trackVersion > expectedVersion) {
      return `${atVersion}: respondent ${id} changed at version ${track.trackVersion}; reload it`;
    }
  }
  return null;
}
