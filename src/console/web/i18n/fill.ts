/**
 * Fills a message's placeholders: `{name}` becomes the parameter's value, and `{name:one|other}`
 * the word that agrees with it — `one` when the value is 1, `other` otherwise (English: "1 row",
 * "2 rows"). Indonesian does not mark the plural, so its messages need only `{name}`. An unknown
 * parameter is left as written, so a missing value shows instead of vanishing.
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one === undefined) return String(value);
    return Number(value) === 1 ? one : (other ?? '');
  });
}
