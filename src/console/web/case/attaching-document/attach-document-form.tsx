import { useMemo, useState } from 'react';
import { ApiError } from '../../api/graphql';
import type { Case } from '../../api/types';
import { FileField, SelectField } from '../../forms/fields';
import { FormShell } from '../../forms/form-shell';
import { wordsFor } from '../../forms/use-command';
import { useI18n } from '../../i18n/i18n';
import { uploadDocument } from './document-files';
import { respondentLabel } from './document-words';

const FIELDS = new Set(['kind', 'respondentId', 'file']);

/**
 * Attaches a file to the case or to one respondent's track (POST /cases/{id}/documents). Who may,
 * what type and how large are the server's to judge: its refusal is worded here from its key, under
 * the file for a refused type or size.
 */
export function AttachDocumentForm({ c, wholeCase, respondentIds, onAttached }: { c: Case; wholeCase: boolean; respondentIds: string[]; onAttached(name: string): void }) {
  const { t, lang, options } = useI18n();
  const [kind, setKind] = useState('');
  const [respondentId, setRespondentId] = useState(wholeCase ? '' : (respondentIds[0] ?? ''));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const errors = useMemo(() => wordsFor(refusal, (path) => FIELDS.has(path), lang, c), [refusal, lang, c]);

  const submit = async () => {
    // Nothing chosen yet: the server would say the same, in the same words.
    if (!file) return setRefusal(new ApiError('BAD_USER_INPUT', 'file: is missing', 'file', 'document.fileMissing', {}));
    setBusy(true);
    setRefusal(null);
    try {
      await uploadDocument(c.id, { kind, respondentId, file });
      onAttached(file.name);
    } catch (error) {
      setRefusal(error instanceof ApiError ? error : new ApiError('INTERNAL_SERVER_ERROR', String(error)));
    } finally {
      setBusy(false);
    }
  };

  const respondents = c.respondents.filter((r) => !r.identityWithheld && respondentIds.includes(r.respondentId)).map((r) => ({ value: r.respondentId, label: respondentLabel(c, r.respondentId, t) }));
  return (
    <FormShell title={t('documents.upload')} submitLabel={t('documents.upload.submit')} busy={busy} errors={errors} onSubmit={() => void submit()}>
      <SelectField name="kind" label={t('field.documentKind')} value={kind} placeholder={t('field.choose')} options={options('DocumentKind')} onChange={setKind} error={errors.fields.kind} required />
      <SelectField
        name="respondentId"
        label={t('field.documentFor')}
        value={respondentId}
        options={[...(wholeCase ? [{ value: '', label: t('documents.wholeCase') }] : []), ...respondents]}
        onChange={setRespondentId}
        error={errors.fields.respondentId}
      />
      <FileField name="file" label={t('field.file')} hint={t('hint.file')} onChange={setFile} error={errors.fields.file} required />
    </FormShell>
  );
}
