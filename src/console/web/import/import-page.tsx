import { useState } from 'react';
import { ApiError } from '../api/graphql';
import { FileField } from '../forms/fields';
import { FormShell } from '../forms/form-shell';
import { wordsFor } from '../forms/use-command';
import { useI18n } from '../i18n/i18n';
import { downloadTemplate, runImport, type ImportReport } from './import-files';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', String(e)));

/**
 * #/import — a unit's spreadsheet register into Netra (POST /imports): a dry run first, whose
 * problems are listed per row in the officer's language from each problem's key and parameters,
 * then the import of exactly that file once the officer confirms.
 */
export function ImportPage() {
  const { t, lang, refusalText } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [templateFailure, setTemplateFailure] = useState<string | null>(null);
  const errors = wordsFor(refusal, (path) => path === 'file', lang);

  const run = async (confirm: string | null) => {
    if (!file) return setRefusal(new ApiError('BAD_USER_INPUT', 'file: is missing', 'file', 'import.fileMissing', {}));
    setBusy(true);
    setRefusal(null);
    try {
      setReport(await runImport(file, lang, confirm));
    } catch (e) {
      setRefusal(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const problem = (e: ImportReport['errors'][number]) => refusalText(new ApiError(e.code as ApiError['code'], e.message, e.column ?? undefined, e.key, e.params));

  return (
    <div className="import-page">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.lead')}</p>
      <p>
        <button type="button" onClick={() => void downloadTemplate(lang).catch((e: unknown) => setTemplateFailure(refusalText(e)))}>
          {t('import.template')}
        </button>
      </p>
      {templateFailure ? <p role="alert">{templateFailure}</p> : null}
      <h2>{t('import.steps')}</h2>
      <FormShell title={t('import.dryRunTitle')} submitLabel={t('import.dryRun')} busy={busy} errors={errors} onSubmit={() => void run(null)}>
        <FileField
          name="file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(f) => {
            setFile(f);
            setReport(null);
          }}
          error={errors.fields.file}
          required
        />
      </FormShell>
      {report ? <ImportResult report={report} problem={problem} busy={busy} onConfirm={() => void run(report.importId)} /> : null}
    </div>
  );
}

function ImportResult({ report, problem, busy, onConfirm }: { report: ImportReport; problem(e: ImportReport['errors'][number]): string; busy: boolean; onConfirm(): void }) {
  const { t } = useI18n();
  const s = report.summary;
  return (
    <section aria-labelledby="import-result" className="import-result">
      <h2 id="import-result">{report.written ? t('import.doneTitle') : t('import.dryRunResult')}</h2>
      <p role="status">
        {report.written
          ? t('import.written', { cases: report.written.cases, commands: report.written.commands, problems: s.rowsWithErrors })
          : t('import.summary', { rows: s.rows, toWrite: s.rowsToWrite, cases: s.casesToWrite, problems: s.rowsWithErrors, already: s.rowsAlreadyImported })}
      </p>
      {report.errors.length > 0 ? (
        <table className="import-problems">
          <caption>{t('import.problems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.no')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.row}:${e.column ?? ''}:${e.key}`}>
                <td>{e.row}</td>
                <td>{e.no ?? '—'}</td>
                <td>{e.column ?? '—'}</td>
                <td>{problem(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.dryRun && s.rowsToWrite > 0 ? (
        <p>
          <button type="button" disabled={busy} onClick={onConfirm}>
            {t('import.confirm', { rows: s.rowsToWrite })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
