import { useState } from 'react';
import type { Case } from '../../api/types';
import type { CaseDocument } from '../../api/schema-types';
import { useI18n } from '../../i18n/i18n';
import { unitName, useRegionNames } from '../../regions/region-names';
import { formatDateTime, type Zone } from '../../../../words/zones';
import { AttachDocumentForm } from './attach-document-form';
import { downloadDocument } from './document-files';
import { respondentLabel, sizeText, typeName } from './document-words';
import { GenerateLetterButtons } from '../generating-letter/generate-letter-buttons';

/**
 * The case's documents (Case.documents), each downloadable with the session's token, and the form
 * that attaches another. After an upload the case is read again, so the list and the history show it.
 */
export function DocumentsSection({ c, zone, onAttached, onGenerated }: { c: Case; zone: Zone; onAttached(): void; onGenerated(c: Case): void }) {
  const { t, label } = useI18n();
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  // A new key after each upload empties the form (a file input cannot be cleared from script).
  const [round, setRound] = useState(0);
  const units = useRegionNames(c.documents.map((d) => d.attachedByUnit));
  // Whether this officer may attach, and to what: the server's next steps (an entry without respondents is the whole case).
  const attach = c.nextSteps.filter((s) => s.step === 'attachDocument');
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('documents.title')}</h2>
      {c.documents.length === 0 ? <p>{t('documents.none')}</p> : null}
      {c.documents.length > 0 ? (
        <ul className="documents">
          {c.documents.map((d) => (
            <DocumentItem key={d.id} d={d} c={c} zone={zone} unit={d.attachedByUnit ? unitName(label('Agency', d.attachedBy), d.attachedByUnit, units, '') : label('Agency', d.attachedBy)} />
          ))}
        </ul>
      ) : null}
      {uploaded !== null ? (
        <p className="notice" role="status">
          {t('documents.uploaded', { name: uploaded })}
        </p>
      ) : null}
      {generated !== null ? (
        <p className="notice" role="status">
          {t('letters.generated', { name: generated })}
        </p>
      ) : null}
      <GenerateLetterButtons
        c={c}
        zone={zone}
        onGenerated={(next, name) => {
          setUploaded(null);
          setGenerated(name);
          onGenerated(next);
        }}
      />
      {attach.length === 0 ? null : (
        <details className="later-step" open={uploaded !== null}>
          <summary>{t('documents.upload')}</summary>
          <AttachDocumentForm
            key={round}
            c={c}
            wholeCase={attach.some((s) => s.respondentIds.length === 0)}
            respondentIds={attach.flatMap((s) => s.respondentIds)}
            onAttached={(name) => {
              setGenerated(null);
              setUploaded(name);
              setRound((n) => n + 1);
              onAttached();
            }}
          />
        </details>
      )}
    </section>
  );
}

function DocumentItem({ d, c, zone, unit }: { d: CaseDocument; c: Case; zone: Zone; unit: string }) {
  const { t, label, lang, refusalText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const kind = label('DocumentKind', d.kind);
  const name = d.name === '[erased]' ? t('case.erasedValue') : (d.name ?? t('documents.nameHidden'));
  const download = async () => {
    setBusy(true);
    setFailure(null);
    await downloadDocument(c.id, d).catch((error: unknown) => setFailure(refusalText(error, { zone })));
    setBusy(false);
  };
  return (
    <li className="card document">
      <strong>{kind}</strong>
      {d.respondentId ? <span> — {respondentLabel(c, d.respondentId, t)}</span> : <span> — {t('documents.wholeCase')}</span>}
      <p className="document-name">{name}</p>
      <p className="hint">
        {typeName(d.contentType)} · {sizeText(d.size, lang)} · {t('documents.attached', { when: formatDateTime(d.attachedAt, zone, lang), unit })}
      </p>
      {d.readable ? (
        <button type="button" disabled={busy} onClick={() => void download()} aria-label={t('documents.downloadLabel', { what: `${kind}: ${name}` })}>
          {busy ? t('documents.downloading') : t('documents.download')}
        </button>
      ) : (
        <p>{t('documents.unreadable')}</p>
      )}
      {failure ? <p role="alert" className="form-error">{t('documents.downloadFailed', { reason: failure })}</p> : null}
    </li>
  );
}
