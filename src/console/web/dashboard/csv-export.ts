import { ApiError, type ErrorCode } from '../api/graphql';
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
  if (!response.ok) {
    const refusal = (await response.json().catch(() => ({}))) as { code?: string; message?: string; field?: string; key?: string; params?: Record<string, unknown> };
    throw new ApiError((refusal.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode, refusal.message ?? `HTTP ${response.status}`, refusal.field, refusal.key, refusal.params);
  }
  save(await response.blob(), fileName(response, kind, params.asOf));
}

/** The server's name for the file, else one that says what and when. */
function fileName(response: Response, kind: ExportKind, asOf: string | number | undefined): string {
  const given = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return given ?? `netra-${kind}-${String(asOf ?? '').replace(/[:.]/g, '-')}.csv`;
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the Blob once the click is handled; keep the URL a moment for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
