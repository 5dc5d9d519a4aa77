import type { DomainEvent, EventRules, Step } from '../case/step';
import { STEPS } from '../case/steps';

/**
 * Where the events carry personal data: each event's fields, declared by its step beside the event
 * (`sealed`, src/case/step.ts) and gathered here from the registry. Every such value is sealed with the case's data key before it is stored (`sealEvent`) and opened
 * on the way out (`openEvent`); once the key is destroyed (erasure) it reads as `ERASED` — or as
 * null where the field is an identifier a client would parse (NIP) or an object (the reporter).
 *
 * A path walks object keys; `*` walks every element of an array. A new field (another identifier,
 * a new note) is one line in its step's folder: sealing, opening, erasure, the copy that seals old
 * stores and the tests that scan for plaintext all follow it. This file and personal-data.ts know
 * the case's events, so they sit in the gateway layer (test/structure/layers.ts), above the domain.
 */

/** What a sealed text field reads as once the case's data key was destroyed. */
export const ERASED = '[erased]';

export interface PersonalField {
  path: readonly string[];
  /** What the value reads as after erasure. */
  erasedAs: typeof ERASED | null;
  /** Bound into the ciphertext as additional data, so a value cannot be moved to another case or field. */
  context: (caseId: string, item: string) => string;
}

const generic =
  (label: string) =>
  (caseId: string, item: string): string =>
    item === '' ? `${label}:${caseId}` : `${label}:${caseId}:${item}`;

/**
 * Event type → its personal fields, as each step declares them beside its event (`sealed` in
 * src/case/step.ts). README "Security and privacy" lists them with the reasons.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly PersonalField[]>> = Object.fromEntries(
  (STEPS as readonly Step[]).flatMap((step) =>
    Object.entries(step.events as Record<string, EventRules<DomainEvent>>)
      .filter(([, rules]) => rules.sealed !== undefined)
      .map(([type, rules]) => [type, rules.sealed!.map((f) => ({ path: f.path.split('.'), erasedAs: f.erasedAsNull ? null : ERASED, context: generic(f.context ?? f.path) }))]),
  ),
);

/** An event as stored: type and data (the rest is carried along untouched). */
export interface EventLike {
  type: string;
  data: object;
}

type Leaf = (value: unknown, field: PersonalField, caseId: string, item: string) => unknown;

/** Applies `leaf` to every personal value of the event (null stays null: an absent value is no data). */
export function mapPersonal<E extends EventLike>(event: E, leaf: Leaf): E {
  const fields = PERSONAL_FIELDS[event.type];
  if (!fields) return event;
  const caseId = String((event.data as { caseId?: unknown }).caseId);
  let data: unknown = event.data;
  for (const f of fields) data = walk(data, f.path, '', (value, item) => (value === null || value === undefined ? value : leaf(value, f, caseId, item)));
  return { ...event, data };
}

/** True when the event carries at least one personal value. */
export function hasPersonal(event: EventLike): boolean {
  let found = false;
  mapPersonal(event, (value) => ((found = true), value));
  return found;
}

function walk(value: unknown, path: readonly string[], item: string, at: (value: unknown, item: string) => unknown): unknown {
  if (path.length === 0) return at(value, item);
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.map((element, index) => walk(element, rest, itemOf(element, index), at)) : value;
  if (value === null || typeof value !== 'object' || !(head in value)) return value;
  return { ...(value as object), [head]: walk((value as Record<string, unknown>)[head], rest, item, at) };
}

/** An array element is named by its respondent id when it has one (stable across copies), else by its index. */
const itemOf = (element: unknown, index: number): string =>
  element !== null && typeof element === 'object' && typeof (element as { respondentId?: unknown }).respondentId === 'string'
    ? (element as { respondentId: string }).respondentId
    : String(index);
