import { useId } from 'react';

/** One checkbox that must be ticked on purpose (a confirmation); its error stands under it, linked for screen readers. */
export function CheckboxField(props: { name: string; label: string; checked: boolean; onChange(checked: boolean): void; error?: string; hint?: string }) {
  const id = useId();
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          checked={props.checked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        {props.label}
      </label>
      {props.hint ? <p className="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p className="field-error" id={`${id}-error`}>{props.error}</p> : null}
    </div>
  );
}
