import { useMemo, useState } from 'react';
import type { CalendarPublication, CalendarYear, Holiday } from '../api/types';
import { SelectField, TextField } from '../forms/fields';
import { FormShell } from '../forms/form-shell';
import { useCommand, type CommandErrors } from '../forms/use-command';
import { useI18n } from '../i18n/i18n';
import { formatDay, parseTypedDay, toTypedDay } from '../../../words/days';

const KINDS: Array<Holiday['kind']> = ['NATIONAL', 'COLLECTIVE_LEAVE', 'ELECTION_DAY'];
const FIELD = /^(year|status|holidays|legalBasis\.(decree|signedAt|source)|holidays\[\d+\]\.(date|kind|name))$/;

interface Row {
  /** A stable React key: rows are added and removed. */
  key: number;
  date: string;
  kind: Holiday['kind'];
  name: string;
}

let nextKey = 0;
const row = (holiday?: Holiday): Row => ({ key: nextKey++, date: holiday ? toTypedDay(holiday.date) : '', kind: holiday?.kind ?? 'NATIONAL', name: holiday?.name ?? '' });

/**
 * Publishes or amends one year of the holiday calendar: every non-working day besides weekends
 * (national holidays, cuti bersama, voting days) with its legal basis. Days are typed dd/mm/yyyy
 * and shown as officers write them; what Netra had for the year is replaced, and the due times
 * counted through it are recounted by the server.
 */
export function CalendarForm({ base, year, onPublished }: { base: CalendarYear | null; year: number; onPublished(publication: CalendarPublication): void }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<CalendarYear['status']>('COMPLETE');
  // A data file's basis describes the file, not a decree: the officer names the decree they publish.
  const published = base?.publishedAt ? base.legalBasis : null;
  const [decree, setDecree] = useState(published?.decree ?? '');
  const [signedAt, setSignedAt] = useState(published?.signedAt ? toTypedDay(published.signedAt) : '');
  const [source, setSource] = useState(published?.source ?? '');
  const [rows, setRows] = useState<Row[]>(() => (base?.holidays.length ? base.holidays.map(row) : [row()]));
  const [local, setLocal] = useState<Record<string, string>>({});
  const { busy, errors: server, send } = useCommand('publishCalendar', (path) => FIELD.test(path));
  const errors = useMemo<CommandErrors>(() => ({ fields: { ...server.fields, ...local }, form: server.form }), [server, local]);

  const change = (key: number, patch: Partial<Row>) => setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async () => {
    const typed: Record<string, string> = {};
    const holidays = rows.map((r, i) => {
      const date = parseTypedDay(r.date);
      if (date === null) typed[`holidays[${i}].date`] = t('calendar.dayFormat');
      return { date: date ?? r.date, kind: r.kind, name: r.name };
    });
    const signed = signedAt.trim() === '' ? null : parseTypedDay(signedAt);
    if (signedAt.trim() !== '' && signed === null) typed['legalBasis.signedAt'] = t('calendar.dayFormat');
    setLocal(typed);
    if (Object.keys(typed).length > 0) return;
    const result = await send({ year, status, legalBasis: { decree, signedAt: signed, source }, holidays });
    if (result) onPublished(result as unknown as CalendarPublication);
  };

  return (
    <FormShell title={t('calendar.formTitle', { year })} submitLabel={t('calendar.submit', { year })} busy={busy} errors={errors} onSubmit={submit}>
      <p className="hint">{t('calendar.replaces', { year })}</p>
      <SelectField
        name="status"
        label={t('calendar.status')}
        value={status}
        options={(['COMPLETE', 'PROVISIONAL'] as const).map((s) => ({ value: s, label: t(`calendarStatus.${s}`) }))}
        onChange={(v) => setStatus(v as CalendarYear['status'])}
        error={errors.fields.status}
        required
      />
      <TextField name="legalBasis.decree" label={t('calendar.decree')} hint={t('calendar.decreeHint')} value={decree} onChange={setDecree} error={errors.fields['legalBasis.decree']} required />
      <TextField name="legalBasis.signedAt" label={t('calendar.signedAt')} hint={dayHint(signedAt)} value={signedAt} onChange={setSignedAt} error={errors.fields['legalBasis.signedAt']} />
      <TextField name="legalBasis.source" label={t('calendar.source')} hint={t('calendar.sourceHint')} value={source} onChange={setSource} error={errors.fields['legalBasis.source']} required />
      <h4>{t('calendar.holidays')}</h4>
      {errors.fields.holidays ? <p className="field-error">{errors.fields.holidays}</p> : null}
      {rows.map((r, i) => (
        <fieldset key={r.key} className="card holiday-row">
          <legend>{t('calendar.holidayN', { n: i + 1 })}</legend>
          <TextField name={`holidays[${i}].date`} label={t('calendar.day')} hint={dayHint(r.date)} value={r.date} onChange={(date) => change(r.key, { date })} error={errors.fields[`holidays[${i}].date`]} required />
          <SelectField
            name={`holidays[${i}].kind`}
            label={t('calendar.kind')}
            value={r.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`holidayKind.${k}`) }))}
            onChange={(kind) => change(r.key, { kind: kind as Holiday['kind'] })}
            error={errors.fields[`holidays[${i}].kind`]}
            required
          />
          <TextField name={`holidays[${i}].name`} label={t('calendar.name')} value={r.name} onChange={(name) => change(r.key, { name })} error={errors.fields[`holidays[${i}].name`]} required />
          <button type="button" onClick={() => setRows((current) => current.filter((x) => x.key !== r.key))}>
            {t('calendar.removeHoliday', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows((current) => [...current, row()])}>
        {t('calendar.addHoliday')}
      </button>
    </FormShell>
  );

  /** Under a day field: the day as officers write it once it reads as one, else how to type it. */
  function dayHint(text: string): string {
    const day = parseTypedDay(text);
    return day ? formatDay(day, lang) : t('calendar.dayHint');
  }
}
