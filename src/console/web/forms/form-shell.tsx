import { useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ChangesSince } from './changes-since';
import { CHECK_EVENT } from './fields';
import { useI18n } from '../i18n/i18n';
import type { CommandErrors } from './use-command';

/**
 * A form with a heading, its fields, the submit button, and the refusals that concern the form as
 * a whole (FORBIDDEN, INVALID_TRANSITION, CONFLICT, …) announced with role="alert".
 */
export function FormShell(props: {
  title: string;
  submitLabel: string;
  busy: boolean;
  errors: CommandErrors;
  onSubmit(): void;
  onReload?(): void;
  /** The values came from what the officer typed before (forms/drafts.ts): say so. */
  kept?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const changes = useContext(ChangesSince);
  // A typed date that is not a real date and time is the one thing judged here: sending it would
  // only earn the API's refusal of a text the officer can already see is wrong.
  const [unreadable, setUnreadable] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    element.dispatchEvent(new Event(CHECK_EVENT));
    const first = element.querySelector<HTMLElement>('[data-unreadable-date="true"]');
    setUnreadable(first !== null);
    if (first) return first.focus();
    props.onSubmit();
  };
  const refusal = props.errors.form;
  // After a refusal, focus goes to the field the API named, so the officer is where the fix is.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.errors]);
  return (
    // noValidate: the API is the one judge of input, and its messages appear next to the field.
    <form ref={form} className="step-form" onSubmit={submit} noValidate aria-label={props.title}>
      <h3>{props.title}</h3>
      <p className="hint">{t('form.required')}</p>
      {props.kept ? <p className="notice draft-kept">{t('form.draftKept')}</p> : null}
      {props.kept ? changes : null}
      {props.children}
      {refusal ? (
        <div className="form-error" role="alert" data-code={refusal.code} data-key={refusal.key}>
          <strong>{t(`error.${refusal.code}`)}</strong>
          {refusal.message ? <p>{refusal.message}</p> : null}
          {refusal.code === 'CONFLICT' && props.onReload ? (
            <button type="button" onClick={props.onReload}>
              {t('action.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      {unreadable || Object.keys(props.errors.fields).length > 0 ? (
        <p className="form-error" role="alert">
          {t('error.fieldsBelow')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? t('action.sending') : props.submitLabel}
      </button>
    </form>
  );
}
