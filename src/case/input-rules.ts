import { badInput, list } from './case-error';
import { assertNotFuture, parseInstant } from './validation/dates';

/** Field checks shared by every step; each names the field it refuses. */

// Control characters other than tab and line breaks; PostgreSQL's JSON cannot even store U+0000.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

export function text(value: unknown, field: string, max = 2000): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, 'must not be empty', 'text.empty');
  if (CONTROL.test(value)) throw badInput(field, 'must not contain control characters', 'text.controlCharacters');
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) throw badInput(field, 'is not well-formed Unicode text', 'text.malformedUnicode');
  // A name that reads differently from what it holds (U+202E "right-to-left override"…): Trojan Source.
  if (BIDI.test(value)) throw badInput(field, 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)', 'text.bidiControls');
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`, 'text.tooLong', { max });
  return trimmed;
}

export function optionalText(value: unknown, field: string, max = 2000): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  return text(value, field, max);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw badInput(field, `must be one of ${allowed.join(', ')}`, 'value.notOneOf', { allowed: list(allowed) });
  }
  return value as T;
}

export function listOf<T extends string>(value: unknown, allowed: readonly T[], field: string, minimum = 0): T[] {
  if (!Array.isArray(value)) throw badInput(field, 'must be a list', 'list.notList');
  if (value.length < minimum) throw badInput(field, `must name at least ${minimum}`, 'list.tooFew', { minimum });
  const items = value.map((v, i) => oneOf(v, allowed, `${field}[${i}]`));
  if (new Set(items).size !== items.length) throw badInput(field, 'must not repeat an entry', 'list.repeated');
  return items;
}

/** A past (or present) instant, normalised to ISO-8601 UTC. */
export function pastInstant(value: unknown, field: string, now: Date): Date {
  if (typeof value !== 'string') throw badInput(field, 'must be an ISO-8601 date-time', 'date.required');
  const date = parseInstant(value, field);
  assertNotFuture(date, field, now);
  return date;
}

export const iso = (date: Date) => date.toISOString();
