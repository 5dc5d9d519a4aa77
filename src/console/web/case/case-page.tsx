import { DocumentsSection } from './attaching-document/documents-section';
import { CaseFacts } from './case-facts';
import { DeadlineSummary, PrintButton, PrintLetterhead } from './case-summary';
import { ReporterBlock } from './reporter-block';
import { RespondentTrack } from './respondent-track';
import { Timeline } from './timeline';
import { useCase } from './use-case';
import { useI18n } from '../i18n/i18n';
import { PrintStamp } from '../layout/print-stamp';
import { NextSteps } from './next-steps';
import { zoneOf } from '../../../words/zones';

/** #/cases/:id — the case, its respondents' tracks, what this officer may do next, and the history. */
export function CasePage({ id }: { id: string }) {
  const { t, refusalText } = useI18n();
  const { state, reload, replace } = useCase(id);
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'missing') return <p role="alert">{t('case.missing')}</p>;
  if (state.status === 'failed') return <p role="alert">{refusalText(state.error)}</p>;
  const c = state.c;
  // Every time on this page is in the handling unit's zone, and says which.
  const zone = zoneOf(c.handlingUnit);
  return (
    <div className="case-page">
      <PrintStamp />
      <PrintLetterhead c={c} />
      <div className="case-title">
        <h1>
          {t('case.title')} <span className="register">{c.registerNumber}</span>
        </h1>
        <PrintButton />
      </div>
      <CaseFacts c={c} zone={zone} />
      <DeadlineSummary c={c} zone={zone} />
      <ReporterBlock c={c} />
      <section aria-labelledby="respondents">
        <h2 id="respondents">{t('case.respondents')}</h2>
        {c.respondents.map((r) => (
          <RespondentTrack key={r.respondentId} r={r} zone={zone} />
        ))}
      </section>
      <DocumentsSection c={c} zone={zone} onAttached={() => void reload()} onGenerated={replace} />
      <NextSteps c={c} onDone={replace} onReload={() => void reload()} />
      <Timeline c={c} zone={zone} />
    </div>
  );
}
