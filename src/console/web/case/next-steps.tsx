import type { Case } from '../api/types';
import { ChangesSince as ChangesContext } from '../forms/changes-since';
import { conflictBase, draftKey, readDraft } from '../forms/drafts';
import { ChangesSince } from './timeline';
import { zoneOf } from '../../../words/zones';
import { useI18n, type I18n } from '../i18n/i18n';
import { availableSteps, type Step } from './available-steps';
import { CorrectSanctionExecutionForm } from './correcting-sanction-execution/correct-sanction-execution-form';
import { DecideSanctionForm } from './sanctioning/decide-sanction-form';
import { DeclareFollowUpImpossibleForm } from './declaring-impossible/declare-follow-up-impossible-form';
import { ErasePersonalDataForm } from './erasing/erase-personal-data-form';
import { ExtendDeadlineForm } from './extending-deadline/extend-deadline-form';
import { IssueRecommendationForm } from './recommending/issue-recommendation-form';
import { RecordEscalationForm } from './escalating/record-escalation-form';
import { RecordSanctionExecutionForm } from './executing-sanction/record-sanction-execution-form';
import { RecordStudyForm } from './studying/record-study-form';
import './later-steps.css';

/** The forms for every step this officer may take on the case now; a new version remounts them with fresh defaults. */
export function NextSteps({ c, onDone, onReload }: { c: Case; onDone(c: Case): void; onReload(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const steps = availableSteps(c);
  return (
    <section aria-labelledby="next-steps">
      <h2 id="next-steps">{t('case.nextSteps')}</h2>
      {steps.length === 0 ? <p>{t('case.noSteps')}</p> : null}
      {steps.map((step) => {
        // After a CONFLICT and a reload, a kept form lists what was recorded since the version it was based on.
        const base = conflictBase(c.id, step.kind);
        const form = (
          <ChangesContext.Provider key={`${keyOf(step)}@${c.version}`} value={base !== undefined && base < c.version ? <ChangesSince c={c} base={base} zone={zoneOf(c.handlingUnit)} /> : null}>
            <StepForm step={step} c={c} onDone={onDone} onReload={onReload} />
          </ChangesContext.Provider>
        );
        const summary = laterSummary(step, i18n);
        // Corrections, extensions, escalations and erasure are occasional: folded, so the next lifecycle step stays in view;
        // open when it holds typed work (after a CONFLICT and a reload), so the officer sees it kept.
        const kept = readDraft(draftKey(c.id, step.kind, 'respondent' in step ? step.respondent.respondentId : undefined)) !== undefined;
        return summary === null ? (
          form
        ) : (
          <details key={`${keyOf(step)}@${c.version}`} className="later-step" open={kept}>
            <summary>{summary}</summary>
            {form}
          </details>
        );
      })}
    </section>
  );
}

const keyOf = (step: Step) => ('respondent' in step ? `${step.kind}:${step.respondent.respondentId}` : step.kind);

/** The line a folded step shows: its form's title. Null for the lifecycle steps, shown open. */
function laterSummary(step: Step, { t, label }: I18n): string | null {
  const name = 'respondent' in step ? (step.respondent.name ?? step.respondent.respondentId) : '';
  switch (step.kind) {
    case 'correctSanctionExecution':
      return t('step.correctSanctionExecution', { name });
    case 'extendDeadline':
      return t('step.extendDeadline', { step: label('DeadlineStep', step.deadlineStep), name });
    case 'recordEscalation':
      return t('step.recordEscalation', { name });
    case 'erasePersonalData':
      return t('step.erasePersonalData');
    default:
      return null;
  }
}

function StepForm({ step, ...props }: { step: Step; c: Case; onDone(c: Case): void; onReload(): void }) {
  switch (step.kind) {
    case 'recordStudy':
      return <RecordStudyForm {...props} respondents={step.respondents} />;
    case 'issueRecommendation':
      return <IssueRecommendationForm {...props} respondents={step.respondents} />;
    case 'decideSanction':
      return <DecideSanctionForm {...props} respondent={step.respondent} />;
    case 'recordSanctionExecution':
      return <RecordSanctionExecutionForm {...props} respondent={step.respondent} />;
    case 'declareFollowUpImpossible':
      return <DeclareFollowUpImpossibleForm {...props} respondent={step.respondent} />;
    case 'correctSanctionExecution':
      return <CorrectSanctionExecutionForm {...props} respondent={step.respondent} />;
    case 'extendDeadline':
      return <ExtendDeadlineForm {...props} respondent={step.respondent} deadlineStep={step.deadlineStep} />;
    case 'recordEscalation':
      return <RecordEscalationForm {...props} respondent={step.respondent} kinds={step.kinds} />;
    case 'erasePersonalData':
      return <ErasePersonalDataForm {...props} overrideLegalHold={step.overrideLegalHold} />;
  }
}
