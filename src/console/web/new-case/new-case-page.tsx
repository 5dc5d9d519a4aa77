import { RegionPicker } from '../regions/region-picker';
import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql';
import { ELECTIONS_QUERY } from '../api/documents';
import { useSession } from '../auth/use-session';
import { useCaller } from '../auth/use-caller';
import { CheckboxGroup, DateTimeField, SelectField, TextArea, TextField } from '../forms/fields';
import { FormShell } from '../forms/form-shell';
import { useCommand } from '../forms/use-command';
import { useFields } from '../forms/use-fields';
import { useI18n } from '../i18n/i18n';
import { EvidenceFields } from './evidence-fields';
import { initialDraft, reportCaseInput } from './new-case-state';
import { ReporterFields } from './reporter-fields';
import { RespondentFields } from './respondent-fields';
import { caseHref, navigate } from '../router';
import { formatDate, zoneOf } from '../../../words/zones';

interface KnownElection {
  kind: string;
  year: number;
  votingDay: string;
}

/** The elections Netra knows (newest first); empty until they arrive. */
function useElections(): KnownElection[] {
  const [elections, setElections] = useState<KnownElection[]>([]);
  useEffect(() => {
    let live = true;
    graphql<{ elections: KnownElection[] }>(ELECTIONS_QUERY)
      .then((data) => live && setElections(data.elections))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return elections;
}

const TOP_FIELDS = /^(source|election(\.(kind|year|regionCode))?|handlingUnit|registerNumber|occurredAt|knownAt|receivedAt|place|summary|violations)$/;
const LIST_FIELDS = /^(respondents|evidence|reporter)(\[\d+\])?(\.\w+)?$/;

/** #/cases/new — Bawaslu opens a case: a laporan (with its reporter) or a temuan. */
export function NewCasePage() {
  const { t, options, label, lang } = useI18n();
  const elections = useElections();
  const session = useSession();
  const caller = useCaller(session.token);
  const { values: d, set } = useFields(() => initialDraft(session.region, new Date()));
  const { busy, errors, send } = useCommand('reportCase', (path) => TOP_FIELDS.test(path) || LIST_FIELDS.test(path));
  const zone = zoneOf(d.handlingUnit);
  const e = errors.fields;

  // Who may open a case is the server's to say (Query.me), by the rule reportCase applies.
  if (caller === undefined) return <p role="status">{t('loading')}</p>;
  if (!caller?.mayOpenCase) return <p role="alert">{t('newCase.bawasluOnly')}</p>;

  const submit = async () => {
    const created = await send(reportCaseInput(d));
    if (created) navigate(caseHref(created.id));
  };

  return (
    <div>
      <h1>{t('newCase.title')}</h1>
      <FormShell title={t('newCase.formTitle')} submitLabel={t('newCase.submit')} busy={busy} errors={errors} onSubmit={submit}>
        <SelectField
          name="source"
          label={t('field.source')}
          value={d.source}
          options={options('CaseSource')}
          onChange={(source) => set('source')(source as 'REPORT' | 'FINDING')}
          error={e.source}
          required
        />
        <fieldset className="group">
          <legend>{t('field.election')}</legend>
          <SelectField
            name="election.kind"
            label={t('field.electionKind')}
            placeholder={t('field.choose')}
            value={d.electionKind && d.electionYear ? `${d.electionKind} ${d.electionYear}` : ''}
            options={elections.map((x) => ({
              value: `${x.kind} ${x.year}`,
              label: t('newCase.electionOption', { kind: label('ElectionKind', x.kind), year: x.year, day: formatDate(`${x.votingDay}T12:00:00+07:00`, zone, lang) }),
            }))}
            onChange={(value) => {
              const [kind = '', year = ''] = value.split(' ');
              set('electionKind')(kind);
              set('electionYear')(year);
            }}
            error={e['election.kind'] ?? e['election.year'] ?? e.election}
            required
          />
          <RegionPicker name="election.regionCode" label={t('field.electionRegionCode')} hint={t('hint.regionCode')} value={d.electionRegionCode} onChange={set('electionRegionCode')} error={e['election.regionCode']} required />
        </fieldset>
        <RegionPicker name="handlingUnit" label={t('field.handlingUnit')} hint={t('hint.handlingUnit')} value={d.handlingUnit} onChange={set('handlingUnit')} error={e.handlingUnit} required />
        <TextField name="registerNumber" label={t('field.registerNumber')} hint={t('hint.registerNumber')} value={d.registerNumber} onChange={set('registerNumber')} error={e.registerNumber} />
        <DateTimeField name="occurredAt" label={t('field.occurredAt', { zone: zone.name })} value={d.occurredAt} onChange={set('occurredAt')} error={e.occurredAt} />
        <DateTimeField name="knownAt" label={t('field.knownAt', { zone: zone.name })} hint={t('hint.knownAt')} value={d.knownAt} onChange={set('knownAt')} error={e.knownAt} required />
        <DateTimeField name="receivedAt" label={t('field.receivedAt', { zone: zone.name })} value={d.receivedAt} onChange={set('receivedAt')} error={e.receivedAt} required />
        <TextField name="place" label={t('field.place')} value={d.place} onChange={set('place')} error={e.place} />
        <TextArea name="summary" label={t('field.summary')} value={d.summary} onChange={set('summary')} error={e.summary} required />
        <CheckboxGroup name="violations" label={t('field.violations')} values={d.violations} options={options('ViolationCode')} onChange={set('violations')} error={e.violations} required />
        <RespondentFields value={d.respondents} onChange={set('respondents')} errors={e} />
        <EvidenceFields value={d.evidence} onChange={set('evidence')} errors={e} />
        {d.source === 'REPORT' ? <ReporterFields value={d.reporter} onChange={set('reporter')} errors={e} /> : null}
      </FormShell>
    </div>
  );
}
