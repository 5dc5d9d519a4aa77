/**
 * Whether a unit's jurisdiction contains a region, by whole Kemendagri code segments (16 contains
 * 16.73, not 1673); null = national. Only to decide which forms to offer: the server decides.
 */
export function regionContains(outer: string | null, inner: string | null | undefined): boolean {
  if (outer === null) return true;
  if (!inner) return false;
  return inner === outer || inner.startsWith(`${outer}.`);
}
