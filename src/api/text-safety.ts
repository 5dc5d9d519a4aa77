import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badInput } from '../case/case-error';

/**
 * Text no field of Netra takes: NUL (PostgreSQL cannot store it, and it truncates C strings),
 * unpaired UTF-16 surrogates (not Unicode text at all), and the bidirectional controls that make a
 * name read differently from what it holds (U+202A–U+202E, U+2066–U+2069: "Trojan Source").
 */
const NUL = /\u0000/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is refused, or null when it is fine. */
export function unsafeTextProblem(value: string): string | null {
  return unsafeText(value)?.[0] ?? null;
}

/** The problem's English words and its message key. */
function unsafeText(value: string): [string, 'text.nulCharacter' | 'text.malformedUnicode' | 'text.bidiControls'] | null {
  if (NUL.test(value)) return ['must not contain a NUL character', 'text.nulCharacter'];
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return ['is not well-formed Unicode text (an unpaired surrogate)', 'text.malformedUnicode'];
  if (BIDI.test(value)) return ['must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)', 'text.bidiControls'];
  return null;
}

/** Walks a request value (strings, lists, objects, object keys too) and refuses the first unsafe text, naming its path. */
export function assertSafeText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const problem = unsafeText(value);
    if (problem) throw badInput(path || 'input', problem[0], problem[1]);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertSafeText(item, `${path}[${i}]`));
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      assertSafeText(key, path || 'input');
      assertSafeText(item, path ? `${path}.${key}` : key);
    }
  }
}

/**
 * Every GraphQL argument passes here before anything else looks at it. A mutation's `input` names
 * fields as its refusals always did (`respondents[0].name`); any other argument by its own name
 * (`id`, `filter.regionPrefix`).
 */
@Injectable()
export class SafeTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Named arguments only: not @Parent() (what Netra already holds) nor @Context().
    if (metadata.type === 'custom' || typeof metadata.data !== 'string') return value;
    assertSafeText(value, metadata.data === 'input' ? '' : metadata.data);
    return value;
  }
}
