import type { Case } from '../../api/types';
import type { I18n } from '../../i18n/i18n';
import type { Lang } from '../../../../words/zones';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'video/mp4': 'MP4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/** "PDF" for application/pdf; the media type itself for one this list does not name. */
export const typeName = (contentType: string): string => TYPE_NAMES[contentType] ?? contentType;

/** "820 B", "200 KB", "1,5 MB" (a decimal comma in Indonesian). */
export function sizeText(bytes: number, lang: Lang): string {
  const decimal = (n: number) => (lang === 'id' ? n.toFixed(1).replace('.', ',') : n.toFixed(1));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${decimal(bytes / (1024 * 1024))} MB`;
}

/** A respondent by name where the caller sees it; "Terlapor 2" otherwise. */
export function respondentLabel(c: Case, respondentId: string, t: I18n['t']): string {
  const r = c.respondents.find((x) => x.respondentId === respondentId);
  if (r?.name && !r.identityWithheld && !c.personalDataErasedAt) return r.name;
  return t('timeline.respondentN', { n: respondentId.replace(/^R/, '') });
}
