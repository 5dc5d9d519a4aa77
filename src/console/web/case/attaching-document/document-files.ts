import { ApiError } from '../../api/graphql';
import { fileNameOf, refusalOf, saveBlob } from '../../api/files';
import type { CaseDocument } from '../../api/schema-types';
import { DOCUMENT_EXTENSIONS } from '../../../../case/case-vocabulary';
import { currentToken } from '../../auth/session';

const bearer = (): Record<string, string> => {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...bearer(), ...(init.headers ?? {}) } });
  } catch {
    throw new ApiError('NETWORK', 'Netra could not be reached');
  }
  if (!response.ok) throw await refusalOf(response);
  return response;
}

/**
 * POST /cases/{id}/documents (README "Documents"): the kind and the respondent's track before the
 * file, as multipart/form-data. The server judges the type from the bytes and the size against its
 * limit; its refusal comes back as an ApiError with the key the console words.
 */
export async function uploadDocument(caseId: string, input: { kind: string; respondentId: string; file: File }): Promise<{ documentId: string; version: number }> {
  const body = new FormData();
  body.append('kind', input.kind);
  if (input.respondentId) body.append('respondentId', input.respondentId);
  body.append('file', input.file, input.file.name);
  const response = await send(`/cases/${encodeURIComponent(caseId)}/documents`, { method: 'POST', body });
  return (await response.json()) as { documentId: string; version: number };
}

/** GET /cases/{id}/documents/{documentId} with the bearer token, saved under the server's name for it. */
export async function downloadDocument(caseId: string, document: Pick<CaseDocument, 'id' | 'name' | 'contentType'>): Promise<void> {
  const response = await send(`/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(document.id)}`, { method: 'GET' });
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response) ?? document.name ?? `document-${document.id}.${DOCUMENT_EXTENSIONS[document.contentType as keyof typeof DOCUMENT_EXTENSIONS] ?? 'bin'}`);
}
