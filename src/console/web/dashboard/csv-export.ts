import { ApiError } from '../api/graphql';
import { refusalOf, saveBlob } from '../api/files';
import { currentToken } from '../auth/session';

export type ExportKind = 'summary' | 'follow-ups';

/**
 * Downloads one of Netra's CSV exports (GET /exports/<kind>.csv) with the session's bearer token:
 * fetched, so the token travels in a header rather than the address, then saved from a Blob.
 * `bom` makes Excel read the UTF-8 names right.
 */
export async function downloadCsv(kind: ExportKind, params: Record<string, string | number | undefined>): Promise<void> {
  const query = new URLSearchParams({ bom: 'true' });
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value));
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(`/exports/${kind}.csv?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('NETWORK', 'Netra could not be reached');
  }
  if (!response.ok) throw await refusalOf(response);
  saveBlob(await response.blob(), fileName(response, kind, params.asOf));
}

/** The server's name for the file, else one that says what and when. */
function fileName(response: Response, kind: ExportKind, asOf: string | number | undefined): string {
  const given = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return given ?? `netra-${kind}-${String(asOf ?? '').replace(/[:.]/g, '-')}.csv`;
}
