import { ApiError, type ErrorCode } from './graphql';

/**
 * What Netra's plain HTTP routes (exports, documents) answer when they refuse: the contract's code,
 * key, field and params in a JSON body, as GraphQL carries them in `extensions`.
 */
export async function refusalOf(response: Response): Promise<ApiError> {
  const refusal = (await response.json().catch(() => ({}))) as { code?: string; message?: string; field?: string; key?: string; params?: Record<string, unknown> };
  return new ApiError((refusal.code ?? 'INTERNAL_SERVER_ERROR') as ErrorCode, refusal.message ?? `HTTP ${response.status}`, refusal.field, refusal.key, refusal.params);
}

/** The file name the server gave in Content-Disposition: the UTF-8 one (RFC 6266 `filename*`) first, else the ASCII one. */
export function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // A malformed escape: fall back to the ASCII name.
    }
  }
  return /filename="?([^";]+)"?/.exec(header)?.[1] ?? null;
}

/**
 * Saves a fetched file: downloads carry the bearer token in a header, so a plain link (which
 * carries none) cannot fetch them; the bytes are fetched, then handed to the browser as a Blob.
 */
export function saveBlob(blob: Blob, name: string): void {
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
