import { TOKEN_AGENCIES } from '../../../case/case-vocabulary';
import { useState, type FormEvent } from 'react';
import { startOidcSignIn } from '../auth/oidc';
import { signIn } from '../auth/session';
import { requestDevToken, type SignInConfig } from '../auth/sign-in-config';
import { SelectField, TextField } from '../forms/fields';
import { useFields } from '../forms/use-fields';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** Agencies that sign in, as the server's vocabulary lists them (NETRA, the deadline process, never signs in). */
const AGENCIES = TOKEN_AGENCIES;

/** #/sign-in — the identity provider in production; in development, an agency and region of your choice. */
export function SignInPage({ config, error }: { config: SignInConfig; error: string | null }) {
  const { t } = useI18n();
  return (
    <div className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {error ? (
        <p className="form-error" role="alert">
          {t('signIn.failed', { reason: error })}
        </p>
      ) : null}
      {config.mode === 'development' ? <DevSignIn /> : <OidcSignIn config={config} />}
    </div>
  );
}

function OidcSignIn({ config }: { config: Extract<SignInConfig, { mode: 'oidc' }> }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const { clientId, scopes } = config;
  if (!clientId || !scopes) return <p role="alert">{t('signIn.notConfigured')}</p>;
  const start = () => startOidcSignIn({ issuer: config.issuer, clientId, scopes, audience: config.audience }).catch((e: unknown) => setFailure(String(e)));
  return (
    <>
      <p>{t('signIn.oidcIntro', { issuer: new URL(config.issuer).host })}</p>
      {failure ? <p role="alert">{t('signIn.failed', { reason: failure })}</p> : null}
      <button type="button" className="primary" onClick={() => void start()}>
        {t('signIn.oidcButton')}
      </button>
    </>
  );
}

function DevSignIn() {
  const { t, label, refusalText } = useI18n();
  const { values, set } = useFields({ agency: 'BAWASLU', region: '', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const answer = await requestDevToken(values).catch((e: unknown) => ({ code: 'NETWORK', field: undefined, message: String(e) }));
    setBusy(false);
    if ('token' in answer) {
      signIn(answer.token);
      if (location.hash === '#/sign-in') navigate('#/queue');
      return;
    }
    setErrors({ [answer.field ?? 'form']: refusalText(answer) });
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('signIn.devTitle')}>
      <p className="notice">{t('signIn.devIntro')}</p>
      <SelectField
        name="agency"
        label={t('field.agency')}
        value={values.agency}
        options={AGENCIES.map((a) => ({ value: a, label: label('Agency', a) }))}
        onChange={set('agency')}
        error={errors.agency}
        required
      />
      <TextField name="region" label={t('field.region')} hint={t('hint.signInRegion')} value={values.region} onChange={set('region')} error={errors.region} />
      <TextField name="name" label={t('field.officerName')} value={values.name} onChange={set('name')} error={errors.name} autoComplete="name" />
      {errors.form ? <p role="alert" className="form-error">{errors.form}</p> : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('signIn.devButton')}
      </button>
    </form>
  );
}
