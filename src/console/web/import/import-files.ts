import { ApiError } from '../api/graphql';
import { fileNameOf, refusalOf, saveBlob } from '../api/files';
import { currentToken } from '../auth/session';
import type { Lang } from '../../../words/zones';

/** What POST /imports answers (README "Import"): the parts the console shows. */
export interface ImportReport {
  importId: string;
  dryRun: boolean;
  summary: { rows: number; rowsWithErrors: number; rowsToWrite: number; rowsAlreadyImported: number; cases: number; casesToWrite: number };
  written: { cases: number; commands: number } | null;
  errors: Array<{ row: number; no: string | null; column: string | null; code: string; key: string; params: Record<string, unknown>; message: string }>;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError('NETWORK', 'Netra could not be reached');
  }
  if (!response.ok) throw await refusalOf(response);
  return response;
}

/** A dry run (nothing written) or, with the dry run's importId, the import of that same file. */
export async function runImport(file: File, lang: Lang, confirm: string | null): Promise<ImportReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  const query = confirm ? `confirm=${encodeURIComponent(confirm)}` : 'dryRun=true';
  return (await (await send(`/imports?${query}&lang=${lang}`, { method: 'POST', body })).json()) as ImportReport;
}

/** GET /imports/template.xlsx with headers in the officer's language. */
export async function downloadTemplate(lang: Lang): Promise<void> {
  const response = await send(`/imports/template.xlsx?lang=${lang}`, { method: 'GET' });
  saveBlob(await response.blob(), fileNameOf(response) ?? 'netra-register.xlsx');
}
