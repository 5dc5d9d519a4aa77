import { useId, type ReactNode } from 'react';

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

export function DateTimeField(props: FieldProps & { value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type="datetime-local"
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

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
