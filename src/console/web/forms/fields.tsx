import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { parseTypedDateTime, parseTypedDay, typedDateTime, typedDay } from '../time/typed-date';
import type { Lang } from '../../../words/zones';

/**
 * Labelled inputs. Each shows the API's message for its field right under it, linked with
 * aria-describedby so a screen reader reads it with the field; `name` is the API input path.
 */
interface FieldProps {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function Field({ id, label, error, hint, required, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

const describedBy = (id: string, { error, hint }: FieldProps) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldProps & { value: string; onChange(value: string): void; type?: 'text' | 'email' | 'tel'; autoComplete?: string }) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        rows={4}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

/**
 * A date and time as officers write them, "06/12/2026 14.05", in a text input rather than the
 * browser's own control (which shows "12/06/2026, 02:17 AM" in an English browser). `value` is the
 * wall-clock time as "2026-12-06T14:05" (read in the case's zone by fromLocalInput), '' when empty,
 * or the text as typed while it is not a real date and time: the field says so in the officer's
 * language and FormShell does not send the form.
 */
export function DateTimeField(props: FieldProps & { value: string; onChange(value: string): void }) {
  return <TypedDateField {...props} kind="date" parse={parseTypedDateTime} format={typedDateTime} />;
}

/** A day as officers write it, "06/12/2026"; `value` is "2026-12-06", '' or the text as typed. */
export function DayField(props: FieldProps & { value: string; onChange(value: string): void }) {
  return <TypedDateField {...props} kind="day" parse={parseTypedDay} format={(value) => typedDay(value)} />;
}

function TypedDateField(
  props: FieldProps & { value: string; onChange(value: string): void; kind: 'date' | 'day'; parse(text: string): string | null; format(value: string, lang: Lang): string },
) {
  const id = useId();
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => props.format(props.value, lang));
  const [checked, setChecked] = useState(false);
  // The value this field last handed up: any other one came from outside (a kept draft, a reset).
  const emitted = useRef(props.value);
  useEffect(() => {
    if (props.value === emitted.current) return;
    emitted.current = props.value;
    setText(props.format(props.value, lang));
  }, [props.value]);
  useEffect(() => {
    const value = props.parse(text);
    if (value !== null) setText(props.format(value, lang));
  }, [lang]);
  // FormShell asks every typed date to show its message before it refuses to send.
  useEffect(() => {
    const form = input.current?.form;
    const check = () => setChecked(true);
    form?.addEventListener(CHECK_EVENT, check);
    return () => form?.removeEventListener(CHECK_EVENT, check);
  }, []);
  const unreadable = text.trim() !== '' && props.parse(text) === null;
  const error = unreadable && checked ? t(`${props.kind}.invalid`) : props.error;
  const hint = [t(`${props.kind}.hint`), props.hint].filter(Boolean).join(' ');
  const change = (typed: string) => {
    setText(typed);
    const value = typed.trim() === '' ? '' : (props.parse(typed) ?? typed);
    emitted.current = value;
    props.onChange(value);
  };
  const blur = () => {
    setChecked(true);
    const value = props.parse(text);
    if (value !== null) setText(props.format(value, lang));
  };
  return (
    <Field {...props} id={id} error={error} hint={hint}>
      <input
        ref={input}
        id={id}
        name={props.name}
        type="text"
        value={text}
        placeholder={t(`${props.kind}.placeholder`)}
        required={props.required}
        autoComplete="off"
        spellCheck={false}
        data-unreadable-date={unreadable ? 'true' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { ...props, error, hint })}
        onChange={(event) => change(event.target.value)}
        onBlur={blur}
      />
    </Field>
  );
}

/**
 * One file to upload; uncontrolled (a browser never lets a page set a file input), so a new key empties it.
 * The native input stays (focusable, labelled, `required` still checked by the browser) but is drawn
 * visually hidden: its own button and "no file chosen" text follow the browser's language, not the
 * console's, so the console draws both in its own words beside it.
 */
export function FileField(props: FieldProps & { onChange(file: File | null): void; accept?: string }) {
  const id = useId();
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Field {...props} id={id}>
      <input
        ref={input}
        id={id}
        className="visually-hidden file-input"
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          setChosen(file?.name ?? null);
          props.onChange(file);
        }}
      />
      {/* For the pointer only: keyboard and screen-reader users reach the labelled input itself. */}
      <div className="file-chooser" aria-hidden="true" onClick={() => input.current?.click()}>
        <span className="file-choose">{t('file.choose')}</span>
        <span className="file-chosen">{chosen ?? t('file.none')}</span>
      </div>
    </Field>
  );
}

/** Sent on a form by FormShell before it sends: typed dates show why they cannot be read. */
export const CHECK_EVENT = 'netra:check-dates';

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { value: string; options: Option[]; onChange(value: string): void; placeholder?: string }) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Several choices out of a list (violations, respondents): a fieldset of checkboxes with one legend. */
export function CheckboxGroup(props: FieldProps & { values: string[]; options: Option[]; onChange(values: string[]): void }) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? props.options.map((o) => o.value).filter((v) => v === value || props.values.includes(v)) : props.values.filter((v) => v !== value));
  return (
    <fieldset className={props.error ? 'field checkbox-group field-invalid' : 'field checkbox-group'} aria-describedby={describedBy(id, props)}>
      <legend>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {props.options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="checkbox" name={props.name} value={option.value} checked={props.values.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
          {option.label}
        </label>
      ))}
      {props.hint ? <p className="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p className="field-error" id={`${id}-error`}>{props.error}</p> : null}
    </fieldset>
  );
}
